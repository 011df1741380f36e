package dev.baton.engine.rulepack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One input fact: its type name and field values as they come from JSON ({@code String},
 * {@code Number}, {@code Boolean}, {@code List}); dates, times and durations as ISO-8601 strings.
 */
public record Fact(String type, Map<String, Object> values) {
  public Fact {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
