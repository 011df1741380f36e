package dev.baton.engine.workflow;

/** Where a process instance is, as an operator sees it. */
public enum ProcessInstanceState {
  /** Running, without an open incident. */
  ACTIVE,
  /** Running, but blocked by at least one open incident. */
  INCIDENT,
  /** Reached its end. */
  COMPLETED,
  /** Cancelled, or terminated by its caller. */
  TERMINATED
}
