package dev.baton.engine.workflow;

/** The state of one element instance on a process instance's path. */
public enum ElementInstanceState {
  /** Entered and not left yet (a waiting task, an open gateway join, a running scope). */
  ACTIVE,
  /** Left normally. */
  COMPLETED,
  /** Interrupted: a boundary event, a terminate end event, a cancel. */
  TERMINATED
}
