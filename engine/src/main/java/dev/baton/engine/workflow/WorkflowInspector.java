package dev.baton.engine.workflow;

import dev.baton.engine.workflow.internal.JdbcWorkflowInspector;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read-only operator view of the embedded engine's state: deployed processes and their BPMN,
 * process instances (running and finished) with the path they took, incidents, and user tasks.
 * It is what Camunda's Operate and Tasklist show, read straight from the engine's tables, so it
 * sees exactly what has been committed (and acknowledged) and nothing that has not.
 *
 * <p>Finished process instances, finished element instances and resolved incidents stay
 * queryable: the engine keeps their history in the same transaction as the command that ended
 * them.
 *
 * <p>To change anything use the official client, as with Zeebe: {@code newUpdateRetriesCommand}
 * then {@code newResolveIncidentCommand} for an incident, {@code newCancelInstanceCommand} to
 * stop an instance.
 *
 * <p>Thread-safe and stateless: each call reads the database on its own connection; it can be
 * used from any thread and in a process other than the engine's (with the same database).
 */
public interface WorkflowInspector {

  /**
   * An inspector over the workflow tables of this database (the engine's schema must exist, i.e.
   * an engine has started on it at least once).
   */
  static WorkflowInspector on(DataSource dataSource) {
    return new JdbcWorkflowInspector(dataSource);
  }

  /** Every deployed process version (deleted ones left out), by BPMN process id then version. */
  List<DeployedProcess> processes();

  /** The BPMN XML of a deployed process version, to draw its diagram; empty when unknown. */
  Optional<String> bpmnXml(long processDefinitionKey);

  /** Process instances matching the query, newest first. */
  List<ProcessInstanceSummary> instances(InstanceQuery query);

  /**
   * A process instance with its variables and its path (every element instance it entered, the
   * finished ones included, in the order they started) and its open incidents; empty when no such
   * instance exists.
   */
  Optional<ProcessInstanceDetail> instance(long processInstanceKey);

  /** Incidents, newest first: only the open ones, or all of them with the resolved ones. */
  List<IncidentView> incidents(boolean openOnly);

  /**
   * Camunda user tasks ({@code zeebe:userTask}), oldest first: only the open ones, or all of
   * them with the completed and canceled ones.
   */
  List<UserTaskView> userTasks(boolean openOnly);

  /**
   * Process instances matching every condition of the filter (process, version, state, start
   * time, a root-scope variable's value), newest first.
   */
  List<ProcessInstanceSummary> instances(InstanceFilter filter);

  /**
   * The variables of a process instance by scope: while it runs, those of every live element
   * instance that holds any (the root scope, i.e. the process instance, first, then by key);
   * once it ended, its final root-scope variables; by name within a scope. Empty for an
   * unknown instance.
   */
  List<VariableView> variables(long processInstanceKey);

  /** Every incident of a process instance, resolved ones included, oldest first. */
  List<IncidentView> incidents(long processInstanceKey);

  /** A job that still exists (not completed or canceled); empty otherwise. */
  Optional<JobView> job(long jobKey);
}
