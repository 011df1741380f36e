package dev.baton.engine.rulepack;

import java.util.Arrays;
import java.util.Optional;

/** The family a pack belongs to. */
public enum PackKind {
  AI_TRIGGER("ai-trigger"),
  CONSENT_CHECK("consent-check"),
  CMI_THRESHOLD("cmi-threshold"),
  /** Liquid organisation: who may join a battle unit for a demanded role, and their ranking. */
  UNIT_FORMATION("unit-formation"),
  /** Liquid organisation: contribution points (液态积分) for collaboration events. */
  CONTRIBUTION_POINTS("contribution-points"),
  CUSTOM("custom");

  private final String label;

  PackKind(String label) {
    this.label = label;
  }

  /** The name used in pack files, e.g. {@code consent-check}. */
  public String label() {
    return label;
  }

  /** Looks a kind up by its file name. */
  public static Optional<PackKind> fromLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
  }
}
