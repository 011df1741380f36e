package dev.baton.engine.audit;

import java.util.List;

/**
 * A recorded decision that replay did not reproduce, field by field.
 *
 * @param sequence the record's position in the chain
 * @param decisionId the record's id
 * @param fields every field that differs, in document order
 */
public record ReplayDifference(long sequence, String decisionId, List<FieldDifference> fields) {
  public ReplayDifference {
    fields = List.copyOf(fields);
  }
}
