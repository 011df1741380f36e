package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.Problem;
import dev.baton.engine.audit.RecordedDecision;
import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.FactsInvalidException;
import dev.baton.engine.rules.RulesEngine;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.Decided;
import java.nio.file.InvalidPathException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton evaluate}: evaluates a pipeline of packs on a facts file and prints the decision
 * as JSON. The evaluation time is an input: {@code --now}, else the facts file's {@code now};
 * only when neither is given is the current time used, with a note on stderr.
 *
 * <p>A pack is a file or folder, or else a pack of the repository ({@code id} for its active
 * version, {@code id@version} pinned). With {@code --record} the evaluation takes the product's
 * path ({@link Baton#decide}): consent facts come from the consent ledger, and the decision is
 * recorded in the decision log; its id and hash go to stderr.
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
  private static final Pattern PACK_REF = Pattern.compile("[a-z][a-z0-9-]{0,62}(@[^/\\\\]+)?");

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
    if (!record && packs.stream().allMatch(EvaluateCommand::isPath)) {
      return evaluate(packs.stream().map(p -> RulePacks.read(Path.of(p))).toList(), null);
    }
    try (Baton baton = database.open()) {
      return evaluate(packs.stream().map(p -> pack(baton.packs(), p)).toList(), baton);
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
      if (record) {
        decided = baton.decide(evaluation);
        decision = decided.decision();
      } else {
        decision = (baton != null ? baton.rules() : RulesEngine.create()).evaluate(evaluation);
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
    if (decided != null) {
      noteConsentFacts(document);
      reportRecord(decided.record());
    }
    return ExitCodes.OK;
  }

  /** A pack file or folder, or else the repository's pack {@code id} or {@code id@version}. */
  private static RulePack pack(PackRepository repository, String name) {
    if (isPath(name)) {
      return RulePacks.read(Path.of(name));
    }
    int at = name.indexOf('@');
    String id = at < 0 ? name : name.substring(0, at);
    if (at >= 0) {
      String version = name.substring(at + 1);
      return repository.get(id, version).orElseThrow(() -> new BatonException("No pack file"
          + " or folder " + name + ", and the repository has no " + id + " " + version
          + ". List the packs with 'baton pack list'."));
    }
    return repository.active(id).orElseThrow(() -> new BatonException("No pack file or folder "
        + name + ", and the repository has no active version of a pack '" + id + "'. Give a"
        + " path, or import and publish it: baton pack import <folder>; baton pack publish "
        + id + "."));
  }

  /**
   * A path when it exists, or cannot be a pack id ({@code id[@version]}: lower-case letters,
   * digits and '-'), so that a mistyped path is reported as a missing file.
   */
  private static boolean isPath(String name) {
    if (!PACK_REF.matcher(name).matches()) {
      return true;
    }
    try {
      return Files.exists(Path.of(name));
    } catch (InvalidPathException e) {
      return false;
    }
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
