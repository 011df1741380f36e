package dev.baton.engine.audit;

/**
 * The result of {@link DecisionLog#verify()}.
 *
 * @param checked records checked, the failing one included
 * @param ok true when every record matches its hash and the chain is complete
 * @param firstBadSequence the position of the first record that fails, or null when ok
 * @param firstBadDecisionId its decision id, or null (when ok, or when the record is missing)
 * @param reason what is wrong and what it means, or null when ok
 */
public record VerifyReport(
    long checked, boolean ok, Long firstBadSequence, String firstBadDecisionId, String reason) {

  /** A chain that verifies. */
  public static VerifyReport passed(long checked) {
    return new VerifyReport(checked, true, null, null, null);
  }

  /** A chain that fails at a record. */
  public static VerifyReport failed(long checked, long sequence, String decisionId,
      String reason) {
    return new VerifyReport(checked, false, sequence, decisionId, reason);
  }
}
