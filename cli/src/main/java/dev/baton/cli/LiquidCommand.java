package dev.baton.cli;

import dev.baton.engine.liquid.Campaign;
import dev.baton.engine.liquid.CandidateVerdict;
import dev.baton.engine.liquid.CollaborationEvent;
import dev.baton.engine.liquid.ContributionSummary;
import dev.baton.engine.liquid.FormationMode;
import dev.baton.engine.liquid.FormedUnit;
import dev.baton.engine.liquid.LedgerVerifyReport;
import dev.baton.engine.Problem;
import dev.baton.engine.liquid.LiquidDemoData;
import dev.baton.engine.liquid.LiquidInputException;
import dev.baton.engine.liquid.LiquidKpis;
import dev.baton.engine.liquid.LiquidPacks;
import dev.baton.engine.liquid.LiquidServices;
import dev.baton.engine.liquid.RecordedEvent;
import dev.baton.engine.liquid.RoleStaffing;
import dev.baton.engine.liquid.Unit;
import dev.baton.engine.liquid.UnitMember;
import dev.baton.engine.runtime.Baton;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton liquid ...}: the liquid organisation (液态组织). Campaigns and their units, forming a
 * unit with the unit-formation pack (with the reasons for every candidate), recording
 * collaboration events in the hash-chained ledger, contribution points and the KPIs.
 */
@Command(
    name = "liquid",
    description = {"Forms battle units and records collaboration events (liquid organisation).",
        "Packs: each template's active published version (unit-formation, contribution-points),"
            + " or the template. Format and story: docs/liquid-organisation.md."},
    subcommands = {LiquidCommand.Campaigns.class, LiquidCommand.Units.class,
        LiquidCommand.Form.class, LiquidCommand.Record.class, LiquidCommand.Import.class,
        LiquidCommand.Events.class,
        LiquidCommand.Verify.class, LiquidCommand.Points.class, LiquidCommand.Kpis.class,
        LiquidCommand.Demo.class})
final class LiquidCommand extends CommandGroup {

  /** A store command with the liquid services open. */
  abstract static class LiquidStoreCommand extends StoreCommand {
    @Override
    protected final int run(Baton baton) {
      try (LiquidServices liquid = LiquidServices.open(baton, LiquidPacks.active(baton.packs()))) {
        return run(liquid);
      }
    }

    protected abstract int run(LiquidServices liquid);
  }

  /** {@code baton liquid campaigns}. */
  @Command(name = "campaigns", description = "Lists the campaigns and their demand lists.")
  static final class Campaigns extends LiquidStoreCommand {
    @Override
    protected int run(LiquidServices liquid) {
      for (Campaign c : liquid.directory().campaigns()) {
        out().printf("%s  %s  %s  demand %s  sla %s%n", c.id(), c.status(), c.name(),
            c.demand().stream().map(d -> d.count() + "×" + d.role() + " (" + d.requiredSkill()
                + " ≥ " + d.minSkillLevel() + (d.requiredCertification().isEmpty() ? ""
                    : ", " + d.requiredCertification()) + ")").toList(), c.sla());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code baton liquid units}. */
  @Command(name = "units", description = "Lists the units with their members.")
  static final class Units extends LiquidStoreCommand {
    @Override
    protected int run(LiquidServices liquid) {
      for (Unit u : liquid.directory().units()) {
        out().printf("%s  %s  campaign %s  formed %s by %s%n", u.id(), u.status(),
            u.campaignId(), u.formedAt(), u.formedBy());
        for (UnitMember m : u.members()) {
          out().printf("    %-10s %-22s joined %s%s%n", m.personId(), m.role(), m.joinedAt(),
              m.leftAt() == null ? "" : ", left " + m.leftAt());
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code baton liquid form --campaign ID [--lead-confirms] [--dry-run]}. */
  @Command(name = "form", description = {"Forms a campaign's unit with the unit-formation pack"
      + " and prints who was picked and why the others were not.",
      "The formation decision is recorded in the decision log. --dry-run only shows it."})
  static final class Form extends LiquidStoreCommand {
    @Option(names = "--campaign", required = true, paramLabel = "<id>")
    String campaign;

    @Option(names = "--lead-confirms", description = "Form the unit as PROPOSED, for a lead to"
        + " confirm (default: ACTIVE at once).")
    boolean leadConfirms;

    @Option(names = "--dry-run", description = "Evaluate only: store and record nothing.")
    boolean dryRun;

    @Option(names = "--all", description = "Print every candidate (default: picks, and the"
        + " three nearest misses of a role left short).")
    boolean all;

    @Override
    protected int run(LiquidServices liquid) {
      dev.baton.engine.liquid.Formation f;
      if (dryRun) {
        f = liquid.propose(campaign);
      } else {
        FormedUnit formed = liquid.formUnit(campaign, leadConfirms ? FormationMode.LEAD_CONFIRMS
            : FormationMode.AUTOMATIC, actor());
        f = formed.formation();
        out().printf("Unit %s %s for %s (decision %s)%n", formed.unit().id(),
            formed.unit().status(), campaign, f.decisionId());
      }
      for (RoleStaffing r : f.roles()) {
        out().printf("%s: picked %s%s%n", r.demand().role(), r.picked(),
            r.shortfall() == 0 ? "" : ", " + r.shortfall() + " short");
        for (CandidateVerdict v : r.nearestMisses()) {
          out().println("    nearest miss: " + v.explanation());
        }
      }
      if (all) {
        f.candidates().forEach(v -> out().println("  " + v.explanation()));
      }
      return f.complete() ? ExitCodes.OK : ExitCodes.INVALID;
    }
  }

  /** {@code baton liquid record --id ... --person ... --kind ...}. */
  @Command(name = "record", description = "Records a collaboration event in the hash-chained"
      + " ledger, durably (the same --id is recorded once).")
  static final class Record extends LiquidStoreCommand {
    @Option(names = "--id", required = true, paramLabel = "<event-id>")
    String id;

    @Option(names = "--person", required = true, paramLabel = "<person-id>")
    String person;

    @Option(names = "--kind", required = true, paramLabel = "<KIND>",
        description = "e.g. BID_DOCUMENT, LEGAL_RESPONSE, CASE_LIBRARY_USE,"
            + " CROSS_DEPARTMENT_MEETING, AI_PLAN_ITERATION, RISK_REVIEW, KNOWLEDGE_SESSION,"
            + " CONTRACT_SIGNED")
    String kind;

    @Option(names = "--campaign", paramLabel = "<campaign-id>")
    String campaign;

    @Option(names = "--customer", paramLabel = "<customer-id>")
    String customer;

    @Option(names = "--input", paramLabel = "<text>", description = "What went in (repeatable).")
    List<String> inputs = List.of();

    @Option(names = "--output", paramLabel = "<text>", description = "What came out (repeatable).")
    List<String> outputs = List.of();

    @Option(names = "--department", paramLabel = "<name>",
        description = "The counterpart department.")
    String department;

    @Option(names = "--at", paramLabel = "<iso-instant>", converter = InstantConverter.class,
        description = "When it happened (default: now).")
    Instant at;

    @Override
    protected int run(LiquidServices liquid) {
      RecordedEvent e = liquid.record(new CollaborationEvent(id, at != null ? at
          : Instant.now().truncatedTo(ChronoUnit.SECONDS), person, campaign, customer,
          kind.toUpperCase(Locale.ROOT), inputs, outputs, department), actor());
      out().printf("Recorded %s as #%d, hash %s%n", e.event().eventId(), e.sequence(), e.hash());
      return ExitCodes.OK;
    }
  }

  /** {@code baton liquid import <file>}. */
  @Command(name = "import", description = {"Records the collaboration events of a UTF-8 file"
      + " in the ledger: a JSON array of events, or JSON Lines (one event per line), with the"
      + " fields of POST /api/v1/liquid/events (eventId, occurredAt, personId, kind required;"
      + " campaignId, customerId, inputs, outputs, counterpartDepartment).",
      "All or nothing: every event is checked first (fields, person and campaign exist); on any"
          + " problem each is printed with its line and index and nothing is recorded (exit 1).",
      "Recorded in chunks of 500, each durable before the next. Importing the same file again"
          + " is safe: an eventId is recorded once."})
  static final class Import extends LiquidStoreCommand {
    @Parameters(index = "0", paramLabel = "<file>",
        description = "The events: a JSON array, or JSON Lines.")
    Path file;

    @Override
    protected void checkInputs() {
      requireFile(file, "events file");
    }

    @Override
    protected int run(LiquidServices liquid) {
      LiquidEventsFile events = LiquidEventsFile.read(file);
      List<String> problems = events.problems(liquid.checkAll(events.events()).stream()
          .map(Import::text).toList());
      if (!problems.isEmpty()) {
        return refuse(problems);
      }
      int total = events.events().size();
      LiquidServices.RecordedBatch batch;
      try {
        batch = liquid.recordAll(events.events(), actor(), (done, of) -> {
          err().println(String.format(Locale.ROOT, "recorded %,d of %,d", done, of));
          err().flush();
        });
      } catch (LiquidInputException e) {
        if (e.problems().isEmpty()) {
          throw e;
        }
        return refuse(e.problems().stream().map(p -> events.locate(text(p))).toList());
      }
      RecordedEvent head = batch.head();
      out().println(String.format(Locale.ROOT, "Imported %,d %s from %s: %,d new, %,d already"
          + " recorded, %,d repeated in the file.", total, total == 1 ? "event" : "events", file,
          batch.newlyRecorded(), batch.alreadyRecorded(), batch.repeatedInList()));
      out().println(String.format(Locale.ROOT, "Chain head: #%,d, hash %s", head.sequence(),
          head.hash()));
      return ExitCodes.OK;
    }

    private int refuse(List<String> problems) {
      int n = problems.size();
      error("nothing recorded: " + n + (n == 1 ? " problem" : " problems") + " in " + file
          + ". Fix " + (n == 1 ? "it" : "them") + " and import the file again:");
      problems.forEach(p -> err().println("  " + p));
      return ExitCodes.INVALID;
    }

    private static String text(Problem p) {
      return p.path() + ": " + p.message() + (p.hint() == null ? "" : " " + p.hint());
    }
  }

  /** {@code baton liquid events [--campaign ID]}. */
  @Command(name = "events", description = "Lists collaboration events (a campaign's, or the"
      + " latest 50).")
  static final class Events extends LiquidStoreCommand {
    @Option(names = "--campaign", paramLabel = "<id>")
    String campaign;

    @Override
    protected int run(LiquidServices liquid) {
      List<RecordedEvent> events = campaign == null ? liquid.ledger().latest(50)
          : liquid.ledger().eventsOf(campaign);
      for (RecordedEvent r : events) {
        CollaborationEvent e = r.event();
        out().printf("#%d %s %s %s %s campaign %s customer %s%s in %s out %s%n", r.sequence(),
            e.occurredAt(), e.eventId(), e.personId(), e.kind(), e.campaignId(), e.customerId(),
            e.counterpartDepartment() == null ? "" : " with " + e.counterpartDepartment(),
            e.inputs(), e.outputs());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code baton liquid verify}. */
  @Command(name = "verify", description = "Checks the collaboration ledger's hash chain"
      + " (exit 1 when broken).")
  static final class Verify extends LiquidStoreCommand {
    @Override
    protected int run(LiquidServices liquid) {
      LedgerVerifyReport r = liquid.ledger().verify();
      if (r.intact()) {
        out().printf("Intact: %d events, every hash matches.%n", r.checked());
        return ExitCodes.OK;
      }
      error("broken at event " + r.firstBroken() + ": " + r.problem());
      return ExitCodes.INVALID;
    }
  }

  /** {@code baton liquid points [--campaign ID]}. */
  @Command(name = "points", description = "Contribution points (液态积分) per person and role,"
      + " and per event with its reasons.")
  static final class Points extends LiquidStoreCommand {
    @Option(names = "--campaign", paramLabel = "<id>")
    String campaign;

    @Override
    protected int run(LiquidServices liquid) {
      ContributionSummary s = liquid.contributions(campaign);
      out().printf("Pack %s, %d events, total %s, attributable %.0f%%%n", s.pack(),
          s.events().size(), s.total().toPlainString(), s.attributableShare() * 100);
      s.byPerson().forEach((p, v) -> out().printf("  %-10s %s%n", p, v.toPlainString()));
      out().println("By role:");
      s.byRole().forEach((r, v) -> out().printf("  %-22s %s%n", r, v.toPlainString()));
      out().println("By event:");
      s.events().forEach(e -> out().printf("  %s %s %s %s: %s = %s%n", e.eventId(), e.personId(),
          e.role() == null ? "-" : e.role(), e.kind(), e.reasons().stream()
              .map(dev.baton.engine.liquid.Reason::text).toList(), e.points().toPlainString()));
      return ExitCodes.OK;
    }
  }

  /** {@code baton liquid kpis}. */
  @Command(name = "kpis", description = "Average minutes from demand to formed unit (target 23)"
      + " and the share of contributions attributable to a role and campaign (target 100%).")
  static final class Kpis extends LiquidStoreCommand {
    @Override
    protected int run(LiquidServices liquid) {
      LiquidKpis k = liquid.kpis();
      out().printf("Units formed: %d, average %.1f minutes from demand to unit (target %.0f: %s)%n",
          k.unitsFormed(), k.averageMinutesToForm(), LiquidKpis.TARGET_MINUTES_TO_FORM,
          k.formationOnTarget() ? "met" : "not met");
      out().printf("Attributable contributions: %.1f%% of %d events (target 100%%: %s)%n",
          k.attributableShare() * 100, k.events(), k.attributionOnTarget() ? "met" : "not met");
      return ExitCodes.OK;
    }
  }

  /** {@code baton liquid demo}. */
  @Command(name = "demo", description = "Loads the demo story (people, two campaigns with units"
      + " and events, one open campaign) unless the directory has people.")
  static final class Demo extends LiquidStoreCommand {
    @Override
    protected int run(LiquidServices liquid) {
      out().println(LiquidDemoData.load(liquid) ? "Loaded the liquid-organisation demo story."
          : "The directory already has people: nothing loaded.");
      return ExitCodes.OK;
    }
  }
}
