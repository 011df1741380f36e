package dev.baton.engine.liquid;

import dev.baton.engine.repository.PackRepository;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the liquid organisation's two packs come from: the formation pack ({@code
 * unit-formation}) and the contribution pack ({@code contribution-points}), read on every use so
 * that a newly published version takes effect at once; and the pack that decides customer
 * events ({@code ai-trigger}, whose {@code FORM_MICRO_TEAM} forms a micro unit).
 */
public record LiquidPacks(Supplier<RulePack> formation, Supplier<RulePack> contribution,
    Supplier<RulePack> trigger) {
  /** The formation template's id. */
  public static final String FORMATION = "unit-formation";
  /** The contribution template's id. */
  public static final String CONTRIBUTION = "contribution-points";
  /** The trigger template's id. */
  public static final String TRIGGER = "ai-trigger";

  public LiquidPacks {
    Objects.requireNonNull(formation, "formation");
    Objects.requireNonNull(contribution, "contribution");
    Objects.requireNonNull(trigger, "trigger");
  }

  /** These two packs, always. */
  public static LiquidPacks fixed(RulePack formation, RulePack contribution, RulePack trigger) {
    return new LiquidPacks(() -> formation, () -> contribution, () -> trigger);
  }

  /** The templates shipped in the rule-packs jar. */
  public static LiquidPacks bundled() {
    return fixed(BundledTemplates.pack(FORMATION), BundledTemplates.pack(CONTRIBUTION),
        BundledTemplates.pack(TRIGGER));
  }

  /** Each pack's active published version in the repository, else the bundled template. */
  public static LiquidPacks active(PackRepository repository) {
    RulePack formation = BundledTemplates.pack(FORMATION);
    RulePack contribution = BundledTemplates.pack(CONTRIBUTION);
    RulePack trigger = BundledTemplates.pack(TRIGGER);
    return new LiquidPacks(() -> repository.active(FORMATION).orElse(formation),
        () -> repository.active(CONTRIBUTION).orElse(contribution),
        () -> repository.active(TRIGGER).orElse(trigger));
  }
}
