package dev.baton.engine.liquid;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A person's capability passport (能力数字护照): the roles they may take in a unit (e.g.
 * {@code ACCOUNT_MANAGER}, {@code RISK_EXPERT}), their skills with a level 0–5, and their
 * certifications with validity.
 */
public record CapabilityPassport(Set<String> roles, Map<String, Integer> skills,
    List<Certification> certifications) {
  public CapabilityPassport {
    roles = java.util.Collections.unmodifiableSet(new TreeSet<>(roles));
    skills = java.util.Collections.unmodifiableMap(new TreeMap<>(skills));
    certifications = List.copyOf(certifications);
    for (String role : roles) {
      Names.checkCode("passport role", role);
    }
    skills.forEach((skill, level) -> {
      if (skill.isBlank() || level == null || level < 0 || level > 5) {
        throw new LiquidInputException("Skill '" + skill + "' has level " + level
            + ": give a skill name and a level from 0 to 5.");
      }
    });
  }

  /** The skill's level, 0 when the passport does not list it. */
  public int level(String skill) {
    return skill == null ? 0 : skills.getOrDefault(skill, 0);
  }

  /** True when a certification of that name is valid at that time. */
  public boolean certified(String certification, Instant at) {
    return certifications.stream().anyMatch(c -> c.name().equals(certification) && c.validAt(at));
  }
}
