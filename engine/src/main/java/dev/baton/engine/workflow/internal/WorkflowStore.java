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

  private volatile boolean checkpointOnCommit;

  WorkflowStore(BatonStore store) {
    this.store = store;
    // H2 (MVStore) keeps committed changes in memory and writes them to its file up to a second
    // later; a killed process loses them. CHECKPOINT writes them before the commands are
    // answered ("durable before acknowledged"). PostgreSQL has flushed its WAL at commit.
    this.checkpointOnCommit = store.dialect() == dev.baton.engine.store.Databases.Dialect.H2;
  }

  private void checkpoint() {
    try (Connection c = store.dataSource().getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      checkpointOnCommit = false;
      org.slf4j.LoggerFactory.getLogger(WorkflowStore.class).warn("Cannot force workflow state"
          + " to the H2 file ({}): it is then durable only once H2 writes it (within a second)."
          + " Open the database as its admin user.", e.getMessage());
    }
  }

  /** The entities a batch changed: key to entity, or to null when deleted. */
  static final class Changes {
    final Map<Table, Map<Long, Entity>> rows = new EnumMap<>(Table.class);
    final List<Definition> definitions = new ArrayList<>();
    long nextKey;

    void put(Entity e) {
      rows.computeIfAbsent(e.table(), t -> new LinkedHashMap<>()).put(e.key(), e);
    }

    void delete(Table t, long key) {
      rows.computeIfAbsent(t, x -> new LinkedHashMap<>()).put(key, null);
    }

    boolean isEmpty() {
      return rows.isEmpty() && definitions.isEmpty();
    }
  }

  void write(Changes changes) {
    store.inTransaction(c -> {
      for (Definition d : changes.definitions) {
        try (PreparedStatement ps = c.prepareStatement("insert into wf_definition (def_key,"
            + " bpmn_process_id, version, resource_name, xml, deployment_key) values"
            + " (?, ?, ?, ?, ?, ?)")) {
          ps.setLong(1, d.key);
          ps.setString(2, d.bpmnProcessId);
          ps.setInt(3, d.version);
          ps.setString(4, d.resourceName);
          ps.setString(5, d.xml);
          ps.setLong(6, d.deploymentKey);
          ps.executeUpdate();
        }
      }
      for (var e : changes.rows.entrySet()) {
        String table = e.getKey().name;
        try (PreparedStatement del = c.prepareStatement("delete from " + table
            + " where entity_key = ?")) {
          for (Long key : e.getValue().keySet()) {
            del.setLong(1, key);
            del.addBatch();
          }
          del.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("insert into " + table
            + " (entity_key, data) values (?, ?)")) {
          boolean any = false;
          for (Entity entity : e.getValue().values()) {
            if (entity != null) {
              ins.setLong(1, entity.key());
              ins.setString(2, Json.write(entity));
              ins.addBatch();
              any = true;
            }
          }
          if (any) {
            ins.executeBatch();
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "update wf_key_sequence set next_key = ? where id = 1 and next_key < ?")) {
        ps.setLong(1, changes.nextKey);
        ps.setLong(2, changes.nextKey);
        ps.executeUpdate();
      }
      return null;
    });
    if (checkpointOnCommit) {
      checkpoint();
    }
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
          + " bpmn_process_id, version, resource_name, xml, deployment_key from wf_definition"
          + " order by def_key")) {
        while (rs.next()) {
          Definition d = new Definition();
          d.key = rs.getLong(1);
          d.bpmnProcessId = rs.getString(2);
          d.version = rs.getInt(3);
          d.resourceName = rs.getString(4);
          d.xml = rs.getString(5);
          d.deploymentKey = rs.getLong(6);
          out.add(d);
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
