package dev.baton.designer.audit;

import dev.baton.engine.audit.DecisionQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The audit view's filters; blank texts and missing dates mean "any". Dates are whole UTC days,
 * {@code to} inclusive.
 *
 * @param customerId the customer
 * @param packId a rule pack the decision used
 * @param packVersion the version of that pack (needs the pack)
 * @param action a final action of the decision
 * @param from the first day
 * @param to the last day
 * @param requestId the request id, e.g. {@code DEMO-C-2002}; ending in {@code *}, the request
 *     ids that start with the text before it ({@code VR-DEMO-*})
 */
public record AuditFilter(String customerId, String packId, String packVersion, String action,
    LocalDate from, LocalDate to, String requestId) {

  /** A filter of any request id. */
  public AuditFilter(String customerId, String packId, String packVersion, String action,
      LocalDate from, LocalDate to) {
    this(customerId, packId, packVersion, action, from, to, null);
  }

  /** No filter. */
  public static AuditFilter none() {
    return new AuditFilter(null, null, null, null, null, null, null);
  }

  /**
   * The engine's query for one page.
   *
   * @throws IllegalArgumentException when a version is given without its pack, or the range is
   *     reversed
   */
  public DecisionQuery toQuery(int limit) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("The date range ends (" + to + ") before it starts ("
          + from + "): pick a last day on or after the first.");
    }
    DecisionQuery q = DecisionQuery.all();
    if (blank(packVersion) && !blank(packId)) {
      q = q.pack(packId.strip());
    } else if (!blank(packVersion)) {
      if (blank(packId)) {
        throw new IllegalArgumentException("A pack version (" + packVersion.strip()
            + ") needs the pack too: fill in the pack.");
      }
      q = q.pack(packId.strip(), packVersion.strip());
    }
    if (!blank(customerId)) {
      q = q.customer(customerId.strip());
    }
    if (!blank(requestId)) {
      String r = requestId.strip();
      q = q.request(r);
    }
    if (!blank(action)) {
      q = q.action(action.strip());
    }
    q = q.recorded(from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
        to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    return q.page(0, limit);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
