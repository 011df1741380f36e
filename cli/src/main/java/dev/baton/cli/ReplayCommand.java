package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.audit.FieldDifference;
import dev.baton.engine.audit.ReplayDifference;
import dev.baton.engine.audit.ReplayFailure;
import dev.baton.engine.audit.ReplayReport;
import dev.baton.engine.audit.ReplayScope;
import dev.baton.engine.runtime.Baton;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton decisions replay}: re-evaluates recorded decisions on the exact pack versions they
 * used (by content hash) and reports every field that comes out differently. Exit 1 when any
 * decision differs or cannot be replayed. Progress on stderr; Ctrl-C stops after the decisions in
 * hand and prints what was replayed.
 */
@Command(name = "replay",
    description = {"Re-evaluates recorded decisions on the exact packs they used and compares.",
        "Prints 'N identical, M different' and every field that differs. Scope: one decision,"
            + " a time range, the decisions of a pack, or (default) all. Exit 1 when any"
            + " decision differs or cannot be replayed."})
final class ReplayCommand extends StoreCommand {

  @Option(names = "--decision", paramLabel = "<id>",
      description = "Replay one decision (a decision id or a request id).")
  String decision;

  @Option(names = "--from", paramLabel = "<iso-instant>", converter = InstantConverter.class,
      description = "Replay the decisions recorded at or after this time.")
  Instant from;

  @Option(names = "--to", paramLabel = "<iso-instant>", converter = InstantConverter.class,
      description = "Replay the decisions recorded before this time.")
  Instant to;

  @Option(names = "--pack", paramLabel = "<id>",
      description = "Replay every decision whose pipeline held this pack.")
  String pack;

  @Override
  protected void checkInputs() {
    int scopes = (decision != null ? 1 : 0) + (pack != null ? 1 : 0)
        + (from != null || to != null ? 1 : 0);
    if (scopes > 1) {
      throw new BatonException("Give one scope: --decision, or --from/--to, or --pack"
          + " (or none for every decision).");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BatonException("--from " + from + " is not before --to " + to
          + ": the range [from, to) is empty.");
    }
  }

  @Override
  protected int run(Baton baton) {
    ReplayScope scope = decision != null
        ? ReplayScope.decision(DecisionsCommand.find(baton.decisions(), decision).decisionId())
        : pack != null ? ReplayScope.pack(pack) : ReplayScope.between(from, to);
    ReplayReport report;
    try (CancelOnInterrupt interrupt = CancelOnInterrupt.install()) {
      report = baton.decisions().replayer().replay(scope,
          new ProgressPrinter(err(), spec.qualifiedName()), interrupt.cancellation());
      print(report);
    }
    if (report.total() == 0) {
      return ExitCodes.OK;
    }
    return report.different() == 0 && report.failed() == 0 && !report.cancelled()
        ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private void print(ReplayReport report) {
    if (report.total() == 0 && !report.cancelled()) {
      out().println("No recorded decisions in scope: nothing to replay.");
      out().flush();
      return;
    }
    for (ReplayDifference d : report.differences()) {
      int n = d.fields().size();
      out().printf("✘ #%d decision %s differs in %d %s:%n", d.sequence(), d.decisionId(), n,
          n == 1 ? "field" : "fields");
      for (FieldDifference f : d.fields()) {
        out().printf("    %s: recorded %s, replayed %s%n", f.path(), orAbsent(f.recorded()),
            orAbsent(f.replayed()));
      }
    }
    for (ReplayFailure f : report.failures()) {
      out().printf("✘ #%d decision %s could not be replayed: %s%n", f.sequence(),
          f.decisionId(), f.problem());
    }
    long listed = report.differences().size() + report.failures().size();
    if (listed < report.different() + report.failed()) {
      out().printf("(%d more not listed)%n", report.different() + report.failed() - listed);
    }
    out().printf("%d identical, %d different%s (%d replayed%s).%n", report.identical(),
        report.different(), report.failed() == 0 ? "" : ", " + report.failed() + " failed",
        report.total(), report.cancelled() ? ", cancelled before the end" : "");
    out().flush();
  }

  private static String orAbsent(String json) {
    return json == null ? "(absent)" : json;
  }
}
