package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.battlepack.BattlePackStore;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewMessage;
import dev.baton.engine.battlepack.ReviewPolicy;
import dev.baton.engine.battlepack.ReviewQueue;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewTasks;
import dev.baton.engine.battlepack.ReviewVerdict;
import dev.baton.engine.battlepack.StoredPack;
import dev.baton.engine.runtime.Baton;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton review ...}: the legal and finance pre-review queues (and the manager approval) of
 * the battle-pack workflow. A verdict is stored in the review queue (which checks four eyes),
 * then the workflow's review user task is completed with it over the REST API ({@code --rest});
 * an instance of the earlier, message-based workflow version gets its {@code review-decided}
 * message instead.
 */
@Command(name = "review", description = {"Legal and finance pre-review of battle packs.",
    "Works on the database of a running 'baton serve' or designer (the default H2 file is"
        + " shared), and completes the review tasks through its REST API."},
    subcommands = {ReviewCommand.ListItems.class, ReviewCommand.Show.class,
        ReviewCommand.Approve.class, ReviewCommand.Reject.class, ReviewCommand.Republish.class})
final class ReviewCommand extends CommandGroup {

  /** {@code baton review list --role legal|finance|manager}. */
  @Command(name = "list", description = "Lists a role's open reviews, the earliest due first.")
  static final class ListItems extends StoreCommand {
    @Option(names = "--role", required = true, paramLabel = "<legal|finance|manager>",
        description = "Whose queue.")
    String role;

    @Override
    protected void checkInputs() {
      ReviewRole.parse(role);
    }

    @Override
    protected int run(Baton baton) {
      List<ReviewItem> items = ReviewQueue.on(baton.store()).pending(ReviewRole.parse(role));
      if (items.isEmpty()) {
        out().println("No open " + ReviewRole.parse(role).wire() + " reviews.");
        return ExitCodes.OK;
      }
      Instant now = Instant.now();
      Table table = new Table("PACK", "STATUS", "DUE", "DECISION", "PROCESS INSTANCE");
      for (ReviewItem i : items) {
        table.row(i.packId(), i.status() + (i.dueAt().isBefore(now) ? " (overdue)" : ""),
            i.dueAt().toString(), i.decisionId(), Long.toString(i.processInstanceKey()));
      }
      table.print(out());
      return ExitCodes.OK;
    }
  }

  /** {@code baton review show --pack P}. */
  @Command(name = "show", description = "Shows a battle pack: its strategies, risk hints,"
      + " evidence and the state of both reviews.")
  static final class Show extends StoreCommand {
    @Option(names = "--pack", required = true, paramLabel = "<pack-id>")
    String packId;

    @Override
    protected int run(Baton baton) {
      StoredPack stored = BattlePackStore.on(baton.store()).pack(packId).orElseThrow(
          () -> new BatonException("No battle pack " + packId + ": see 'baton review list"
              + " --role legal' for the packs awaiting review."));
      out().println("Battle pack " + packId + " — " + stored.status() + ", hash "
          + stored.hash() + ", process instance " + stored.processInstanceKey());
      out().println(stored.pack().canonicalJson());
      for (ReviewItem i : ReviewQueue.on(baton.store()).forPack(packId)) {
        out().println(i.role().wire() + ": " + i.status()
            + (i.reviewer() == null ? "" : " by " + i.reviewer())
            + (i.comment() == null ? "" : " — " + i.comment()));
      }
      return ExitCodes.OK;
    }
  }

  /** Shared options of approve and reject. */
  abstract static class Decide extends StoreCommand {
    @Mixin
    GatewayOption gateway = new GatewayOption();

    @Option(names = "--pack", required = true, paramLabel = "<pack-id>")
    String packId;

    @Option(names = "--role", required = true, paramLabel = "<legal|finance|manager>",
        description = "The role you review in.")
    String role;

    @Option(names = "--reviewer", paramLabel = "<name>",
        description = "Who decides (default: --actor, your user name).")
    String reviewer;

    @Option(names = "--comment", paramLabel = "<text>", description = "Your comment.")
    String comment;

    @Option(names = "--four-eyes", negatable = true,
        defaultValue = "${env:BATON_REVIEW_FOUR_EYES:-true}", fallbackValue = "true",
        description = {"One person cannot decide both reviews of a pack (default: on, or"
            + " BATON_REVIEW_FOUR_EYES). --no-four-eyes lets one reviewer decide both,"
            + " e.g. in a one-person trial."})
    boolean fourEyes;

    @Override
    protected void checkInputs() {
      ReviewRole.parse(role);
    }

    abstract boolean approved();

    @Override
    protected int run(Baton baton) {
      ReviewRole r = ReviewRole.parse(role);
      String who = reviewer != null ? reviewer : actor();
      ReviewVerdict verdict = new ReviewVerdict(r, who, approved(), comment);
      ReviewQueue queue = ReviewQueue.on(baton.store(),
          ReviewPolicy.DEFAULT.withFourEyes(fourEyes));
      ReviewMessage message;
      try {
        message = queue.decide(packId, r, verdict, Instant.now());
      } catch (ReviewRefusedException e) {
        error(e.getMessage());
        return ExitCodes.INVALID;
      }
      ReviewItem item = queue.item(packId, r).orElseThrow();
      ReviewTasks.Delivery delivery;
      try (CamundaClient client = gateway.client()) {
        delivery = ReviewTasks.deliver(client, item, message, Duration.ofHours(1));
      } catch (RuntimeException e) {
        error("The verdict is stored, but the workflow could not be given it: "
            + e.getMessage() + ". Is the workflow engine running at " + gateway.gateway
            + " (REST API at " + gateway.rest + ")? Once it is, send it again: baton review"
            + " republish --pack " + packId + " --role " + r.wire());
        return ExitCodes.USAGE;
      }
      out().println((approved() ? "Approved " : "Rejected ") + packId + " for " + r.wire()
          + " as " + who + "; " + ReviewTasks.describe(delivery, item) + ".");
      return ExitCodes.OK;
    }
  }

  /** {@code baton review approve}. */
  @Command(name = "approve", description = "Approves a battle pack for your role.")
  static final class Approve extends Decide {
    @Override
    boolean approved() {
      return true;
    }
  }

  /** {@code baton review reject --comment ...}. */
  @Command(name = "reject", description = "Rejects a battle pack for your role; the comment"
      + " goes back to the rep (required).")
  static final class Reject extends Decide {
    @Override
    boolean approved() {
      return false;
    }
  }

  /** {@code baton review republish}: sends a stored verdict's message again. */
  @Command(name = "republish", description = "Gives the workflow a stored verdict again (after"
      + " the workflow engine was unreachable): completes the review task, or publishes the"
      + " review-decided message for an earlier workflow version; duplicates are dropped.")
  static final class Republish extends StoreCommand {
    @Mixin
    GatewayOption gateway = new GatewayOption();

    @Option(names = "--pack", required = true, paramLabel = "<pack-id>")
    String packId;

    @Option(names = "--role", required = true, paramLabel = "<legal|finance|manager>")
    String role;

    @Override
    protected void checkInputs() {
      ReviewRole.parse(role);
    }

    @Override
    protected int run(Baton baton) {
      ReviewRole r = ReviewRole.parse(role);
      ReviewMessage message = ReviewQueue.on(baton.store()).messageFor(packId, r).orElse(null);
      if (message == null) {
        error("No verdict on " + packId + " for " + r.wire() + " yet: decide it with 'baton"
            + " review approve' or 'reject'.");
        return ExitCodes.INVALID;
      }
      ReviewItem item = ReviewQueue.on(baton.store()).item(packId, r).orElseThrow();
      ReviewTasks.Delivery delivery;
      try (CamundaClient client = gateway.client()) {
        delivery = ReviewTasks.deliver(client, item, message, Duration.ofHours(1));
      } catch (RuntimeException e) {
        throw gateway.unreachable(e);
      }
      out().println(switch (delivery) {
        case TASK_COMPLETED -> "Completed the " + r.wire() + " review task of " + packId
            + " with the stored verdict.";
        case MESSAGE_PUBLISHED -> "Published " + message.correlationKey() + " again.";
        case TASK_ALREADY_ENDED -> "The workflow has " + message.correlationKey() + " already"
            + " (its review task was completed): nothing to publish.";
        case MESSAGE_ALREADY_PUBLISHED -> "The workflow engine has " + message.correlationKey()
            + " already (same message id): nothing to publish.";
      });
      return ExitCodes.OK;
    }
  }
}
