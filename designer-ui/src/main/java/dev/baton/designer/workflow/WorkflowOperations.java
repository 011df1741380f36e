package dev.baton.designer.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.designer.security.CurrentUser;
import dev.baton.engine.workflow.ElementInstanceState;
import dev.baton.engine.workflow.ElementInstanceView;
import dev.baton.engine.workflow.IncidentView;
import dev.baton.engine.workflow.InstanceFilter;
import dev.baton.engine.workflow.JobView;
import dev.baton.engine.workflow.ProcessInstanceSummary;
import dev.baton.engine.workflow.VariableView;
import dev.baton.engine.workflow.WorkflowInspector;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What an operator may do to process instances, Operate-style: find them (filters and paging),
 * read their variables per scope, incidents and jobs, and repair them — set a variable, give a
 * job retries, resolve an incident, cancel the instance, add or move a token. Every change is a
 * command of the official client (so it works on a cluster too) and, once the engine
 * acknowledged it, is written with who did it and when to the operations log.
 */
@Service
public class WorkflowOperations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPS = WorkflowService.OPS;
  private static final String DEVELOPER = WorkflowService.DEVELOPER;
  private static final String ADMIN = WorkflowService.ADMIN;

  private final JdbcTemplate jdbc;
  private final CamundaClient client;
  private final WorkflowInspector inspector;

  public WorkflowOperations(JdbcTemplate jdbc, CamundaClient client,
      WorkflowInspector inspector) {
    this.jdbc = jdbc;
    this.client = client;
    this.inspector = inspector;
  }

  /** Process instances matching the filter, newest first. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<ProcessInstanceSummary> instances(InstanceFilter filter) {
    return inspector.instances(filter);
  }

  /** The instance's variables by scope (root scope first). */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<VariableView> variables(long processInstanceKey) {
    return inspector.variables(processInstanceKey);
  }

  /** Every incident of the instance, resolved ones included. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<IncidentView> incidents(long processInstanceKey) {
    return inspector.incidents(processInstanceKey);
  }

  /** The incident's job while it exists. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public Optional<JobView> job(long jobKey) {
    return jobKey == 0 ? Optional.empty() : inspector.job(jobKey);
  }

  /** What operators changed on the instance, oldest first. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<OperationEntry> log(long processInstanceKey) {
    return jdbc.query("select process_instance_key, scope_key, action, subject, old_value,"
        + " new_value, done_by, done_at from designer_operation_log where"
        + " process_instance_key = ? order by id", (rs, i) -> new OperationEntry(rs.getLong(1),
            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getTimestamp(8).toInstant()), processInstanceKey);
  }

  /**
   * Sets one variable in one scope (a new one, or a new value) from JSON text: {@code 42},
   * {@code "text"}, {@code {"a":1}}. Text that is not JSON is refused naming where it breaks,
   * and nothing is sent.
   */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void setVariable(long processInstanceKey, long scopeKey, String name, String json) {
    if (name == null || name.isBlank()) {
      throw new OperationRefusedException("ops.err.noName");
    }
    String trimmed = name.strip();
    if (!trimmed.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new OperationRefusedException("ops.err.badName", trimmed);
    }
    JsonNode value = parse(json);
    String old = inspector.variables(processInstanceKey).stream()
        .filter(v -> v.scopeKey() == scopeKey && v.name().equals(trimmed))
        .map(VariableView::value).findFirst().orElse(null);
    String document = JSON.createObjectNode().set(trimmed, value).toString();
    send(() -> client.newSetVariablesCommand(scopeKey).variables(document).local(true).send()
        .join());
    record(processInstanceKey, scopeKey, "SET_VARIABLE", trimmed, old, value.toString());
  }

  /** The value as JSON, or a refusal naming the line and column where it is not JSON. */
  public static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      throw new OperationRefusedException("ops.err.noValue");
    }
    try {
      JsonNode n = JSON.readTree(json);
      try (var p = JSON.createParser(json)) {
        p.nextToken();
        p.skipChildren();
        if (p.nextToken() != null) {
          throw new OperationRefusedException("ops.err.badJson", 
              "1", "1", "more than one value");
        }
      }
      return n;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new OperationRefusedException("ops.err.badJson",
          at == null ? "?" : String.valueOf(at.getLineNr()),
          at == null ? "?" : String.valueOf(at.getColumnNr()), e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new OperationRefusedException("ops.err.badJson", "?", "?", e.getMessage());
    }
  }

  /** Gives the incident's job this many retries (0 to 9999). */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void updateRetries(IncidentView incident, int retries) {
    if (incident.jobKey() == 0) {
      throw new OperationRefusedException("ops.err.noJob", incident.elementId());
    }
    if (retries < 1 || retries > 9999) {
      throw new OperationRefusedException("ops.err.retries", String.valueOf(retries));
    }
    String old = job(incident.jobKey()).map(j -> String.valueOf(j.retries())).orElse(null);
    send(() -> client.newUpdateRetriesCommand(incident.jobKey()).retries(retries).send().join());
    record(incident.processInstanceKey(), incident.jobKey(), "UPDATE_RETRIES",
        incident.elementId(), old, String.valueOf(retries));
  }

  /** Resolves the incident: the engine tries the element (or the job's retries) again. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void resolve(IncidentView incident) {
    send(() -> client.newResolveIncidentCommand(incident.incidentKey()).send().join());
    record(incident.processInstanceKey(), incident.incidentKey(), "RESOLVE_INCIDENT",
        incident.elementId(), incident.errorMessage(), null);
  }

  /** Fix and retry: retries for the job (when there is one), then resolve. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void retry(IncidentView incident, int retries) {
    if (incident.jobKey() != 0) {
      updateRetries(incident, retries);
    }
    resolve(incident);
  }

  /** Cancels the whole instance. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void cancel(long processInstanceKey) {
    send(() -> client.newCancelInstanceCommand(processInstanceKey).send().join());
    record(processInstanceKey, processInstanceKey, "CANCEL", "", null, null);
  }

  /** Adds a token: activates the element (its flow scope is created when needed). */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void addToken(long processInstanceKey, String elementId) {
    if (elementId == null || elementId.isBlank()) {
      throw new OperationRefusedException("ops.err.noTarget");
    }
    send(() -> client.newModifyProcessInstanceCommand(processInstanceKey)
        .activateElement(elementId).send().join());
    record(processInstanceKey, processInstanceKey, "ADD_TOKEN", elementId, null, elementId);
  }

  /** Moves a token: terminates one active element instance and activates another element. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void moveToken(long processInstanceKey, ElementInstanceView from, String toElementId) {
    if (toElementId == null || toElementId.isBlank()) {
      throw new OperationRefusedException("ops.err.noTarget");
    }
    if (from == null || from.state() != ElementInstanceState.ACTIVE) {
      throw new OperationRefusedException("ops.err.noSource");
    }
    send(() -> client.newModifyProcessInstanceCommand(processInstanceKey)
        .activateElement(toElementId).and().terminateElement(from.elementInstanceKey()).send()
        .join());
    record(processInstanceKey, from.elementInstanceKey(), "MOVE_TOKEN", from.elementId(),
        from.elementId(), toElementId);
  }

  private static void send(Supplier<?> command) {
    try {
      command.get();
    } catch (ClientStatusException e) {
      throw new OperationRefusedException("ops.failed", e.getStatus().getDescription() == null
          ? e.getMessage() : e.getStatus().getDescription());
    } catch (ProblemException e) {
      throw new OperationRefusedException("ops.failed", e.details() == null ? e.getMessage()
          : e.details().getDetail());
    } catch (CompletionException e) {
      throw new OperationRefusedException("ops.failed", String.valueOf(e.getCause()));
    }
  }

  private void record(long processInstanceKey, long scopeKey, String action, String subject,
      String oldValue, String newValue) {
    jdbc.update("insert into designer_operation_log (process_instance_key, scope_key, action,"
        + " subject, old_value, new_value, done_by, done_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        processInstanceKey, scopeKey, action, subject, oldValue, newValue, CurrentUser.name(),
        Timestamp.from(Instant.now()));
  }
}
