package dev.baton.engine.liquid;


/**
 * One line of a campaign's demand list: how many people the unit needs in a role, and the
 * entry threshold: the required skill at a minimum level and, optionally, a certification.
 *
 * @param requiredCertification null or empty when none is required
 */
public record DemandRole(String role, int count, String requiredSkill, int minSkillLevel,
    String requiredCertification) {
  public DemandRole {
    Names.checkCode("demanded role", role);
    if (count < 1 || count > 100) {
      throw new LiquidInputException("Demanded role " + role + ": count " + count
          + " must be 1 to 100.");
    }
    if (requiredSkill == null || requiredSkill.isBlank()) {
      throw new LiquidInputException("Demanded role " + role + " needs a required skill.");
    }
    if (minSkillLevel < 0 || minSkillLevel > 5) {
      throw new LiquidInputException("Demanded role " + role + ": minSkillLevel " + minSkillLevel
          + " must be 0 to 5.");
    }
    requiredCertification = requiredCertification == null ? "" : requiredCertification.strip();
  }
}
