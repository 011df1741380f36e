package dev.baton.samples.bootstarter;

import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.runtime.Decided;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * At start-up, decides on the visit request in {@code --facts=<location>} (a Spring resource
 * location; the bundled {@code classpath:visit-request.json} by default) and prints the decision:
 * the record in the decision log, the pipeline, the rules that fired, the actions and the actions
 * vetoed with their proof.
 */
@Component
public class DecideOnStartUp implements ApplicationRunner {
  /** The visit request decided when no {@code --facts} is given. */
  public static final String DEFAULT_FACTS = "classpath:visit-request.json";

  private final VisitDecisions decisions;
  private final ResourceLoader resources;
  private volatile Decided last;

  public DecideOnStartUp(VisitDecisions decisions, ResourceLoader resources) {
    this.decisions = decisions;
    this.resources = resources;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> given = args.getOptionValues("facts");
    String location = given == null || given.isEmpty() ? DEFAULT_FACTS : given.get(0);
    last = decisions.decide(read(location));
    print(last, System.out);
  }

  /** The decision made at start-up. */
  public Decided lastDecision() {
    return last;
  }

  private FactsDocument read(String location) {
    Resource r = resources.getResource(location);
    if (!r.exists()) {
      throw new IllegalArgumentException("No facts file at " + location + ": give one with"
          + " --facts=file:/path/to/visit.json (or a classpath: location).");
    }
    try (InputStream in = r.getInputStream()) {
      return RulePacks.parseFacts(location, new String(in.readAllBytes(),
          StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + location, e);
    }
  }

  static void print(Decided decided, PrintStream out) {
    Decision d = decided.decision();
    out.println("Visit request " + d.requestId() + " decided at " + d.now());
    out.println(decided.record() == null ? "Not recorded (baton.decision-log.enabled=false)"
        : (decided.record().duplicate() ? "Already recorded as " : "Recorded as ")
            + decided.record().decisionId() + " (sequence " + decided.record().sequence() + ")");
    out.println("Pipeline: " + d.packs().stream().map(p -> p.id() + "@" + p.version())
        .collect(Collectors.joining(" -> ")));
    out.println("Scores: " + d.scores());
    d.fired().forEach(f -> out.println("Fired: " + f.pack() + "/" + f.rule() + " - "
        + f.title()));
    d.actions().forEach(a -> out.println("Action: " + a.action() + " " + a.params()));
    d.vetoed().forEach(v -> out.println("Vetoed: " + v.action().action() + " by " + v.pack()
        + "/" + v.rule() + ": " + v.reason() + " (proof: " + v.proof() + ")"));
  }
}
