package dev.baton.samples.bootstarter;

import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.DecideOptions;
import dev.baton.engine.runtime.Decided;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Decides on a visit request with the default pipeline ({@code cmi-threshold → ai-trigger →
 * consent-check}, or each pack's active published version) and records the decision. Both beans
 * come from Baton's starter. Thread-safe, as {@link Baton} is.
 */
@Service
public class VisitDecisions {
  /** Who decided, in the decision log. */
  public static final String ACTOR = "visit-sample";

  private final Baton baton;
  private final PackLoader packs;

  public VisitDecisions(Baton baton, PackLoader packs) {
    this.baton = baton;
    this.packs = packs;
  }

  /**
   * Decides on the facts of one visit request and records the decision under the request's id
   * (the {@code requestId} of its {@code VisitRequest} fact): deciding the same request again
   * records nothing new ({@code record().duplicate()} is true).
   *
   * <p>Consent comes from the facts here, since this sample has no consent ledger data; the
   * product's path ({@link DecideOptions#defaults()}) takes it from Baton's consent ledger.
   *
   * @throws IllegalArgumentException when the facts hold no visit request
   */
  public Decided decide(FactsDocument visit) {
    String requestId = visit.facts().stream().filter(f -> f.type().equals("VisitRequest"))
        .map(Fact::values).map(v -> v.get("requestId")).filter(id -> id != null)
        .map(Object::toString).findFirst().orElseThrow(() -> new IllegalArgumentException(
            "The facts hold no VisitRequest with a requestId: add one, e.g. {\"VisitRequest\":"
                + " [{\"requestId\": \"VR-1\", \"customerId\": \"C-1\", ...}]}."));
    Instant now = visit.now() != null ? visit.now() : Instant.now();
    Evaluation evaluation = Evaluation.of(packs.defaultPipeline(), visit.facts(), now)
        .by(requestId, ACTOR);
    return baton.decide(evaluation, DecideOptions.defaults()
        .withConsent(DecideOptions.ConsentSource.FACTS));
  }
}
