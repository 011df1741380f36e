package dev.baton.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.engine.BatonException;
import dev.baton.engine.audit.DecisionLog;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.runtime.Baton;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton decisions ...}: the decision log for auditors. Find recorded decisions, read one
 * with its input and its reasons, verify the hash chain, replay decisions on the exact pack
 * versions they used, backtest a candidate pack, and export with personal fields masked.
 */
@Command(
    name = "decisions",
    description = {
        "Reads and checks the decision log: list, show, replay, verify, backtest, export.",
        "Every decision recorded by 'baton evaluate --record' (or an application) is evidence:"
            + " its input, the exact packs, the outcome and a hash chain."},
    subcommands = {
        DecisionsCommand.ListDecisions.class,
        DecisionsCommand.Show.class,
        ReplayCommand.class,
        DecisionsCommand.Verify.class,
        BacktestCommand.class,
        ExportCommand.class})
final class DecisionsCommand extends CommandGroup {

  /** {@code baton decisions list [filters] [--limit n]}. */
  @Command(name = "list", description = "Lists recorded decisions, oldest first.")
  static final class ListDecisions extends StoreCommand {
    @Mixin
    DecisionFilters filters;

    @Option(names = "--limit", paramLabel = "<n>", defaultValue = "100",
        description = "At most this many, the latest ones (default: ${DEFAULT-VALUE}; 0 for"
            + " all).")
    int limit;

    @Override
    protected void checkInputs() {
      if (limit < 0) {
        throw new BatonException("--limit must be 0 (all) or more, was " + limit + ".");
      }
      filters.query();
    }

    @Override
    protected int run(Baton baton) {
      DecisionLog log = baton.decisions();
      DecisionQuery query = filters.query();
      long count = log.count(query);
      long skip = limit == 0 ? 0 : Math.max(0, count - limit);
      List<DecisionRecord> records = log.find(query.page(skip, limit));
      if (records.isEmpty()) {
        err().println("No recorded decisions"
            + (filters.describe().isEmpty() ? "" : " for " + filters.describe()) + ".");
        return ExitCodes.OK;
      }
      Table table = new Table("#", "RECORDED", "DECISION", "REQUEST", "CUSTOMER", "PACKS",
          "ACTIONS");
      for (DecisionRecord r : records) {
        table.row(r.sequence(), r.recordedAt(), r.decisionId(), r.requestId(), r.customerId(),
            packs(r.packs(), false), r.actions().isEmpty() ? "(none)"
                : String.join(" ", r.actions()));
      }
      table.print(out());
      if (skip > 0) {
        err().printf("(the latest %d of %d; --limit 0 shows all)%n", records.size(), count);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code baton decisions show <decision-id>}. */
  @Command(name = "show",
      description = {"Prints one recorded decision: its record, its input facts and the"
          + " decision (fired rules with their facts, actions, vetoes and proofs, near misses).",
          "Accepts a decision id or a request id."})
  static final class Show extends StoreCommand {
    @Parameters(paramLabel = "<decision-id>", description = "A decision id (or a request id).")
    String id;

    @Option(names = "--json", description = "Print the record as one JSON object.")
    boolean json;

    @Override
    protected int run(Baton baton) {
      DecisionRecord r = find(baton.decisions(), id);
      if (json) {
        out().println(PrettyJson.write(toJson(r)));
        out().flush();
        return ExitCodes.OK;
      }
      out().printf("decision   %s%n", r.decisionId());
      out().printf("sequence   %d%n", r.sequence());
      out().printf("request    %s%n", r.requestId());
      out().printf("recorded   %s%n", r.recordedAt());
      out().printf("evaluated  %s%n", r.evaluatedAt());
      out().printf("actor      %s%n", orDash(r.actor()));
      out().printf("customer   %s%n", orDash(r.customerId()));
      out().printf("packs      %s%n", packs(r.packs(), true));
      out().printf("actions    %s%n", r.actions().isEmpty() ? "(none)"
          : String.join(", ", r.actions()));
      out().printf("hash       %s%n", r.hash());
      out().printf("%ninput:%n%s%n", PrettyJson.of(r.inputJson()));
      out().printf("%ndecision:%n%s%n", PrettyJson.of(r.decisionJson()));
      out().flush();
      return ExitCodes.OK;
    }

    private static ObjectNode toJson(DecisionRecord r) {
      ObjectNode o = PrettyJson.object();
      o.put("sequence", r.sequence());
      o.put("decisionId", r.decisionId());
      o.put("requestId", r.requestId());
      o.put("recordedAt", r.recordedAt().toString());
      o.put("evaluatedAt", r.evaluatedAt().toString());
      o.put("actor", r.actor());
      o.put("customerId", r.customerId());
      var packs = o.putArray("packs");
      r.packs().forEach(p -> packs.addObject().put("id", p.id()).put("version", p.version())
          .put("hash", p.hash()));
      var actions = o.putArray("actions");
      r.actions().forEach(actions::add);
      o.put("hash", r.hash());
      o.set("input", PrettyJson.tree(r.inputJson()));
      o.set("decision", PrettyJson.tree(r.decisionJson()));
      return o;
    }
  }

  /** {@code baton decisions verify}: walks the hash chain. */
  @Command(name = "verify",
      description = {"Checks the hash chain of the whole decision log.",
          "Recomputes every record's hash from its stored content; names the first record that"
              + " was changed or removed. Exit 1 when the log does not verify."})
  static final class Verify extends StoreCommand {
    @Override
    protected int run(Baton baton) {
      VerifyReport report = baton.decisions().verify();
      if (report.ok()) {
        out().printf("OK: %d %s checked; every record matches its hash and the chain is"
            + " complete.%n", report.checked(), report.checked() == 1 ? "record" : "records");
        return ExitCodes.OK;
      }
      out().printf("FAILED at record #%d%s: %s%n", report.firstBadSequence(),
          report.firstBadDecisionId() == null ? ""
              : " (decision " + report.firstBadDecisionId() + ")", report.reason());
      out().printf("%d %s checked; records from #%d on cannot be trusted until this is"
          + " explained.%n", report.checked(), report.checked() == 1 ? "record" : "records",
          report.firstBadSequence());
      return ExitCodes.INVALID;
    }
  }

  /** The record with this decision id, or else this request id; a usage error if none. */
  static DecisionRecord find(DecisionLog log, String id) {
    return log.get(id).or(() -> log.byRequestId(id)).orElseThrow(() -> new BatonException(
        "No recorded decision has the id or request id '" + id + "'. Find it with 'baton"
            + " decisions list --customer <id>'."));
  }

  /** {@code id@version} of each pack, with the hash when asked. */
  static String packs(List<Decision.PackRef> refs, boolean withHash) {
    return refs.stream().map(p -> p.id() + "@" + p.version()
        + (withHash ? " (sha256:" + p.hash() + ")" : ""))
        .collect(Collectors.joining(withHash ? ", " : " "));
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
