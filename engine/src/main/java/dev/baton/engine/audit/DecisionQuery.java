package dev.baton.engine.audit;

import java.time.Instant;

/**
 * Which recorded decisions to read; every criterion is optional (null = any) and they all apply.
 * Results come in chain order (oldest first).
 *
 * @param customerId the customer (see {@link DecisionRecord#customerId()})
 * @param packId decisions whose pipeline holds this pack
 * @param packVersion with {@code packId}: only that version of it
 * @param action decisions with this final action
 * @param from recorded at or after this time
 * @param to recorded before this time
 * @param limit at most this many ({@link DecisionLog#find} only; 0 = no limit)
 * @param offset skip this many first ({@link DecisionLog#find} only)
 * @param requestId the request id; ending in {@code *}, every request id that starts with the
 *     text before it (e.g. {@code VR-DEMO-*})
 */
public record DecisionQuery(
    String customerId,
    String packId,
    String packVersion,
    String action,
    Instant from,
    Instant to,
    int limit,
    long offset,
    String requestId) {

  public DecisionQuery {
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("A decision query needs limit >= 0 and offset >= 0,"
          + " found limit " + limit + " and offset " + offset + ".");
    }
    if (packVersion != null && packId == null) {
      throw new IllegalArgumentException("A decision query with a pack version ("
          + packVersion + ") needs the pack id too.");
    }
    if (requestId != null) {
      if (requestId.equals("*")) {
        throw new IllegalArgumentException("The request id '*' alone matches every decision:"
            + " put the start of the request ids before the *, e.g. VR-DEMO-*, or leave the"
            + " request id out.");
      }
      int star = requestId.indexOf('*');
      if (star >= 0 && star < requestId.length() - 1) {
        throw new IllegalArgumentException("The request id '" + requestId + "' has a * before"
            + " its end: a * only stands at the end, for request ids that start with the text"
            + " before it (e.g. VR-DEMO-*).");
      }
    }
  }

  /** A query of any request id. */
  public DecisionQuery(String customerId, String packId, String packVersion, String action,
      Instant from, Instant to, int limit, long offset) {
    this(customerId, packId, packVersion, action, from, to, limit, offset, null);
  }

  /**
   * The same query for one request id, or (ending in {@code *}) the request ids that start with
   * the text before it.
   */
  public DecisionQuery request(String newRequestId) {
    return new DecisionQuery(customerId, packId, packVersion, action, from, to, limit, offset,
        newRequestId);
  }

  /** Every decision. */
  public static DecisionQuery all() {
    return new DecisionQuery(null, null, null, null, null, null, 0, 0, null);
  }

  /** The same query for one customer. */
  public DecisionQuery customer(String newCustomerId) {
    return new DecisionQuery(newCustomerId, packId, packVersion, action, from, to, limit, offset,
        requestId);
  }

  /** The same query for decisions that used a pack, any version. */
  public DecisionQuery pack(String newPackId) {
    return new DecisionQuery(customerId, newPackId, null, action, from, to, limit, offset,
        requestId);
  }

  /** The same query for decisions that used one version of a pack. */
  public DecisionQuery pack(String newPackId, String version) {
    return new DecisionQuery(customerId, newPackId, version, action, from, to, limit, offset,
        requestId);
  }

  /** The same query for decisions with this final action. */
  public DecisionQuery action(String newAction) {
    return new DecisionQuery(customerId, packId, packVersion, newAction, from, to, limit, offset,
        requestId);
  }

  /** The same query for decisions recorded in {@code [newFrom, newTo)}; either may be null. */
  public DecisionQuery recorded(Instant newFrom, Instant newTo) {
    return new DecisionQuery(customerId, packId, packVersion, action, newFrom, newTo, limit,
        offset, requestId);
  }

  /** The same query for one page of results. */
  public DecisionQuery page(long newOffset, int newLimit) {
    return new DecisionQuery(customerId, packId, packVersion, action, from, to, newLimit,
        newOffset, requestId);
  }
}
