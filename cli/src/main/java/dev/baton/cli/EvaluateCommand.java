package dev.baton.cli;

import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.FactsInvalidException;
import dev.baton.engine.rules.RulesEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton evaluate}: evaluates a pipeline of packs on a facts file and prints the decision
 * as JSON. The evaluation time is an input: {@code --now}, else the facts file's {@code now};
 * only when neither is given is the current time used, with a note on stderr.
 */
@Command(
    name = "evaluate",
    description = {
        "Evaluates packs on facts and prints the decision as JSON.",
        "The decision says why: fired rules with the facts they matched, actions, vetoes,"
            + " blocks and allows with their proofs, scores and, for every rule that did not"
            + " fire, its nearest miss."})
final class EvaluateCommand extends BatonCommand {

  @Option(names = "--pack", required = true, split = ",", paramLabel = "<path>",
      description = "Pack files or folders, in pipeline order (comma-separated or repeated).")
  List<Path> packs;

  @Option(names = "--facts", required = true, paramLabel = "<file.json>",
      description = "Facts file: {\"now\": \"2026-11-27T09:00:00Z\", \"facts\": {\"Type\": [...]}}.")
  Path facts;

  @Option(names = "--now", paramLabel = "<iso-instant>", converter = InstantConverter.class,
      description = "Evaluation time, e.g. 2026-11-27T09:00:00Z (default: the facts file's now).")
  Instant now;

  @Option(names = "--request-id", paramLabel = "<id>",
      description = "Your id for this request, recorded in the decision.")
  String requestId;

  @Option(names = "--actor", paramLabel = "<actor>",
      description = "Who asks (a user or a service), recorded in the decision.")
  String actor;

  @Override
  protected int execute() {
    List<RulePack> pipeline = packs.stream().map(RulePacks::read).toList();
    if (!Files.isRegularFile(facts)) {
      error("No such facts file: " + facts + ".");
      return ExitCodes.USAGE;
    }
    FactsDocument document = RulePacks.readFacts(facts);
    Evaluation evaluation = Evaluation.of(pipeline, document.facts(), evaluationTime(document))
        .by(requestId, actor);
    Decision decision;
    try {
      decision = RulesEngine.create().evaluate(evaluation);
    } catch (FactsInvalidException e) {
      // The engine names the source "facts"; name the file the user gave instead.
      int n = e.problems().size();
      error("The facts in " + facts + " do not fit the packs (" + n
          + (n == 1 ? " problem" : " problems") + "):");
      e.problems().forEach(p -> err().println("  " + inFile(p)));
      return ExitCodes.INVALID;
    }
    String json = decision.toJson();
    out().print(json.endsWith("\n") ? json : json + "\n");
    out().flush();
    return ExitCodes.OK;
  }

  private Problem inFile(Problem p) {
    return new Problem(facts.toString(), p.line(), p.column(), p.ruleId(), p.path(), p.message(),
        p.hint());
  }

  private Instant evaluationTime(FactsDocument document) {
    if (now != null) {
      return now;
    }
    if (document.now() != null) {
      return document.now();
    }
    Instant wallClock = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    err().println(spec.qualifiedName() + ": note: neither --now nor \"now\" in " + facts
        + "; evaluating at the current time " + wallClock
        + ". Give --now to make the decision reproducible.");
    return wallClock;
  }
}
