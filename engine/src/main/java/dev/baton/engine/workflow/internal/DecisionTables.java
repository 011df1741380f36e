package dev.baton.engine.workflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployed DMN resources' rows ({@code wf_decision_requirements}): one per decision
 * requirements graph version, with its decisions' keys and versions as JSON.
 */
final class DecisionTables {
  private static final TypeReference<List<Decisions.Decision>> DECISIONS = new TypeReference<>() {};

  private DecisionTables() {}

  static void insert(Connection c, List<Decisions.Drg> drgs) throws SQLException {
    if (drgs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("insert into wf_decision_requirements"
        + " (drg_key, drg_id, version, name, resource_name, xml, deployment_key, deployed_at,"
        + " decisions) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Decisions.Drg d : drgs) {
        ps.setLong(1, d.key);
        ps.setString(2, d.drgId);
        ps.setInt(3, d.version);
        ps.setString(4, d.name);
        ps.setString(5, d.resourceName);
        ps.setString(6, d.xml);
        ps.setLong(7, d.deploymentKey);
        ps.setLong(8, d.deployedAt);
        ps.setString(9, Json.write(d.decisions));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static List<Decisions.Drg> load(Connection c) throws SQLException {
    List<Decisions.Drg> out = new ArrayList<>();
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select drg_key, drg_id,"
        + " version, name, resource_name, xml, deployment_key, deployed_at, decisions"
        + " from wf_decision_requirements order by drg_key")) {
      while (rs.next()) {
        Decisions.Drg d = new Decisions.Drg();
        d.key = rs.getLong(1);
        d.drgId = rs.getString(2);
        d.version = rs.getInt(3);
        d.name = rs.getString(4);
        d.resourceName = rs.getString(5);
        d.xml = rs.getString(6);
        d.deploymentKey = rs.getLong(7);
        d.deployedAt = rs.getLong(8);
        try {
          d.decisions = Json.MAPPER.readValue(rs.getString(9), DECISIONS);
        } catch (JsonProcessingException e) {
          throw new SQLException("stored decisions of DRG " + d.key + " are not readable: "
              + e.getOriginalMessage(), e);
        }
        out.add(d);
      }
    }
    return out;
  }
}
