package dev.baton.benchmarks;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.rules.internal.DroolsRulesEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One evaluation of the template pipeline {@code cmi-threshold → ai-trigger → consent-check} for
 * one customer, three ways, on the same workload ({@link Workload}): Baton ({@code
 * RulesEngine.evaluate}, with its full decision: reasons, proofs, nearest misses), raw Drools on
 * the DRL Baton generates ({@link RawDroolsPipeline}) and plain Java ({@link
 * HandWrittenPipeline}). Each thread cycles through the customers from its own offset. Setup
 * fails if the three variants do not decide the same for every customer.
 *
 * <p>Run with 1 and with 2 threads ({@code -t}); {@link RunAll} does both and prints the
 * ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class PipelineBenchmark {

  /** How many customers the workload cycles through. */
  @Param("256")
  public int customers;

  private Instant now;
  private List<RulePack> pipeline;
  private List<List<Fact>> facts;
  private RulesEngine engine;
  private RulesEngine perPack;
  private RawDroolsPipeline raw;
  private HandWrittenPipeline hand;

  @Setup(Level.Trial)
  public void setUp() {
    Workload workload = Workload.create(customers);
    now = Workload.NOW;
    pipeline = workload.pipeline();
    facts = workload.customers();
    engine = RulesEngine.create();
    pipeline.forEach(engine::prepare);
    perPack = DroolsRulesEngine.perPackSessions();
    pipeline.forEach(perPack::prepare);
    raw = new RawDroolsPipeline(engine, pipeline);
    hand = new HandWrittenPipeline(pipeline);
    for (int i = 0; i < facts.size(); i++) {
      Outcome baton = Outcome.of(evaluate(i)).normalized();
      Outcome r = raw.evaluate(facts.get(i), now).normalized();
      Outcome h = hand.evaluate(facts.get(i), now).normalized();
      if (!evaluate(i).equals(perPack.evaluate(Evaluation.of(pipeline, facts.get(i), now)))) {
        throw new IllegalStateException("One session and one session per pack disagree on"
            + " customer " + i);
      }
      if (!baton.equals(r) || !baton.equals(h)) {
        throw new IllegalStateException("The variants disagree on customer " + i
            + "\n baton:       " + baton + "\n rawDrools:   " + r + "\n handWritten: " + h);
      }
    }
  }

  private Decision evaluate(int i) {
    return engine.evaluate(Evaluation.of(pipeline, facts.get(i), now));
  }

  /** Each thread's position in the workload. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;
    private int size;

    @Setup(Level.Trial)
    public void setUp(PipelineBenchmark b, ThreadParams threads) {
      size = b.facts.size();
      next = threads.getThreadIndex() * size / Math.max(1, threads.getThreadCount());
    }

    int next() {
      int i = next;
      next = i + 1 == size ? 0 : i + 1;
      return i;
    }
  }

  /**
   * The CPU time of each benchmark thread, read every 32 operations. JMH reports the counter per
   * second of the iteration, like a throughput: divided by 10^9 it is the share of a core the
   * thread had (summed over threads). On a machine shared with other work, ops/s divided by that
   * share (ops per CPU-second) still compares the variants fairly; see {@link RunAll}.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds used by this thread during the iteration. */
    public long cpuNanos;
    private long last;
    private int count;

    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      count = 0;
      last = THREADS.getCurrentThreadCpuTime();
    }

    void tick() {
      if ((++count & 31) == 0) {
        long t = THREADS.getCurrentThreadCpuTime();
        cpuNanos += t - last;
        last = t;
      }
    }
  }

  @Benchmark
  public Decision baton(Cursor c, Cpu cpu) {
    cpu.tick();
    return evaluate(c.next());
  }

  /**
   * Baton as above, then its nearest misses read (the engine explains them on first access, as
   * the decision log and {@code toJson()} do): the full decision with every reason.
   */
  @Benchmark
  public Decision batonExplained(Cursor c, Cpu cpu) {
    cpu.tick();
    Decision d = evaluate(c.next());
    d.nearestMisses().size();
    return d;
  }

  /** Baton with one Drools session per pack, as before the single-session pipeline. */
  @Benchmark
  public Decision batonPerPack(Cursor c, Cpu cpu) {
    cpu.tick();
    return perPack.evaluate(Evaluation.of(pipeline, facts.get(c.next()), now));
  }

  @Benchmark
  public Outcome rawDrools(Cursor c, Cpu cpu) {
    cpu.tick();
    return raw.evaluate(facts.get(c.next()), now);
  }

  @Benchmark
  public Outcome handWritten(Cursor c, Cpu cpu) {
    cpu.tick();
    return hand.evaluate(facts.get(c.next()), now);
  }
}
