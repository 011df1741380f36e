package dev.baton.engine.liquid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A cross-department collaboration event (跨部门协作事件): who, when, for which campaign and
 * customer, what kind, what went in and came out, and the counterpart department.
 *
 * @param kind e.g. {@code BID_DOCUMENT}, {@code LEGAL_RESPONSE}, {@code RISK_REVIEW}
 * @param inputs what the event used (documents, cases, requests), free text items
 * @param outputs what it produced
 * @param counterpartDepartment the other department involved, or null
 */
public record CollaborationEvent(String eventId, Instant occurredAt, String personId,
    String campaignId, String customerId, String kind, List<String> inputs, List<String> outputs,
    String counterpartDepartment) {
  public CollaborationEvent {
    Names.checkId("event id", eventId);
    Objects.requireNonNull(occurredAt, "occurredAt");
    occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Names.checkId("person id", personId);
    if (campaignId != null) {
      Names.checkId("campaign id", campaignId);
    }
    Names.checkCode("event kind", kind);
    inputs = List.copyOf(inputs == null ? List.of() : inputs);
    outputs = List.copyOf(outputs == null ? List.of() : outputs);
    counterpartDepartment = counterpartDepartment == null || counterpartDepartment.isBlank()
        ? null : counterpartDepartment.strip();
    if (customerId != null && customerId.length() > 64) {
      throw new LiquidInputException("Event " + eventId + ": customerId is longer than 64.");
    }
  }
}
