package dev.baton.engine.liquid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One reason in an explanation, as a code with the values compared, e.g. {@code
 * SKILL_BELOW_THRESHOLD {skill=credit-risk, actual=2, needed=3}} or a ranking basis {@code
 * EXPERT_SKILL {points=40}}. User interfaces translate the code; {@link #text()} is English.
 *
 * @param rule the rule of the pack that gave it, or null when the engine did
 */
public record Reason(String code, Map<String, Object> values, String rule) {
  public Reason {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The reason in English, e.g. {@code SKILL_BELOW_THRESHOLD (skill credit-risk, actual 2, needed 3)}. */
  public String text() {
    if (values.isEmpty()) {
      return code;
    }
    return code + " (" + values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ")) + ")";
  }
}
