package dev.baton.engine.battlepack;

import dev.baton.engine.battlepack.internal.PackJson;
import java.util.List;
import java.util.Objects;

/**
 * A generated pre-visit battle pack (拜访作战包): 3 pricing strategies and 2 compliance risk
 * hints with their evidence, for one visit request and the decision that allowed it.
 *
 * <p>Its {@link #canonicalJson() canonical JSON} has keys sorted, no insignificant white space
 * and numbers in plain notation without trailing zeros; {@link #hash()} is the SHA-256 of its
 * UTF-8 bytes (lower-case hex). Two packs with the same content have the same hash, whatever
 * produced them; the hash is recorded on the decision's timeline when the pack is generated.
 *
 * @param packId the pack's id (also the first part of the review correlation keys)
 * @param decisionId the recorded decision that allowed the AI to generate it
 * @param visitRequestId the visit request
 * @param customerId the customer
 * @param repId the rep it is for
 * @param generator the {@link BattlePackGenerator#name() name} of the generator that produced it
 * @param pricingStrategies the 3 pricing strategies
 * @param riskHints the 2 compliance risk hints
 */
public record BattlePack(
    String packId,
    String decisionId,
    String visitRequestId,
    String customerId,
    String repId,
    String generator,
    List<PricingStrategy> pricingStrategies,
    List<RiskHint> riskHints) {

  public BattlePack {
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(visitRequestId, "visitRequestId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(repId, "repId");
    Objects.requireNonNull(generator, "generator");
    pricingStrategies = List.copyOf(pricingStrategies);
    riskHints = List.copyOf(riskHints);
  }

  /** The pack's canonical JSON (see the class comment). */
  public String canonicalJson() {
    return PackJson.canonical(this);
  }

  /** SHA-256 of the canonical JSON, lower-case hex. */
  public String hash() {
    return PackJson.sha256(canonicalJson());
  }

  /** Reads a pack from its canonical (or any equivalent) JSON. */
  public static BattlePack fromJson(String json) {
    return PackJson.read(json);
  }
}
