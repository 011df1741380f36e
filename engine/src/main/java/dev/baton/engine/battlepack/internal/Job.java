package dev.baton.engine.battlepack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.BatonException;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.VisitRequest;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The parts of an activated job the handlers use, with clear errors for missing variables. */
record Job(long key, String type, long processInstanceKey, String elementId,
    Map<String, String> headers, JsonNode variables) {

  static Job of(ActivatedJob job) {
    return new Job(job.getKey(), job.getType(), job.getProcessInstanceKey(),
        job.getElementId() == null ? "" : job.getElementId(),
        job.getCustomHeaders() == null ? Map.of() : job.getCustomHeaders(),
        PackJson.tree(job.getVariables()));
  }

  JsonNode node(String name) {
    JsonNode n = variables.get(name);
    return n == null || n.isNull() ? null : n;
  }

  String text(String name) {
    JsonNode n = node(name);
    if (n == null || !n.isValueNode() || n.asText().isBlank()) {
      throw new BadJobException("Job " + key + " (" + type + ", element '" + elementId
          + "') needs the process variable '" + name + "' as text, but it is "
          + (n == null ? "missing" : n.toString()) + ". It is set by an earlier step of the"
          + " visit-battle-pack workflow; check the BPMN's input mappings.");
    }
    return n.asText();
  }

  VisitRequest visitRequest() {
    JsonNode n = node(VisitRequest.VARIABLE);
    return VisitRequest.fromJsonMap(n == null ? null : PackJson.MAPPER.convertValue(n, Map.class));
  }

  /** The review role from the task header {@code role}, else the variable {@code role}. */
  ReviewRole role() {
    String raw = headers.get("role");
    if (raw == null) {
      JsonNode n = node("role");
      raw = n == null ? null : n.asText();
    }
    if (raw == null) {
      throw new BadJobException("Job " + key + " (" + type + ", element '" + elementId
          + "') needs a review role: add the task header role=legal, role=finance or role=manager.");
    }
    try {
      return ReviewRole.parse(raw);
    } catch (BatonException e) {
      throw new BadJobException("Job " + key + " (" + type + ", element '" + elementId + "'): "
          + e.getMessage());
    }
  }

  /** The variable {@code reviewTimeout} (ISO-8601 duration) or the default. */
  Duration reviewTimeout(Duration fallback) {
    JsonNode n = node("reviewTimeout");
    if (n == null) {
      return fallback;
    }
    try {
      Duration d = Duration.parse(n.asText());
      if (d.isNegative() || d.isZero()) {
        throw new DateTimeParseException("not positive", n.asText(), 0);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new BadJobException("The process variable 'reviewTimeout' is '" + n.asText()
          + "', not a positive ISO-8601 duration: use e.g. PT4H (4 hours) or PT30M.");
    }
  }

  /** Wrong input that a retry cannot fix: the job fails without retries (an incident). */
  static final class BadJobException extends BatonException {
    private static final long serialVersionUID = 1L;

    BadJobException(String message) {
      super(message);
    }
  }
}
