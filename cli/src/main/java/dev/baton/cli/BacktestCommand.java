package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.audit.BacktestReport;
import dev.baton.engine.audit.BacktestScope;
import dev.baton.engine.audit.ReplayFailure;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.runtime.Baton;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton decisions backtest --candidate <pack>}: runs a candidate pack in place of its
 * recorded version over recorded inputs and summarises how the actions would have changed
 * ({@code 3 decisions, 3 customers: CREATE_SALES_TASK → PUSH_CONTENT_PACK}). Nothing is written.
 * Progress on stderr; Ctrl-C stops after the decisions in hand and prints what was done.
 */
@Command(name = "backtest",
    description = {"Runs a candidate pack over recorded decisions and shows what would change.",
        "Each recorded pipeline that held the pack gets the candidate in its place; prints how"
            + " many decisions changed, each flip of actions with how many customers it"
            + " concerns, and the changed decisions. Nothing is recorded."})
final class BacktestCommand extends StoreCommand {

  @Option(names = "--candidate", required = true, paramLabel = "<pack>",
      description = "The candidate: a pack folder or file (e.g. your edited copy).")
  Path candidatePath;

  @Option(names = "--pack", paramLabel = "<id>",
      description = "The pack the candidate replaces (default: the candidate's id).")
  String pack;

  @Option(names = "--from", paramLabel = "<iso-instant>", converter = InstantConverter.class,
      description = "Only decisions recorded at or after this time.")
  Instant from;

  @Option(names = "--to", paramLabel = "<iso-instant>", converter = InstantConverter.class,
      description = "Only decisions recorded before this time.")
  Instant to;

  @Option(names = "--limit", paramLabel = "<n>", defaultValue = "20",
      description = "List at most this many changed decisions (default: ${DEFAULT-VALUE};"
          + " 0 for all).")
  int limit;

  private RulePack candidate;

  @Override
  protected void checkInputs() {
    requireExisting(candidatePath, "candidate pack file or folder");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new BatonException("--from " + from + " is not before --to " + to
          + ": the range [from, to) is empty.");
    }
    if (limit < 0) {
      throw new BatonException("--limit must be 0 (all) or more, was " + limit + ".");
    }
    candidate = RulePacks.read(candidatePath);
  }

  @Override
  protected int run(Baton baton) {
    BacktestReport report;
    try (CancelOnInterrupt interrupt = CancelOnInterrupt.install()) {
      report = baton.decisions().replayer().backtest(candidate,
          new BacktestScope(pack, from, to), new ProgressPrinter(err(), spec.qualifiedName()),
          interrupt.cancellation());
      print(report);
    }
    return report.failed() == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private void print(BacktestReport r) {
    String replaced = pack == null ? candidate.id() : pack;
    if (r.total() == 0 && !r.cancelled()) {
      out().printf("No recorded decision used %s%s: nothing to backtest.%n", replaced,
          from == null && to == null ? "" : " in that time range");
      out().flush();
      return;
    }
    out().printf("Backtest of %s (candidate for %s) on %d recorded %s: %d changed,"
        + " %d unchanged%s%s.%n", candidate.coordinates(), replaced, r.total(),
        r.total() == 1 ? "decision" : "decisions", r.changed(), r.unchanged(),
        r.failed() == 0 ? "" : ", " + r.failed() + " failed",
        r.cancelled() ? " (cancelled before the end)" : "");
    for (BacktestReport.Flip f : r.flips()) {
      out().printf("  %s, %s: %s%n", count(f.customers(), "customer"),
          count(f.decisions(), "decision"), f.label());
    }
    if (!r.affected().isEmpty()) {
      out().println("Changed decisions:");
      Table table = new Table("  #", "DECISION", "CUSTOMER", "CHANGE");
      r.affected().stream().limit(limit == 0 ? Long.MAX_VALUE : limit).forEach(a ->
          table.row("  " + a.sequence(), a.decisionId(), a.customerId(), a.label()));
      table.print(out());
      long more = r.changed() - Math.min(r.affected().size(), limit == 0 ? Long.MAX_VALUE : limit);
      if (more > 0) {
        out().printf("  (%d more; --limit 0 lists all that the report holds)%n", more);
      }
    }
    for (ReplayFailure f : r.failures()) {
      out().printf("✘ #%d decision %s could not be evaluated with the candidate: %s%n",
          f.sequence(), f.decisionId(), f.problem());
    }
    out().flush();
  }
}
