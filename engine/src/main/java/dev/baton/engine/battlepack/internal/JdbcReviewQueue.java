package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewMessage;
import dev.baton.engine.battlepack.ReviewPolicy;
import dev.baton.engine.battlepack.ReviewQueue;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.battlepack.ReviewRefusedException.Reason;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewStatus;
import dev.baton.engine.battlepack.ReviewVerdict;
import dev.baton.engine.store.BatonStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The review queue table. */
public final class JdbcReviewQueue implements ReviewQueue {
  private final BatonStore store;
  private final ReviewPolicy policy;

  public JdbcReviewQueue(BatonStore store, ReviewPolicy policy) {
    this.store = store;
    this.policy = java.util.Objects.requireNonNull(policy, "policy");
  }

  @Override
  public ReviewPolicy policy() {
    return policy;
  }

  @Override
  public ReviewItem queue(String packId, ReviewRole role, String decisionId,
      long processInstanceKey, Instant queuedAt, Instant dueAt) {
    try {
      return store.inTransaction(c -> queue(c, packId, role, decisionId, processInstanceKey,
          queuedAt, dueAt));
    } catch (RuntimeException e) {
      if (Sql.isDuplicate(e)) {
        return item(packId, role).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /** Queues within the caller's transaction; returns the existing item when there is one. */
  static ReviewItem queue(Connection c, String packId, ReviewRole role, String decisionId,
      long processInstanceKey, Instant queuedAt, Instant dueAt) throws SQLException {
    Optional<ReviewItem> existing = item(c, packId, role);
    if (existing.isPresent()) {
      return existing.get();
    }
    try (PreparedStatement s = c.prepareStatement("insert into baton_bp_review (pack_id, role,"
        + " decision_id, process_instance_key, status, due_at, queued_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)")) {
      Sql.setAll(s, packId, role.wire(), decisionId, processInstanceKey,
          ReviewStatus.PENDING.name(), dueAt, queuedAt);
      s.executeUpdate();
    }
    return item(c, packId, role).orElseThrow();
  }

  @Override
  public Optional<ReviewItem> item(String packId, ReviewRole role) {
    return store.inTransaction(c -> item(c, packId, role));
  }

  static Optional<ReviewItem> item(Connection c, String packId, ReviewRole role)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "select * from baton_bp_review where pack_id = ? and role = ?")) {
      Sql.setAll(s, packId, role.wire());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    }
  }

  @Override
  public List<ReviewItem> forPack(String packId) {
    return store.inTransaction(c -> {
      List<ReviewItem> out = new ArrayList<>();
      for (ReviewRole role : ReviewRole.values()) {
        item(c, packId, role).ifPresent(out::add);
      }
      return out;
    });
  }

  @Override
  public List<ReviewItem> pending(ReviewRole role) {
    return store.inTransaction(c -> {
      List<ReviewItem> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("select * from baton_bp_review where role = ?"
          + " and status in ('PENDING', 'ESCALATED') order by due_at, queued_at, pack_id")) {
        s.setString(1, role.wire());
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(read(r));
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<ReviewItem> decided(ReviewRole role, int limit) {
    if (limit < 1) {
      return List.of();
    }
    return store.inTransaction(c -> {
      List<ReviewItem> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("select * from baton_bp_review where role = ?"
          + " and status in ('APPROVED', 'REJECTED') order by decided_at desc, pack_id")) {
        s.setString(1, role.wire());
        s.setMaxRows(limit);
        try (ResultSet r = s.executeQuery()) {
          while (r.next() && out.size() < limit) {
            out.add(read(r));
          }
        }
      }
      return out;
    });
  }

  @Override
  public ReviewMessage decide(String packId, ReviewRole role, ReviewVerdict verdict, Instant at) {
    checkVerdict(packId, role, verdict);
    return store.inTransaction(c -> {
      lockPack(c, packId);
      ReviewItem item = item(c, packId, role).orElseThrow(() -> new ReviewRefusedException(
          Reason.UNKNOWN_ITEM, "There is no " + role.wire() + " review of battle pack '" + packId
              + "'. Check the pack id, or list the open items with pending(" + role + ")."));
      if (!item.status().open()) {
        throw alreadyDecided(item);
      }
      if (policy.fourEyes()) {
        checkFourEyes(c, item, verdict);
      }
      ReviewStatus status = verdict.approved() ? ReviewStatus.APPROVED : ReviewStatus.REJECTED;
      int changed;
      try (PreparedStatement s = c.prepareStatement("update baton_bp_review set status = ?,"
          + " comment = ?, reviewer = ?, decided_at = ? where pack_id = ? and role = ?"
          + " and status in ('PENDING', 'ESCALATED')")) {
        Sql.setAll(s, status.name(), verdict.comment(), verdict.reviewer(), at, packId,
            role.wire());
        changed = s.executeUpdate();
      }
      if (changed == 0) { // decided by someone else in the meantime
        throw alreadyDecided(item(c, packId, role).orElseThrow());
      }
      return message(item(c, packId, role).orElseThrow());
    });
  }

  /**
   * Locks the pack's review rows (in role order, so two verdicts on one pack never deadlock):
   * two verdicts on the same pack are decided one after the other, so the four-eyes check sees
   * the other verdict even when both arrive at once.
   */
  private static void lockPack(Connection c, String packId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select role from baton_bp_review"
        + " where pack_id = ? order by role for update")) {
      s.setString(1, packId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          // reading the rows takes the locks
        }
      }
    }
  }

  private static void checkFourEyes(Connection c, ReviewItem item, ReviewVerdict verdict)
      throws SQLException {
    for (ReviewRole other : ReviewRole.values()) {
      if (other == item.role()) {
        continue;
      }
      Optional<ReviewItem> decided = item(c, item.packId(), other)
          .filter(i -> !i.status().open() && i.reviewer() != null);
      if (decided.isPresent() && samePerson(decided.get().reviewer(), verdict.reviewer())) {
        throw new ReviewRefusedException(Reason.SAME_REVIEWER, verdict.reviewer().strip()
            + " already decided the " + other.wire() + " review of battle pack '"
            + item.packId() + "' and cannot decide its " + item.role().wire() + " review too:"
            + " each review of a pack is decided by a different person (four eyes). Ask another "
            + item.role().wire() + " reviewer. Nothing was changed.");
      }
    }
  }

  private static boolean samePerson(String a, String b) {
    return a.strip().equalsIgnoreCase(b.strip());
  }

  private static void checkVerdict(String packId, ReviewRole role, ReviewVerdict v) {
    String item = "the " + role.wire() + " review of battle pack '" + packId + "'";
    if (v == null || v.reviewerRole() == null) {
      throw new ReviewRefusedException(Reason.INVALID_VERDICT, "The verdict on " + item
          + " has no reviewer role: say which role the reviewer acts in (" + role.wire() + ").");
    }
    if (v.reviewerRole() != role) {
      throw new ReviewRefusedException(Reason.ROLE_MISMATCH, "A " + v.reviewerRole().wire()
          + " reviewer cannot decide " + item + ": only " + role.wire() + " reviewers can."
          + " Nothing was changed.");
    }
    if (v.reviewer() == null || v.reviewer().isBlank() || v.reviewer().length() > 200) {
      throw new ReviewRefusedException(Reason.INVALID_VERDICT, "The verdict on " + item
          + " needs the reviewer's name or id (1 to 200 characters).");
    }
    if (!v.approved() && (v.comment() == null || v.comment().isBlank())) {
      throw new ReviewRefusedException(Reason.INVALID_VERDICT, "Rejecting " + item
          + " needs a comment that tells the rep what to change.");
    }
    if (v.comment() != null && v.comment().length() > 4000) {
      throw new ReviewRefusedException(Reason.INVALID_VERDICT, "The comment on " + item + " has "
          + v.comment().length() + " characters; at most 4000 are allowed.");
    }
  }

  private static ReviewRefusedException alreadyDecided(ReviewItem item) {
    return new ReviewRefusedException(Reason.ALREADY_DECIDED, "The " + item.role().wire()
        + " review of battle pack '" + item.packId() + "' was already "
        + item.status().name().toLowerCase(java.util.Locale.ROOT) + " by " + item.reviewer()
        + " at " + item.decidedAt() + "; a verdict is final. Nothing was changed.");
  }

  @Override
  public ReviewItem escalate(String packId, ReviewRole role, Instant at) {
    return store.inTransaction(c -> escalate(c, packId, role, at));
  }

  static ReviewItem escalate(Connection c, String packId, ReviewRole role, Instant at)
      throws SQLException {
    ReviewItem item = item(c, packId, role).orElseThrow(() -> new ReviewRefusedException(
        Reason.UNKNOWN_ITEM, "There is no " + role.wire() + " review of battle pack '" + packId
            + "' to escalate."));
    if (item.status() != ReviewStatus.PENDING) {
      return item;
    }
    try (PreparedStatement s = c.prepareStatement("update baton_bp_review set status = ?,"
        + " escalated_at = ? where pack_id = ? and role = ? and status = 'PENDING'")) {
      Sql.setAll(s, ReviewStatus.ESCALATED.name(), at, packId, role.wire());
      s.executeUpdate();
    }
    return item(c, packId, role).orElseThrow();
  }

  @Override
  public Optional<ReviewMessage> messageFor(String packId, ReviewRole role) {
    return item(packId, role).filter(i -> !i.status().open()).map(JdbcReviewQueue::message);
  }

  static ReviewMessage message(ReviewItem item) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("approved", item.status() == ReviewStatus.APPROVED);
    vars.put("comment", item.comment() == null ? "" : item.comment());
    vars.put("reviewer", item.reviewer());
    vars.put("role", item.role().wire());
    return new ReviewMessage(ReviewMessage.NAME, item.itemId(), "review-decided:" + item.itemId(),
        vars);
  }

  private static ReviewItem read(ResultSet r) throws SQLException {
    return new ReviewItem(r.getString("pack_id"), ReviewRole.parse(r.getString("role")),
        r.getString("decision_id"), r.getLong("process_instance_key"),
        ReviewStatus.valueOf(r.getString("status")), r.getString("comment"),
        r.getString("reviewer"), Sql.instant(r, "due_at"), Sql.instant(r, "queued_at"),
        Sql.instant(r, "escalated_at"), Sql.instant(r, "decided_at"));
  }
}
