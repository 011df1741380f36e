package dev.baton.engine.rulepack;

import java.util.List;

/**
 * What the static checks found in a pack, in a stable order: contradictions first, then rule
 * pairs in the order of the pack's rules, then gaps by fact type.
 *
 * @param pack the pack's {@code id@version}
 */
public record CheckReport(String pack, List<Finding> findings) {

  public CheckReport {
    findings = List.copyOf(findings);
  }

  /** The findings of severity error. */
  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
  }

  /** The findings of severity warning. */
  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
  }

  /** True when some finding is an error. */
  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  /** The findings that concern the rule (as the rule they are about or as the other rule). */
  public List<Finding> forRule(String ruleId) {
    return findings.stream().filter(f -> f.ruleIds().contains(ruleId)).toList();
  }
}
