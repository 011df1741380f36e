package dev.baton.engine.battlepack;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link BattlePackGenerator} produces: exactly 3 pricing strategies and 2 compliance risk
 * hints, each with evidence from the context.
 */
public record BattlePackContent(List<PricingStrategy> pricingStrategies, List<RiskHint> riskHints) {

  /** The number of pricing strategies a pack has. */
  public static final int STRATEGIES = 3;
  /** The number of compliance risk hints a pack has. */
  public static final int RISK_HINTS = 2;

  public BattlePackContent {
    pricingStrategies = List.copyOf(pricingStrategies);
    riskHints = List.copyOf(riskHints);
  }

  /**
   * Checks the content against the context it was generated from: 3 strategies, 2 hints, each
   * with at least one evidence item that names an item of the context, no negative prices, and
   * discounts from 0 to 100 percent. Whatever produced it (the deterministic generator or a
   * model endpoint), a pack that fails is never stored.
   *
   * @throws ValidationException with every problem found
   */
  public void check(BattlePackContext context, String generator) {
    List<Problem> problems = new ArrayList<>();
    if (pricingStrategies.size() != STRATEGIES) {
      problems.add(problem(generator, "pricingStrategies", "has " + pricingStrategies.size()
          + " strategies", "a battle pack has exactly " + STRATEGIES + " pricing strategies"));
    }
    if (riskHints.size() != RISK_HINTS) {
      problems.add(problem(generator, "riskHints", "has " + riskHints.size() + " hints",
          "a battle pack has exactly " + RISK_HINTS + " compliance risk hints"));
    }
    for (int i = 0; i < pricingStrategies.size(); i++) {
      PricingStrategy s = pricingStrategies.get(i);
      String path = "pricingStrategies[" + i + "]";
      if (s.discountPct().signum() < 0 || s.discountPct().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
        problems.add(problem(generator, path + ".discountPct", "is " + s.discountPct().toPlainString(),
            "a discount from 0 to 100 percent"));
      }
      if (s.price().signum() < 0) {
        problems.add(problem(generator, path + ".price", "is negative", "a price of 0 or more"));
      }
      checkEvidence(problems, generator, path, s.evidence(), context);
    }
    for (int i = 0; i < riskHints.size(); i++) {
      RiskHint h = riskHints.get(i);
      String path = "riskHints[" + i + "]";
      if (!List.of("LOW", "MEDIUM", "HIGH").contains(h.severity())) {
        problems.add(problem(generator, path + ".severity", "'" + h.severity() + "' is not a severity",
            "LOW, MEDIUM or HIGH"));
      }
      checkEvidence(problems, generator, path, h.evidence(), context);
    }
    if (!problems.isEmpty()) {
      throw new ValidationException("The generated battle pack is not valid", problems);
    }
  }

  private static void checkEvidence(List<Problem> problems, String generator, String path,
      List<Evidence> evidence, BattlePackContext context) {
    if (evidence.isEmpty()) {
      problems.add(problem(generator, path + ".evidence", "is empty",
          "every strategy and hint names what it is based on"));
    }
    for (int j = 0; j < evidence.size(); j++) {
      Evidence e = evidence.get(j);
      if (!context.contains(e)) {
        problems.add(problem(generator, path + ".evidence[" + j + "]", e.kind() + " '" + e.id()
            + "' is not in the gathered context", "cite only deals, competitor activity,"
            + " catalogue updates, purchase cycles or signals the context holds"));
      }
    }
  }

  private static Problem problem(String generator, String path, String message, String hint) {
    return new Problem("generator " + generator, 0, 0, null, path, message, hint);
  }
}
