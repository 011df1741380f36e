package dev.baton.engine.workflow.internal;

import dev.baton.engine.store.BatonStore;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.Entity;
import dev.baton.engine.workflow.internal.State.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the workflow tables; one transaction per command batch. */
final class WorkflowStore {
  private final BatonStore store;

  WorkflowStore(BatonStore store) {
    // the store's commits are durable when they return (BatonStore's data source makes them so
    // on H2 too), so a command is answered only after its state is in the database for good
    this.store = store;
  }

  /** The entities a batch changed: key to entity, or to null when deleted. */
  static final class Changes {
    final Map<Table, Map<Long, Entity>> rows = new EnumMap<>(Table.class);
    final List<Definition> definitions = new ArrayList<>();
    final List<Decisions.Drg> decisionRequirements = new ArrayList<>();
    /** Definitions deleted in this batch: key to the time (epoch millis). */
    final Map<Long, Long> deletedDefinitions = new LinkedHashMap<>();
    /** Keys created in this batch (their rows are inserted, not updated). */
    java.util.Set<Long> created = java.util.Set.of();
    /** Operator history rows this batch started or ended, by key. */
    final Map<Long, InstanceRow> instances = new LinkedHashMap<>();
    final Map<Long, ElementRow> elements = new LinkedHashMap<>();
    final Map<Long, IncidentRow> incidents = new LinkedHashMap<>();
    long nextKey;

    void put(Entity e) {
      rows.computeIfAbsent(e.table(), t -> new LinkedHashMap<>()).put(e.key(), e);
    }

    void delete(Table t, long key) {
      rows.computeIfAbsent(t, x -> new LinkedHashMap<>()).put(key, null);
    }

    boolean isEmpty() {
      return rows.isEmpty() && definitions.isEmpty() && decisionRequirements.isEmpty()
          && deletedDefinitions.isEmpty()
          && instances.isEmpty()
          && elements.isEmpty() && incidents.isEmpty();
    }
  }

  /**
   * A history row: inserted whole when {@code isNew} (started in this batch), otherwise only its
   * end is updated.
   */
  static final class InstanceRow {
    boolean isNew;
    long key;
    String bpmnProcessId;
    int version;
    long definitionKey;
    long parentInstanceKey;
    String state = "ACTIVE";
    long startedAt;
    Long endedAt;
    String variables;
  }

  /** An element instance's history row; see {@link InstanceRow}. */
  static final class ElementRow {
    boolean isNew;
    long key;
    long processInstanceKey;
    long parentKey;
    String elementId;
    String elementType;
    String state = "ACTIVE";
    long startedAt;
    Long endedAt;
  }

  /** An incident's history row; see {@link InstanceRow}. */
  static final class IncidentRow {
    boolean isNew;
    long key;
    long processInstanceKey;
    long elementInstanceKey;
    String elementId;
    String errorType;
    String errorMessage;
    long jobKey;
    long createdAt;
    Long resolvedAt;
  }

  void write(Changes changes) {
    store.inTransaction(c -> {
      for (Definition d : changes.definitions) {
        try (PreparedStatement ps = c.prepareStatement("insert into wf_definition (def_key,"
            + " bpmn_process_id, version, resource_name, xml, deployment_key, deployed_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")) {
          ps.setLong(7, d.deployedAt);
          ps.setLong(1, d.key);
          ps.setString(2, d.bpmnProcessId);
          ps.setInt(3, d.version);
          ps.setString(4, d.resourceName);
          ps.setString(5, d.xml);
          ps.setLong(6, d.deploymentKey);
          ps.executeUpdate();
        }
      }
      DecisionTables.insert(c, changes.decisionRequirements);
      for (var d : changes.deletedDefinitions.entrySet()) {
        try (PreparedStatement ps = c.prepareStatement("update wf_definition set deleted_at = ?"
            + " where def_key = ?")) {
          ps.setLong(1, d.getValue());
          ps.setLong(2, d.getKey());
          ps.executeUpdate();
        }
      }
      for (var e : changes.rows.entrySet()) {
        String table = e.getKey().name;
        // rows created in this batch are inserted, others updated or deleted: one statement per
        // row, sent in JDBC batches
        try (PreparedStatement del = c.prepareStatement("delete from " + table
                + " where entity_key = ?");
            PreparedStatement upd = c.prepareStatement("update " + table
                + " set data = ? where entity_key = ?");
            PreparedStatement ins = c.prepareStatement("insert into " + table
                + " (entity_key, data) values (?, ?)")) {
          int dels = 0;
          int upds = 0;
          int inss = 0;
          for (var row : e.getValue().entrySet()) {
            Entity entity = row.getValue();
            long key = row.getKey();
            if (entity == null) {
              del.setLong(1, key);
              del.addBatch();
              dels++;
            } else if (changes.created.contains(key)) {
              ins.setLong(1, key);
              ins.setString(2, Json.write(entity));
              ins.addBatch();
              inss++;
            } else {
              upd.setString(1, Json.write(entity));
              upd.setLong(2, key);
              upd.addBatch();
              upds++;
            }
          }
          if (dels > 0) {
            del.executeBatch();
          }
          if (upds > 0) {
            for (int n : upd.executeBatch()) {
              if (n == 0) {
                throw new SQLException("workflow state row to update is missing from " + table);
              }
            }
          }
          if (inss > 0) {
            ins.executeBatch();
          }
        }
      }
      writeHistory(c, changes);
      try (PreparedStatement ps = c.prepareStatement(
          "update wf_key_sequence set next_key = ? where id = 1 and next_key < ?")) {
        ps.setLong(1, changes.nextKey);
        ps.setLong(2, changes.nextKey);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static void writeHistory(Connection c, Changes changes) throws SQLException {
    upsert(c, changes.instances.values(), r -> r.isNew, "insert into wf_process_instance"
        + " (instance_key, bpmn_process_id, version, def_key, parent_instance_key, state,"
        + " started_at, ended_at, variables) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", (ins, r) -> {
          ins.setLong(1, r.key);
          ins.setString(2, r.bpmnProcessId);
          ins.setInt(3, r.version);
          ins.setLong(4, r.definitionKey);
          ins.setLong(5, r.parentInstanceKey);
          ins.setString(6, r.state);
          ins.setLong(7, r.startedAt);
          ins.setObject(8, r.endedAt, java.sql.Types.BIGINT);
          ins.setString(9, r.variables);
        }, "update wf_process_instance set state = ?, ended_at = ?, variables = ?"
        + " where instance_key = ?", (upd, r) -> {
          upd.setString(1, r.state);
          upd.setObject(2, r.endedAt, java.sql.Types.BIGINT);
          upd.setString(3, r.variables);
          upd.setLong(4, r.key);
        });
    upsert(c, changes.elements.values(), r -> r.isNew, "insert into wf_element_history"
        + " (element_key, process_instance_key, parent_key, element_id, element_type, state,"
        + " started_at, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?)", (ins, r) -> {
          ins.setLong(1, r.key);
          ins.setLong(2, r.processInstanceKey);
          ins.setLong(3, r.parentKey);
          ins.setString(4, r.elementId);
          ins.setString(5, r.elementType);
          ins.setString(6, r.state);
          ins.setLong(7, r.startedAt);
          ins.setObject(8, r.endedAt, java.sql.Types.BIGINT);
        }, "update wf_element_history set state = ?, ended_at = ? where element_key = ?",
        (upd, r) -> {
          upd.setString(1, r.state);
          upd.setObject(2, r.endedAt, java.sql.Types.BIGINT);
          upd.setLong(3, r.key);
        });
    upsert(c, changes.incidents.values(), r -> r.isNew, "insert into wf_incident_history"
        + " (incident_key, process_instance_key, element_instance_key, element_id, error_type,"
        + " error_message, job_key, created_at, resolved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ins, r) -> {
          ins.setLong(1, r.key);
          ins.setLong(2, r.processInstanceKey);
          ins.setLong(3, r.elementInstanceKey);
          ins.setString(4, r.elementId);
          ins.setString(5, r.errorType);
          ins.setString(6, r.errorMessage);
          ins.setLong(7, r.jobKey);
          ins.setLong(8, r.createdAt);
          ins.setObject(9, r.resolvedAt, java.sql.Types.BIGINT);
        }, "update wf_incident_history set resolved_at = ? where incident_key = ?",
        (upd, r) -> {
          upd.setObject(1, r.resolvedAt, java.sql.Types.BIGINT);
          upd.setLong(2, r.key);
        });
  }

  /** Sets one row's parameters on a statement. */
  @FunctionalInterface
  private interface Binder<R> {
    void bind(PreparedStatement statement, R row) throws SQLException;
  }

  /** Inserts the new rows and updates the others, each kind in one JDBC batch. */
  private static <R> void upsert(Connection c, java.util.Collection<R> rows,
      java.util.function.Predicate<R> isNew, String insertSql, Binder<R> insert,
      String updateSql, Binder<R> update) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ins = c.prepareStatement(insertSql);
        PreparedStatement upd = c.prepareStatement(updateSql)) {
      boolean anyIns = false;
      boolean anyUpd = false;
      for (R r : rows) {
        if (isNew.test(r)) {
          insert.bind(ins, r);
          ins.addBatch();
          anyIns = true;
        } else {
          update.bind(upd, r);
          upd.addBatch();
          anyUpd = true;
        }
      }
      if (anyIns) {
        ins.executeBatch();
      }
      if (anyUpd) {
        upd.executeBatch();
      }
    }
  }

  /**
   * Keys of the history rows still open (not ended / not resolved), to add rows for state that
   * was written before the history tables existed.
   */
  java.util.Set<Long> openHistoryKeys(String table, String keyColumn, String endColumn) {
    return store.inTransaction(c -> {
      java.util.Set<Long> out = new java.util.HashSet<>();
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select " + keyColumn
          + " from " + table + " where " + endColumn + " is null")) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    });
  }

  long loadNextKey() {
    return store.inTransaction(c -> {
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select next_key from wf_key_sequence where id = 1")) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
      try (var s = c.createStatement()) {
        s.executeUpdate("insert into wf_key_sequence (id, next_key) values (1, 1)");
      }
      return 1L;
    });
  }

  List<Definition> loadDefinitions() {
    return store.inTransaction(c -> {
      List<Definition> out = new ArrayList<>();
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select def_key,"
          + " bpmn_process_id, version, resource_name, xml, deployment_key, deployed_at"
          + " from wf_definition where deleted_at is null"
          + " order by def_key")) {
        while (rs.next()) {
          Definition d = new Definition();
          d.key = rs.getLong(1);
          d.bpmnProcessId = rs.getString(2);
          d.version = rs.getInt(3);
          d.resourceName = rs.getString(4);
          d.xml = rs.getString(5);
          d.deploymentKey = rs.getLong(6);
          d.deployedAt = rs.getLong(7);
          out.add(d);
        }
      }
      return out;
    });
  }

  List<Decisions.Drg> loadDecisionRequirements() {
    return store.inTransaction(DecisionTables::load);
  }

  /** The highest version each process id had among its deleted definitions. */
  Map<String, Integer> loadDeletedVersions() {
    return store.inTransaction(c -> {
      Map<String, Integer> out = new java.util.HashMap<>();
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select bpmn_process_id,"
          + " max(version) from wf_definition where deleted_at is not null"
          + " group by bpmn_process_id")) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getInt(2));
        }
      }
      return out;
    });
  }

  <T extends Entity> List<T> load(Table table, Class<T> type) {
    return store.inTransaction(c -> read(c, table, type));
  }

  private static <T> List<T> read(Connection c, Table table, Class<T> type) throws SQLException {
    List<T> out = new ArrayList<>();
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select data from "
        + table.name + " order by entity_key")) {
      while (rs.next()) {
        out.add(Json.read(rs.getString(1), type));
      }
    }
    return out;
  }
}
