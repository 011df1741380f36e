package dev.baton.engine.liquid;

import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the liquid organisation's two packs come from: the formation pack ({@code
 * unit-formation}) and the contribution pack ({@code contribution-points}), read on every use so
 * that a newly published version takes effect at once.
 */
public record LiquidPacks(Supplier<RulePack> formation, Supplier<RulePack> contribution) {
  /** The formation template's id. */
  public static final String FORMATION = "unit-formation";
  /** The contribution template's id. */
  public static final String CONTRIBUTION = "contribution-points";

  public LiquidPacks {
    Objects.requireNonNull(formation, "formation");
    Objects.requireNonNull(contribution, "contribution");
  }

  /** These two packs, always. */
  public static LiquidPacks fixed(RulePack formation, RulePack contribution) {
    return new LiquidPacks(() -> formation, () -> contribution);
  }

  /** The templates shipped in the rule-packs jar. */
  public static LiquidPacks bundled() {
    return fixed(BundledTemplates.pack(FORMATION), BundledTemplates.pack(CONTRIBUTION));
  }

  /** Each pack's active published version in the repository, else the bundled template. */
  public static LiquidPacks active(PackRepository repository) {
    RulePack formation = BundledTemplates.pack(FORMATION);
    RulePack contribution = BundledTemplates.pack(CONTRIBUTION);
    return new LiquidPacks(() -> repository.active(FORMATION).orElse(formation),
        () -> repository.active(CONTRIBUTION).orElse(contribution));
  }
}
