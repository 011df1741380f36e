package dev.baton.cli;

import dev.baton.engine.BatonException;
import dev.baton.engine.battlepack.DemoData;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.battlepack.VisitRequests;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code baton visit start}: starts the battle-pack workflow for a visit request. */
@Command(name = "visit", description = "Visit requests: start the battle-pack workflow.",
    subcommands = {VisitCommand.Start.class})
final class VisitCommand extends CommandGroup {

  /** {@code baton visit start (--demo | --customer ... --rep ... --date ... --channel ...)}. */
  @Command(name = "start", description = {"Starts the visit-battle-pack workflow through the"
      + " official Camunda client and prints the process instance key.",
      "--demo starts the demo request of customer C-2002 (the AI may act; legal and finance"
          + " review the battle pack)."})
  static final class Start extends BatonCommand {
    @Mixin
    GatewayOption gateway = new GatewayOption();

    @Option(names = "--demo", description = "The demo visit request (VR-DEMO-2002, C-2002).")
    boolean demo;

    @Option(names = "--request-id", paramLabel = "<id>",
        description = "The visit request's id (default: VR- and the current time).")
    String requestId;

    @Option(names = "--customer", paramLabel = "<id>", description = "The customer's id.")
    String customer;

    @Option(names = "--rep", paramLabel = "<id>", description = "The sales rep's id.")
    String rep;

    @Option(names = "--date", paramLabel = "<yyyy-mm-dd>", description = "The planned date.")
    String date;

    @Option(names = "--channel", paramLabel = "<DINGTALK|WECOM|FEISHU>",
        description = "Where the request came from.")
    String channel;

    @Option(names = "--deal-size", paramLabel = "<amount>",
        description = "The deal size (default: the customer's open deal).")
    BigDecimal dealSize;

    @Option(names = "--review-timeout", paramLabel = "<ISO duration>",
        description = "Escalate a review after this long, e.g. PT4H (default: the workers').")
    String reviewTimeout;

    @Override
    protected int execute() {
      VisitRequest request = request();
      Duration timeout = timeout();
      long key;
      try (CamundaClient client = gateway.client()) {
        key = VisitRequests.start(client, request, timeout);
      } catch (BatonException e) {
        throw e;
      } catch (RuntimeException e) {
        throw gateway.unreachable(e);
      }
      out().println("Started visit-battle-pack for " + request.requestId() + " (customer "
          + request.customerId() + "): process instance " + key);
      out().println("Open reviews: baton review list --role legal");
      return ExitCodes.OK;
    }

    private VisitRequest request() {
      if (demo) {
        return DemoData.VISIT_AI_ALLOWED.withDeal(dealSize, null);
      }
      LocalDate planned = null;
      if (date != null) {
        try {
          planned = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          throw new BatonException("--date '" + date + "' is not a date: use yyyy-mm-dd, e.g."
              + " 2026-12-02.");
        }
      }
      String id = requestId != null ? requestId : "VR-" + System.currentTimeMillis();
      // the record checks every field and reports all problems at once
      return new VisitRequest(id, customer, rep, planned,
          channel == null ? null : channel.toUpperCase(java.util.Locale.ROOT), dealSize, null,
          null);
    }

    private Duration timeout() {
      if (reviewTimeout == null) {
        return null;
      }
      try {
        return Duration.parse(reviewTimeout);
      } catch (DateTimeParseException e) {
        throw new BatonException("--review-timeout '" + reviewTimeout + "' is not an ISO-8601"
            + " duration: use e.g. PT4H or PT30M.");
      }
    }
  }
}
