package dev.baton.engine.workflow;

/**
 * Which process instances {@link WorkflowInspector#instances} returns, newest first.
 *
 * @param state only instances in this state; null for any
 * @param bpmnProcessId only instances of this process; null for any
 * @param limit at most this many, 1 to {@value #MAX_LIMIT}
 * @param offset skip this many first (for paging)
 */
public record InstanceQuery(ProcessInstanceState state, String bpmnProcessId, int limit,
    int offset) {
  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  /** Checks the page. */
  public InstanceQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was "
          + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
  }

  /** The 50 newest instances in any state. */
  public static InstanceQuery newest() {
    return new InstanceQuery(null, null, 50, 0);
  }

  /** The same query for one state only. */
  public InstanceQuery withState(ProcessInstanceState newState) {
    return new InstanceQuery(newState, bpmnProcessId, limit, offset);
  }

  /** The same query for one process only. */
  public InstanceQuery withBpmnProcessId(String id) {
    return new InstanceQuery(state, id, limit, offset);
  }

  /** The same query for another page. */
  public InstanceQuery page(int newLimit, int newOffset) {
    return new InstanceQuery(state, bpmnProcessId, newLimit, newOffset);
  }
}
