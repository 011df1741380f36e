package dev.baton.cli;

import dev.baton.engine.Problem;
import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.FactsInvalidException;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.DecideOptions;
import dev.baton.engine.runtime.Decided;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton evaluate}: evaluates a pipeline of packs on a facts file and prints the decision
 * as JSON. The evaluation time is an input: {@code --now}, else the facts file's {@code now};
 * only when neither is given is the current time used, with a note on stderr.
 *
 * <p>A pack is a file or folder, or else a pack of the repository ({@code id} for its active
 * version, {@code id@version} pinned). Packs of the repository or {@code --record} open the
 * database and decide through {@link Baton#decide(Evaluation, DecideOptions)}: with {@code
 * --record} as the product does (consent facts from the consent ledger, the decision recorded in
 * the decision log; its id and hash go to stderr), without it on the facts file's consent and
 * unrecorded. Pack files alone and no {@code --record} need no database: the engine evaluates
 * them on the facts file as given, which is the same decision.
 */
@Command(
    name = "evaluate",
    description = {
        "Evaluates packs on facts and prints the decision as JSON.",
        "The decision says why: fired rules with the facts they matched, actions, vetoes,"
            + " blocks and allows with their proofs, scores and, for every rule that did not"
            + " fire, its nearest miss. With --record the consent facts come from the consent"
            + " ledger and the decision is recorded in the decision log."})
final class EvaluateCommand extends BatonCommand {
  @Option(names = "--pack", required = true, split = ",", paramLabel = "<pack>",
      description = "Packs in pipeline order (comma-separated or repeated): a file or folder,"
          + " or a pack of the repository, id (active version) or id@version.")
  List<String> packs;

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
      description = "Who asks (a user or a service), recorded in the decision (with --record,"
          + " default: your user name).")
  String actor;

  @Option(names = "--record",
      description = "Record the decision in the decision log (consent facts then come from the"
          + " consent ledger); prints its id and hash on stderr.")
  boolean record;

  @Mixin
  DatabaseOptions database;

  @Override
  protected int execute() {
    if (!Files.isRegularFile(facts)) {
      error("No such facts file: " + facts + ".");
      return ExitCodes.USAGE;
    }
    if (!record && packs.stream().allMatch(PackLoader::isPath)) {
      return evaluate(packs.stream().map(p -> RulePacks.read(Path.of(p))).toList(), null);
    }
    try (Baton baton = database.open()) {
      PackLoader loader = PackLoader.on(baton.packs());
      return evaluate(packs.stream().map(loader::load).toList(), baton);
    } catch (IllegalArgumentException e) {
      error(e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  /** Evaluates, through {@code baton} (recording) when given, else with a bare engine. */
  private int evaluate(List<RulePack> pipeline, Baton baton) {
    FactsDocument document = RulePacks.readFacts(facts);
    String who = actor == null && record ? System.getProperty("user.name") : actor;
    Evaluation evaluation = Evaluation.of(pipeline, document.facts(), evaluationTime(document))
        .by(requestId, who);
    Decision decision;
    Decided decided = null;
    try {
      if (baton != null) {
        // The facts file's consent unless recording: then the ledger's, as the product decides.
        decided = baton.decide(evaluation, new DecideOptions(record, record
            ? DecideOptions.ConsentSource.LEDGER : DecideOptions.ConsentSource.FACTS, true));
        decision = decided.decision();
      } else {
        decision = RulesEngine.create().evaluate(evaluation);
      }
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
    if (record) {
      noteConsentFacts(document);
      reportRecord(decided.record());
    }
    return ExitCodes.OK;
  }

  /** The ledger is the only source of consent when recording: say so if the file had some. */
  private void noteConsentFacts(FactsDocument document) {
    long n = document.facts().stream().filter(f -> "Consent".equals(f.type())).count();
    if (n > 0) {
      err().println(spec.qualifiedName() + ": note: the " + n + " Consent "
          + (n == 1 ? "fact" : "facts") + " in " + facts + " were not used: with --record,"
          + " consent comes from the consent ledger (baton consent import).");
    }
  }

  private void reportRecord(RecordedDecision r) {
    if (r == null) {
      return;
    }
    if (r.duplicate()) {
      err().printf("%s: request %s was recorded before: decision %s (#%d, hash %s); nothing"
          + " new was recorded.%n", spec.qualifiedName(), r.requestId(), r.decisionId(),
          r.sequence(), r.hash());
    } else {
      err().printf("%s: recorded decision %s (#%d, request %s, hash %s).%n",
          spec.qualifiedName(), r.decisionId(), r.sequence(), r.requestId(), r.hash());
    }
    err().flush();
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
