package dev.baton.engine.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.workflow.DeployedProcess;
import dev.baton.engine.workflow.ElementInstanceState;
import dev.baton.engine.workflow.ElementInstanceView;
import dev.baton.engine.workflow.IncidentView;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.ProcessInstanceDetail;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.workflow.ProcessInstanceSummary;
import dev.baton.engine.workflow.WorkflowException;
import dev.baton.engine.workflow.WorkflowInspector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link WorkflowInspector} over the workflow tables and their history tables. */
public final class JdbcWorkflowInspector implements WorkflowInspector {
  private static final String SUMMARY = "select p.instance_key, p.bpmn_process_id, p.version,"
      + " p.def_key, p.parent_instance_key, case when p.state = 'ACTIVE' and exists (select 1"
      + " from wf_incident_history i where i.process_instance_key = p.instance_key and"
      + " i.resolved_at is null) then 'INCIDENT' else p.state end, p.started_at, p.ended_at"
      + " from wf_process_instance p";
  private static final String OPEN_INCIDENT = "exists (select 1 from wf_incident_history i"
      + " where i.process_instance_key = p.instance_key and i.resolved_at is null)";
  private static final String INCIDENT = "select incident_key, process_instance_key,"
      + " element_instance_key, element_id, error_type, error_message, job_key, created_at,"
      + " resolved_at from wf_incident_history";

  private final DataSource dataSource;

  /** Reads through this data source. */
  public JdbcWorkflowInspector(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  private interface Read<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> r) {
    try (Connection c = dataSource.getConnection()) {
      return r.apply(c);
    } catch (SQLException e) {
      throw new WorkflowException("Cannot read the workflow state: " + e.getMessage()
          + " (has a workflow engine started on this database, so its tables exist?)", e);
    }
  }

  @Override
  public List<DeployedProcess> processes() {
    return read(c -> {
      List<DeployedProcess> out = new ArrayList<>();
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select bpmn_process_id,"
          + " version, def_key, resource_name, deployed_at from wf_definition"
          + " where deleted_at is null order by bpmn_process_id, version")) {
        while (rs.next()) {
          long at = rs.getLong(5);
          out.add(new DeployedProcess(rs.getString(1), rs.getInt(2), rs.getLong(3),
              rs.getString(4), at == 0 ? null : Instant.ofEpochMilli(at)));
        }
      }
      return out;
    });
  }

  @Override
  public Optional<String> bpmnXml(long processDefinitionKey) {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "select xml from wf_definition where def_key = ?")) {
        ps.setLong(1, processDefinitionKey);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<ProcessInstanceSummary> instances(InstanceQuery q) {
    Objects.requireNonNull(q, "query");
    StringBuilder sql = new StringBuilder(SUMMARY).append(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (q.state() != null) {
      switch (q.state()) {
        case ACTIVE -> sql.append(" and p.state = 'ACTIVE' and not ").append(OPEN_INCIDENT);
        case INCIDENT -> sql.append(" and p.state = 'ACTIVE' and ").append(OPEN_INCIDENT);
        default -> {
          sql.append(" and p.state = ?");
          params.add(q.state().name());
        }
      }
    }
    if (q.bpmnProcessId() != null) {
      sql.append(" and p.bpmn_process_id = ?");
      params.add(q.bpmnProcessId());
    }
    sql.append(" order by p.instance_key desc limit ? offset ?");
    params.add(q.limit());
    params.add(q.offset());
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        List<ProcessInstanceSummary> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(summary(rs));
          }
        }
        return out;
      }
    });
  }

  private static ProcessInstanceSummary summary(ResultSet rs) throws SQLException {
    return new ProcessInstanceSummary(rs.getLong(1), rs.getString(2), rs.getInt(3),
        rs.getLong(4), rs.getLong(5), ProcessInstanceState.valueOf(rs.getString(6)),
        Instant.ofEpochMilli(rs.getLong(7)), instant(rs, 8));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  @Override
  public Optional<ProcessInstanceDetail> instance(long processInstanceKey) {
    return read(c -> {
      ProcessInstanceSummary summary;
      String finalVariables;
      try (PreparedStatement ps = c.prepareStatement(SUMMARY.replace(", p.ended_at from",
          ", p.ended_at, p.variables from") + " where p.instance_key = ?")) {
        ps.setLong(1, processInstanceKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          summary = summary(rs);
          finalVariables = rs.getString(9);
        }
      }
      String variables = finalVariables;
      if (variables == null) {
        variables = liveVariables(c, processInstanceKey);
      }
      if (variables == null) { // it ended between the two reads
        try (PreparedStatement ps = c.prepareStatement(
            "select variables from wf_process_instance where instance_key = ?")) {
          ps.setLong(1, processInstanceKey);
          try (ResultSet rs = ps.executeQuery()) {
            variables = rs.next() && rs.getString(1) != null ? rs.getString(1) : "{}";
          }
        }
      }
      List<ElementInstanceView> path = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select element_key, parent_key,"
          + " element_id, element_type, state, started_at, ended_at from wf_element_history"
          + " where process_instance_key = ? order by element_key")) {
        ps.setLong(1, processInstanceKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            path.add(new ElementInstanceView(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), ElementInstanceState.valueOf(rs.getString(5)),
                Instant.ofEpochMilli(rs.getLong(6)), instant(rs, 7)));
          }
        }
      }
      List<IncidentView> open = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(INCIDENT + " where process_instance_key = ?"
          + " and resolved_at is null order by incident_key")) {
        ps.setLong(1, processInstanceKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            open.add(incident(rs));
          }
        }
      }
      return Optional.of(new ProcessInstanceDetail(summary, variables, path, open));
    });
  }

  /** The running instance's root-scope variables from its state row, or null when it ended. */
  private static String liveVariables(Connection c, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select data from wf_element_instance where entity_key = ?")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        JsonNode row = Json.MAPPER.readTree(rs.getString(1));
        JsonNode vars = row.get("variables");
        return vars == null || vars.isNull() ? "{}" : Json.MAPPER.writeValueAsString(vars);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new SQLException("unreadable process instance row " + key, e);
      }
    }
  }

  @Override
  public List<IncidentView> incidents(boolean openOnly) {
    return read(c -> {
      List<IncidentView> out = new ArrayList<>();
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery(INCIDENT
          + (openOnly ? " where resolved_at is null" : "") + " order by incident_key desc")) {
        while (rs.next()) {
          out.add(incident(rs));
        }
      }
      return out;
    });
  }

  private static IncidentView incident(ResultSet rs) throws SQLException {
    Instant resolvedAt = instant(rs, 9);
    return new IncidentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getLong(7), Instant.ofEpochMilli(rs.getLong(8)),
        resolvedAt != null, resolvedAt);
  }

  @Override
  public List<dev.baton.engine.workflow.UserTaskView> userTasks(boolean openOnly) {
    return read(c -> {
      List<dev.baton.engine.workflow.UserTaskView> out = new ArrayList<>();
      try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
          "select data from wf_user_task order by entity_key")) {
        while (rs.next()) {
          UserTask t = Json.read(rs.getString(1), UserTask.class);
          if (!openOnly || t.state.open()) {
            out.add(new dev.baton.engine.workflow.UserTaskView(t.key, t.state.name(), t.name,
                t.elementId, t.elementInstanceKey, t.processInstanceKey, t.processDefinitionKey,
                t.bpmnProcessId, t.version, t.assignee, t.candidateGroups, t.candidateUsers,
                t.dueDate, t.followUpDate, t.priority, t.formKey, t.formId,
                t.externalFormReference, t.customHeaders, Instant.ofEpochMilli(t.createdAt),
                t.endedAt == 0 ? null : Instant.ofEpochMilli(t.endedAt)));
          }
        }
      }
      return out;
    });
  }

  @Override
  public List<ProcessInstanceSummary> instances(dev.baton.engine.workflow.InstanceFilter f) {
    Objects.requireNonNull(f, "filter");
    boolean byVariable = f.variableName() != null;
    String select = byVariable ? SUMMARY.replace(", p.ended_at from", ", p.ended_at,"
        + " p.variables, e.data from") + " left join wf_element_instance e on e.entity_key"
        + " = p.instance_key" : SUMMARY;
    StringBuilder sql = new StringBuilder(select).append(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (f.state() != null) {
      switch (f.state()) {
        case ACTIVE -> sql.append(" and p.state = 'ACTIVE' and not ").append(OPEN_INCIDENT);
        case INCIDENT -> sql.append(" and p.state = 'ACTIVE' and ").append(OPEN_INCIDENT);
        default -> {
          sql.append(" and p.state = ?");
          params.add(f.state().name());
        }
      }
    }
    if (f.bpmnProcessId() != null) {
      sql.append(" and p.bpmn_process_id = ?");
      params.add(f.bpmnProcessId());
    }
    if (f.version() != null) {
      sql.append(" and p.version = ?");
      params.add(f.version());
    }
    if (f.startedFrom() != null) {
      sql.append(" and p.started_at >= ?");
      params.add(f.startedFrom().toEpochMilli());
    }
    if (f.startedTo() != null) {
      sql.append(" and p.started_at < ?");
      params.add(f.startedTo().toEpochMilli());
    }
    sql.append(" order by p.instance_key desc");
    if (!byVariable) {
      sql.append(" limit ? offset ?");
      params.add(f.limit());
      params.add(f.offset());
    }
    JsonNode wanted = byVariable ? wantedValue(f.variableValue()) : null;
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        List<ProcessInstanceSummary> out = new ArrayList<>();
        int skipped = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && out.size() < f.limit()) {
            if (byVariable) {
              JsonNode value = rootVariable(rs.getString(9), rs.getString(10),
                  f.variableName());
              if (value == null || !sameValue(value, wanted)) {
                continue;
              }
              if (skipped++ < f.offset()) {
                continue;
              }
            }
            out.add(summary(rs));
          }
        }
        return out;
      }
    });
  }

  /** The filter's value as JSON; text that is not JSON is a string. */
  private static JsonNode wantedValue(String text) {
    try {
      JsonNode n = Json.MAPPER.readTree(text);
      if (n != null && !n.isMissingNode()) {
        return n;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // not JSON: a plain string, as an operator types it
    }
    return Json.MAPPER.getNodeFactory().textNode(text);
  }

  private static boolean sameValue(JsonNode value, JsonNode wanted) {
    if (value.isNumber() && wanted.isNumber()) {
      return value.decimalValue().compareTo(wanted.decimalValue()) == 0;
    }
    return value.equals(wanted);
  }

  /** A root-scope variable from the final variables or the live state row; null when absent. */
  private static JsonNode rootVariable(String finalVariables, String liveRow, String name)
      throws SQLException {
    try {
      JsonNode vars;
      if (finalVariables != null) {
        vars = Json.MAPPER.readTree(finalVariables);
      } else if (liveRow != null) {
        vars = Json.MAPPER.readTree(liveRow).get("variables");
      } else {
        return null;
      }
      return vars == null || !vars.isObject() ? null : vars.get(name);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("unreadable variables of a process instance", e);
    }
  }

  @Override
  public List<dev.baton.engine.workflow.VariableView> variables(long processInstanceKey) {
    return read(c -> {
      List<dev.baton.engine.workflow.VariableView> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("select h.element_key, h.element_id,"
          + " e.data from wf_element_history h join wf_element_instance e on e.entity_key ="
          + " h.element_key where h.process_instance_key = ? order by h.element_key")) {
        ps.setLong(1, processInstanceKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            JsonNode vars = Json.MAPPER.readTree(rs.getString(3)).get("variables");
            addAll(out, rs.getLong(1), rs.getString(2), vars);
          }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new SQLException("unreadable element instance row", e);
        }
      }
      if (!out.isEmpty()) {
        return out;
      }
      try (PreparedStatement ps = c.prepareStatement("select bpmn_process_id, variables, state"
          + " from wf_process_instance where instance_key = ?")) {
        ps.setLong(1, processInstanceKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(2) != null) {
            addAll(out, processInstanceKey, rs.getString(1),
                Json.MAPPER.readTree(rs.getString(2)));
          }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new SQLException("unreadable variables of instance " + processInstanceKey, e);
        }
      }
      return out;
    });
  }

  private static void addAll(List<dev.baton.engine.workflow.VariableView> out, long scope,
      String elementId, JsonNode vars) throws com.fasterxml.jackson.core.JsonProcessingException {
    if (vars == null || !vars.isObject()) {
      return;
    }
    List<String> names = new ArrayList<>();
    vars.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    for (String name : names) {
      out.add(new dev.baton.engine.workflow.VariableView(scope, elementId, name,
          Json.MAPPER.writeValueAsString(vars.get(name))));
    }
  }

  @Override
  public List<IncidentView> incidents(long processInstanceKey) {
    return read(c -> {
      List<IncidentView> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(INCIDENT
          + " where process_instance_key = ? order by incident_key")) {
        ps.setLong(1, processInstanceKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(incident(rs));
          }
        }
      }
      return out;
    });
  }

  @Override
  public Optional<dev.baton.engine.workflow.JobView> job(long jobKey) {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "select data from wf_job where entity_key = ?")) {
        ps.setLong(1, jobKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          State.Job j = Json.read(rs.getString(1), State.Job.class);
          return Optional.of(new dev.baton.engine.workflow.JobView(j.key, j.type,
              j.state == null ? "" : j.state.name(), j.retries,
              j.errorMessage == null ? "" : j.errorMessage, j.worker == null ? "" : j.worker));
        }
      }
    });
  }
}
