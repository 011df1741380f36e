package dev.baton.engine.liquid;

import java.util.Map;

/**
 * The entry thresholds of the roles a micro unit asks for when a customer event triggers it
 * (the ai-trigger pack's {@code FORM_MICRO_TEAM} names the roles): AI trainer, risk expert,
 * account manager. Other roles need their own skill of the same name at level 2.
 */
public final class MicroRoles {
  private static final Map<String, DemandRole> KNOWN = Map.of(
      "AI_TRAINER", new DemandRole("AI_TRAINER", 1, "prompt-engineering", 3, ""),
      "RISK_EXPERT", new DemandRole("RISK_EXPERT", 1, "credit-risk", 3, "CRM-RISK"),
      "ACCOUNT_MANAGER", new DemandRole("ACCOUNT_MANAGER", 1, "key-account", 3, ""));

  private MicroRoles() {}

  /** The demand line for a role of a micro unit. */
  public static DemandRole demand(String role) {
    DemandRole known = KNOWN.get(role);
    return known != null ? known
        : new DemandRole(role, 1, role.toLowerCase(java.util.Locale.ROOT).replace('_', '-'), 2,
            "");
  }
}
