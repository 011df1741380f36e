package dev.baton.engine.battlepack.internal;

import dev.baton.engine.battlepack.BattlePack;
import dev.baton.engine.battlepack.BattlePackStore;
import dev.baton.engine.battlepack.OutboxEntry;
import dev.baton.engine.battlepack.StoredPack;
import dev.baton.engine.battlepack.WorkflowStep;
import dev.baton.engine.store.BatonStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Packs, the workflow timeline and the outbox. */
public final class JdbcBattlePackStore implements BattlePackStore {
  private final BatonStore store;

  public JdbcBattlePackStore(BatonStore store) {
    this.store = store;
  }

  @Override
  public Optional<StoredPack> pack(String packId) {
    return store.inTransaction(c -> pack(c, packId));
  }

  static Optional<StoredPack> pack(Connection c, String packId) throws SQLException {
    List<StoredPack> found = packs(c, "pack_id = ?", packId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  static Optional<StoredPack> packOfJob(Connection c, long jobKey) throws SQLException {
    List<StoredPack> found = packs(c, "job_key = ?", jobKey);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<StoredPack> packsForDecision(String decisionId) {
    return store.inTransaction(c -> packs(c, "decision_id = ?", decisionId));
  }

  @Override
  public List<StoredPack> packsCreated(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("A period of battle packs needs from <= to, found from "
          + from + " and to " + to + ".");
    }
    List<String> where = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (from != null) {
      where.add("created_at >= ?");
      args.add(from);
    }
    if (to != null) {
      where.add("created_at < ?");
      args.add(to);
    }
    String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
    return store.inTransaction(c -> packs(c, condition, args.toArray()));
  }

  private static List<StoredPack> packs(Connection c, String where, Object... args)
      throws SQLException {
    List<StoredPack> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("select * from baton_bp_pack where " + where
        + " order by created_at, pack_id")) {
      Sql.setAll(s, args);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new StoredPack(PackJson.read(r.getString("content")), r.getString("hash"),
              r.getString("status"), r.getLong("process_instance_key"),
              Sql.instant(r, "created_at"), Sql.instant(r, "updated_at")));
        }
      }
    }
    return out;
  }

  static void insertPack(Connection c, long jobKey, long processInstanceKey, BattlePack pack,
      String hash, Instant at) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into baton_bp_pack (pack_id, job_key,"
        + " decision_id, process_instance_key, visit_request_id, customer_id, rep_id, generator,"
        + " hash, content, status, created_at, updated_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Sql.setAll(s, pack.packId(), jobKey, pack.decisionId(), processInstanceKey,
          pack.visitRequestId(), pack.customerId(), pack.repId(), pack.generator(), hash,
          pack.canonicalJson(), "IN_REVIEW", at, at);
      s.executeUpdate();
    }
  }

  static void setPackStatus(Connection c, String packId, String status, Instant at)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "update baton_bp_pack set status = ?, updated_at = ? where pack_id = ?")) {
      Sql.setAll(s, status, at, packId);
      s.executeUpdate();
    }
  }

  @Override
  public List<WorkflowStep> timeline(String decisionId) {
    return store.inTransaction(c -> steps(c, "decision_id = ?", decisionId));
  }

  @Override
  public List<WorkflowStep> timelineOfInstance(long processInstanceKey) {
    return store.inTransaction(c -> steps(c, "process_instance_key = ?", processInstanceKey));
  }

  static Optional<WorkflowStep> step(Connection c, long jobKey) throws SQLException {
    List<WorkflowStep> found = steps(c, "job_key = ?", jobKey);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<WorkflowStep> steps(Connection c, String where, Object arg)
      throws SQLException {
    List<WorkflowStep> out = new ArrayList<>();
    // the job key breaks ties: Zeebe keys grow with time within a partition
    try (PreparedStatement s = c.prepareStatement("select * from baton_bp_step where " + where
        + " order by occurred_at, job_key")) {
      Sql.set(s, 1, arg);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new WorkflowStep(r.getLong("job_key"), r.getString("decision_id"),
              r.getLong("process_instance_key"), r.getString("job_type"),
              r.getString("element_id"), r.getString("summary"), r.getString("output"),
              Sql.instant(r, "occurred_at")));
        }
      }
    }
    return out;
  }

  static void insertStep(Connection c, WorkflowStep step) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into baton_bp_step (job_key,"
        + " decision_id, process_instance_key, job_type, element_id, summary, output,"
        + " occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      String summary = step.summary().length() > 2000 ? step.summary().substring(0, 1997) + "..."
          : step.summary();
      Sql.setAll(s, step.jobKey(), step.decisionId(), step.processInstanceKey(), step.jobType(),
          step.elementId(), summary, step.outputJson(), step.occurredAt());
      s.executeUpdate();
    }
  }

  @Override
  public List<OutboxEntry> outbox(String decisionId) {
    return store.inTransaction(c -> {
      List<OutboxEntry> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("select * from baton_bp_outbox where"
          + " decision_id = ? order by created_at, job_key, seq")) {
        s.setString(1, decisionId);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(new OutboxEntry(r.getLong("job_key"), r.getInt("seq"),
                r.getString("decision_id"), r.getString("action"), r.getString("recipient"),
                r.getString("payload"), Sql.instant(r, "created_at")));
          }
        }
      }
      return out;
    });
  }

  static void insertOutbox(Connection c, OutboxEntry e) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into baton_bp_outbox (job_key, seq,"
        + " decision_id, action, recipient, payload, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
      Sql.setAll(s, e.jobKey(), e.seq(), e.decisionId(), e.action(), e.recipient(),
          e.payloadJson(), e.createdAt());
      s.executeUpdate();
    }
  }
}
