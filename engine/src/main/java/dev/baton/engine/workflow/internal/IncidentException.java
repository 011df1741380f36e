package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.State.IncidentType;

/** An incident-worthy failure while an element is activated or completed. */
final class IncidentException extends RuntimeException {
  final IncidentType type;

  IncidentException(IncidentType type, String message) {
    super(message);
    this.type = type;
  }
}
