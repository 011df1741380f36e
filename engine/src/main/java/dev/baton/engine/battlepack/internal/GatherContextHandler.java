package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackContext;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.consent.Customer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code baton.gather-context}: the customer's history from the database, as a variable. */
final class GatherContextHandler extends StepHandler {
  GatherContextHandler(BattlePackServices services) {
    super(services);
  }

  @Override
  Map<String, Object> execute(Job job) {
    VisitRequest visit = job.visitRequest();
    String decisionId = job.text("decisionId");
    Instant now = services.clock().instant();
    Optional<Customer> customer = services.baton().consent().customer(visit.customerId());
    BattlePackContext context = services.history().gather(visit, decisionId,
        customer.map(Customer::name).orElse(null), customer.map(Customer::region).orElse(null),
        now);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("battleContext", PackJson.toMap(context));
    String summary = summary(context, visit.customerId());
    return store.inTransaction(c -> record(c, job, decisionId, summary, out));
  }

  /** The step's summary (its shapes are read back by {@code StepSummary}). */
  static String summary(BattlePackContext context, String customerId) {
    return "Gathered " + context.deals().size() + " deals, "
        + context.competitorActivity().size() + " competitor activities in "
        + context.region() + ", " + context.catalogueUpdates().size() + " catalogue updates, "
        + context.purchaseCycles().size() + " purchase cycles, " + context.signals().size()
        + " behaviour signals for " + customerId;
  }
}
