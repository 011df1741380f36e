package dev.baton.engine.workflow;

import java.time.Instant;

/**
 * Which process instances {@link WorkflowInspector#instances(InstanceFilter)} returns, newest
 * first: every condition given must hold.
 *
 * @param state only instances in this state; null for any
 * @param bpmnProcessId only instances of this process; null for any
 * @param version only instances of this process version; null for any
 * @param startedFrom only instances started at or after this time; null for any
 * @param startedTo only instances started before this time; null for any
 * @param variableName only instances whose root-scope variable of this name has
 *     {@code variableValue}; null for any
 * @param variableValue the value, as JSON ({@code 42}, {@code "C-1"}, {@code true}); text that
 *     is not JSON is taken as a string
 * @param limit at most this many, 1 to {@value InstanceQuery#MAX_LIMIT}
 * @param offset skip this many first (for paging)
 */
public record InstanceFilter(ProcessInstanceState state, String bpmnProcessId, Integer version,
    Instant startedFrom, Instant startedTo, String variableName, String variableValue, int limit,
    int offset) {

  /** Checks the page and that a variable filter has a name and a value. */
  public InstanceFilter {
    if (limit < 1 || limit > InstanceQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and "
          + InstanceQuery.MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (variableName != null && variableName.isBlank()) {
      variableName = null;
    }
    if (variableName != null && variableValue == null) {
      throw new IllegalArgumentException("the variable filter on '" + variableName
          + "' needs a value");
    }
  }

  /** The 50 newest instances in any state. */
  public static InstanceFilter newest() {
    return new InstanceFilter(null, null, null, null, null, null, null, 50, 0);
  }
}
