package dev.baton.benchmarks.liquid;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.liquid.Campaign;
import dev.baton.engine.liquid.Formation;
import dev.baton.engine.liquid.LiquidPacks;
import dev.baton.engine.liquid.LiquidServices;
import dev.baton.engine.liquid.Person;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.Databases;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forming a unit: a demand list of 10 roles against 5,000 people (issue 18: ≤ 200 ms at p99).
 * One operation = {@link LiquidServices#propose(Campaign, List, Map, Map, java.time.Instant,
 * String, String)}: the candidate facts built from the passports (people holding a demanded role
 * or its skill), the {@code unit-formation} template evaluated through {@code Baton.decide}, the
 * NOT_ELIGIBLE / RANK actions read back, the picks and every candidate's verdict with reasons.
 * {@code recorded}: the same, with the formation decision recorded durably in the decision log
 * (what {@code formUnit} does). People are in memory (the directory read is not timed).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar FormationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class FormationBenchmark {
  @Param({"5000"})
  public int people;

  @Param({"10"})
  public int roles;

  private HikariDataSource dataSource;
  private Baton baton;
  private LiquidServices liquid;
  private List<Person> directory;
  private Map<String, Integer> active;
  private Map<String, BigDecimal> points;
  private Campaign campaign;
  private long request;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dataSource = Databases.pooled(Databases.h2Url(Files.createTempDirectory("baton-liquid-")));
    baton = Baton.open(dataSource, true);
    liquid = LiquidServices.open(baton, LiquidPacks.bundled());
    directory = LiquidWorkload.people(people, 18);
    active = LiquidWorkload.activeUnits(directory, 18);
    points = LiquidWorkload.points(directory, 18);
    campaign = LiquidWorkload.campaign(roles);
    Formation f = form(null);
    if (!f.complete()) {
      throw new IllegalStateException("The workload cannot staff its demand: " + f.roles());
    }
  }

  private Formation form(String requestId) {
    return liquid.propose(campaign, directory, active, points, LiquidWorkload.NOW, requestId,
        "bench");
  }

  @Benchmark
  public Formation evaluated() {
    return form(null);
  }

  @Benchmark
  public Formation recorded() {
    return form("formation-bench-" + (request++));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    liquid.close();
    baton.close();
    dataSource.close();
  }
}
