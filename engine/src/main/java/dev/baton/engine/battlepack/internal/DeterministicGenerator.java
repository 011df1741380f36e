package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePackContent;
import dev.baton.engine.battlepack.BattlePackContext;
import dev.baton.engine.battlepack.BattlePackGenerator;
import dev.baton.engine.battlepack.BehaviourSignal;
import dev.baton.engine.battlepack.CatalogueUpdate;
import dev.baton.engine.battlepack.CompetitorActivity;
import dev.baton.engine.battlepack.Deal;
import dev.baton.engine.battlepack.Evidence;
import dev.baton.engine.battlepack.Evidence.Kind;
import dev.baton.engine.battlepack.PricingStrategy;
import dev.baton.engine.battlepack.PurchaseCycle;
import dev.baton.engine.battlepack.RiskHint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The default generator: plain arithmetic over the gathered history, so the same context always
 * gives the same content. The rules are documented in docs/battle-pack.md; every branch falls
 * back to evidence that exists (in the end the visit request itself), so a pack is always
 * complete.
 */
public final class DeterministicGenerator implements BattlePackGenerator {
  public static final DeterministicGenerator INSTANCE = new DeterministicGenerator();

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_DISCOUNT = BigDecimal.valueOf(30);
  /** A discount this far above the won-deal average needs finance's attention. */
  private static final BigDecimal DISCOUNT_DEVIATION = BigDecimal.valueOf(5);

  private DeterministicGenerator() {}

  @Override
  public String name() {
    return "deterministic";
  }

  @Override
  public BattlePackContent generate(BattlePackContext c) {
    Optional<Deal> open = c.deals().stream().filter(Deal::open).findFirst();
    List<Deal> won = c.deals().stream().filter(Deal::won).limit(3).toList();
    BigDecimal quoted = open.map(Deal::amount).orElse(c.visitRequest().dealSize());
    Evidence visit = new Evidence(Kind.VISIT_REQUEST, c.visitRequest().requestId(),
        "Visit request " + c.visitRequest().requestId() + " for " + c.visitRequest().customerId());
    if (quoted == null) {
      quoted = BigDecimal.ZERO;
    }
    BigDecimal currentDiscount = open.map(Deal::discountPct).orElse(BigDecimal.ZERO);
    // the list price the quote was derived from
    BigDecimal list = listPrice(quoted, currentDiscount);

    BigDecimal wonAvg = won.isEmpty() ? currentDiscount : won.stream().map(Deal::discountPct)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(won.size()), 2, RoundingMode.HALF_UP);
    List<Evidence> wonEvidence = won.isEmpty()
        ? open.map(d -> List.of(deal(d))).orElse(List.of(visit))
        : won.stream().map(DeterministicGenerator::deal).toList();

    Optional<CompetitorActivity> cut = c.competitorActivity().stream()
        .filter(a -> a.priceChangePct() != null && a.priceChangePct().signum() < 0)
        .min(Comparator.comparing(CompetitorActivity::priceChangePct)
            .thenComparing(CompetitorActivity::activityId));
    Optional<CatalogueUpdate> cap = c.catalogueUpdates().stream()
        .filter(u -> u.priceCap() != null)
        .min(Comparator.comparing(CatalogueUpdate::priceCap)
            .thenComparing(CatalogueUpdate::updateId));
    List<PurchaseCycle> cycles = c.purchaseCycles();

    List<PricingStrategy> strategies = new ArrayList<>();
    // 1. hold the price the customer accepted before
    strategies.add(strategy("PS-1", "Hold price, add value", wonAvg, list,
        "Quote at the customer's usual discount of " + pct(wonAvg) + " (average of the last won"
            + " deals) and add services instead of price.", wonEvidence));

    // 2. answer the strongest regional competitor price move
    if (cut.isPresent()) {
      BigDecimal answer = clamp(wonAvg.add(cut.get().priceChangePct().abs()
          .divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP)));
      strategies.add(strategy("PS-2", "Answer the competitor", answer, list,
          cut.get().competitor() + " cut " + cut.get().product() + " by "
              + pct(cut.get().priceChangePct().abs()) + " in " + cut.get().region()
              + "; meet half of the cut on top of the usual discount.",
          List.of(competitor(cut.get()))));
    } else {
      BigDecimal answer = clamp(wonAvg.add(BigDecimal.valueOf(2)));
      List<Evidence> ev = c.competitorActivity().isEmpty() ? wonEvidence
          : List.of(competitor(c.competitorActivity().get(0)));
      strategies.add(strategy("PS-2", "Stay ahead of the competition", answer, list,
          "No competitor price cut in the region; two points above the usual discount keep the"
              + " offer ahead without a price war.", ev));
    }

    // 3. time a commitment to the purchase cycle, within the catalogue price cap
    BigDecimal commitment = clamp(wonAvg.add(BigDecimal.valueOf(3)));
    List<Evidence> cycleEvidence = new ArrayList<>();
    cycles.forEach(p -> cycleEvidence.add(cycle(p)));
    String rationale;
    if (cycles.isEmpty()) {
      rationale = "No purchase cycle on record; offer three extra points for a framework"
          + " agreement.";
    } else {
      long avgDays = Math.round(cycles.stream().mapToLong(PurchaseCycle::days).average()
          .orElse(0));
      PurchaseCycle last = cycles.get(cycles.size() - 1);
      rationale = "The last " + cycles.size() + " purchase cycles took " + avgDays
          + " days on average; the next order is expected around "
          + last.orderedOn().plusDays(avgDays) + ". Offer three extra points for a commitment"
          + " covering the next cycle.";
    }
    BigDecimal commitmentPrice = price(list, commitment);
    if (cap.isPresent() && commitmentPrice.compareTo(cap.get().priceCap()) > 0) {
      commitmentPrice = cap.get().priceCap().setScale(2, RoundingMode.HALF_UP);
      commitment = list.signum() == 0 ? commitment : clamp(HUNDRED.subtract(
          commitmentPrice.multiply(HUNDRED).divide(list, 2, RoundingMode.HALF_UP)));
      rationale += " The price is lowered to the catalogue cap of "
          + cap.get().priceCap().toPlainString() + ".";
      cycleEvidence.add(catalogue(cap.get()));
    }
    if (cycleEvidence.isEmpty()) {
      cycleEvidence.addAll(wonEvidence);
    }
    strategies.add(new PricingStrategy("PS-3", "Commit to the next purchase cycle", commitment,
        commitmentPrice, rationale, cycleEvidence));

    List<RiskHint> hints = new ArrayList<>();
    // 1. catalogue compliance
    Optional<CatalogueUpdate> latestUpdate = c.catalogueUpdates().stream().findFirst();
    if (cap.isPresent()) {
      hints.add(new RiskHint("RH-1", "Catalogue price cap", "HIGH", "From "
          + cap.get().effectiveAt() + " " + cap.get().catalogue() + " caps "
          + cap.get().product() + " at " + cap.get().priceCap().toPlainString()
          + ": no quote, rebate or bundled service may take the effective price above it.",
          List.of(catalogue(cap.get()))));
    } else if (latestUpdate.isPresent()) {
      hints.add(new RiskHint("RH-1", "Catalogue change", "MEDIUM", latestUpdate.get().catalogue()
          + ": " + latestUpdate.get().detail() + " Check the quote's reimbursement terms.",
          List.of(catalogue(latestUpdate.get()))));
    } else {
      BigDecimal highest = strategies.stream().map(PricingStrategy::discountPct)
          .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
      hints.add(new RiskHint("RH-1", "Discount approval", highest.subtract(wonAvg)
          .compareTo(DISCOUNT_DEVIATION) > 0 ? "HIGH" : "MEDIUM", "No catalogue update on record;"
          + " a discount of " + pct(highest) + " needs the discount approval on file before it"
          + " is quoted.", wonEvidence));
    }
    // 2. competitor comparisons: claims must be provable
    Optional<BehaviourSignal> comparison = c.signals().stream()
        .filter(s -> s.kind().equals("COMPETITOR_COMPARISON_DOWNLOAD")).findFirst();
    if (comparison.isPresent() || !c.competitorActivity().isEmpty()) {
      List<Evidence> ev = new ArrayList<>();
      comparison.ifPresent(s -> ev.add(signal(s)));
      if (!c.competitorActivity().isEmpty()) {
        ev.add(competitor(cut.orElse(c.competitorActivity().get(0))));
      }
      hints.add(new RiskHint("RH-2", "Comparative claims", comparison.isPresent() ? "MEDIUM"
          : "LOW", "The customer is comparing offers; statements about competitors must be"
          + " factual and provable (advertising and unfair-competition law). Use only the"
          + " published comparison material.", ev));
    } else {
      hints.add(new RiskHint("RH-2", "Gifts and hospitality", "LOW", "Keep gifts, meals and"
          + " travel for the customer's staff within the company policy and record them; no"
          + " benefit may be tied to the order (anti-commercial-bribery rules).",
          open.map(d -> List.of(deal(d))).orElse(wonEvidence)));
    }
    return new BattlePackContent(strategies, hints);
  }

  private static PricingStrategy strategy(String id, String name, BigDecimal discount,
      BigDecimal list, String rationale, List<Evidence> evidence) {
    return new PricingStrategy(id, name, discount, price(list, discount), rationale, evidence);
  }

  private static BigDecimal listPrice(BigDecimal quoted, BigDecimal discount) {
    BigDecimal factor = HUNDRED.subtract(discount);
    if (factor.signum() <= 0) {
      return quoted;
    }
    return quoted.multiply(HUNDRED).divide(factor, 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal price(BigDecimal list, BigDecimal discount) {
    return list.multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal clamp(BigDecimal discount) {
    BigDecimal d = discount.max(BigDecimal.ZERO).min(MAX_DISCOUNT);
    return d.setScale(2, RoundingMode.HALF_UP);
  }

  private static String pct(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString() + "%";
  }

  private static Evidence deal(Deal d) {
    return new Evidence(Kind.DEAL, d.dealId(), d.stage() + " " + d.product() + ", "
        + d.amount().toPlainString() + " at " + pct(d.discountPct()) + " discount");
  }

  private static Evidence competitor(CompetitorActivity a) {
    return new Evidence(Kind.COMPETITOR_ACTIVITY, a.activityId(), a.competitor() + " "
        + a.kind() + " " + a.product() + " (" + a.region() + ", " + a.observedAt() + ")");
  }

  private static Evidence catalogue(CatalogueUpdate u) {
    return new Evidence(Kind.CATALOGUE_UPDATE, u.updateId(), u.catalogue() + " "
        + u.changeKind() + " " + u.product() + " from " + u.effectiveAt());
  }

  private static Evidence cycle(PurchaseCycle p) {
    return new Evidence(Kind.PURCHASE_CYCLE, p.id(), "Cycle " + p.cycleNo() + ": "
        + p.startedOn() + " to " + p.orderedOn() + " (" + p.days() + " days), "
        + p.amount().toPlainString());
  }

  private static Evidence signal(BehaviourSignal s) {
    return new Evidence(Kind.BEHAVIOUR_SIGNAL, s.signalId(), s.kind() + " " + s.detail()
        + " (" + s.occurredAt() + ")");
  }
}
