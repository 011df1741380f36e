package dev.baton.engine.battlepack;

import java.util.List;
import java.util.Objects;

/**
 * One compliance risk hint of a battle pack.
 *
 * @param id its id in the pack: {@code RH-1}, {@code RH-2}
 * @param title a short title
 * @param severity {@code LOW}, {@code MEDIUM} or {@code HIGH}
 * @param detail what the rep must watch out for
 * @param evidence what it is based on (at least one item)
 */
public record RiskHint(
    String id, String title, String severity, String detail, List<Evidence> evidence) {

  public RiskHint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(detail, "detail");
    evidence = List.copyOf(evidence);
  }
}
