package dev.baton.designer.workflow;

import dev.baton.designer.security.CurrentUser;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.workflow.DeployedProcess;
import dev.baton.engine.workflow.IncidentView;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.ProcessInstanceDetail;
import dev.baton.engine.workflow.ProcessInstanceSummary;
import dev.baton.engine.workflow.WorkflowInspector;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workflow designer and the operations view may do: save BPMN versions in the
 * designer's table, deploy them to the workflow engine (whose BPMN check is the validation),
 * start instances, and inspect and repair instances. Each method checks its roles.
 */
@Service
public class WorkflowService {
  static final String OPS = "OPS";
  static final String DEVELOPER = "DEVELOPER";
  static final String ADMIN = "ADMIN";
  /** The shipped battle-pack workflow's file name. */
  public static final String SHIPPED_NAME = "visit-battle-pack.bpmn";
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

  private final JdbcTemplate jdbc;
  private final CamundaClient client;
  private final WorkflowInspector inspector;

  public WorkflowService(JdbcTemplate jdbc, CamundaClient client, WorkflowInspector inspector) {
    this.jdbc = jdbc;
    this.client = client;
    this.inspector = inspector;
  }

  /** The battle-pack workflow Baton ships. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public String shippedXml() {
    return new String(BattlePackRuntime.bundledBpmn(), StandardCharsets.UTF_8);
  }

  /** A new diagram with one start event and a fresh process id. */
  @RolesAllowed({DEVELOPER, ADMIN})
  public String newXml() {
    String id = "Process_" + UUID.randomUUID().toString().substring(0, 7);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
        xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" \
        xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_%1$s" \
        targetNamespace="http://bpmn.io/schema/bpmn" exporter="Baton" exporterVersion="0.1" \
        modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                <dc:Bounds x="180" y="160" width="36" height="36" />
              </bpmndi:BPMNShape>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(id);
  }

  /** The id of the (first executable) process in the XML; refuses XML that is not BPMN. */
  public static String processId(String xml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(
          xml.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      throw new WorkflowRefusedException("Not a BPMN file: " + e.getMessage(), List.of());
    }
    return model.getModelElementsByType(Process.class).stream()
        .sorted((a, b) -> Boolean.compare(b.isExecutable(), a.isExecutable()))
        .map(Process::getId).findFirst()
        .orElseThrow(() -> new WorkflowRefusedException("The file has no process", List.of()));
  }

  /** Saves the XML as the next version of its process. */
  @RolesAllowed({DEVELOPER, ADMIN})
  @Transactional
  public WorkflowVersion save(String xml, String note) {
    String processId = processId(xml);
    Integer last = jdbc.queryForObject(
        "select max(version) from designer_workflow_version where process_id = ?",
        Integer.class, processId);
    int version = last == null ? 1 : last + 1;
    Instant now = Instant.now();
    String resource = processId + ".bpmn";
    jdbc.update("insert into designer_workflow_version (process_id, version, resource_name, xml,"
        + " note, saved_by, saved_at) values (?, ?, ?, ?, ?, ?, ?)", processId, version, resource,
        xml, note == null ? "" : note, CurrentUser.name(), Timestamp.from(now));
    Long id = jdbc.queryForObject("select id from designer_workflow_version where process_id = ?"
        + " and version = ?", Long.class, processId, version);
    return new WorkflowVersion(id, processId, version, resource, xml, note, CurrentUser.name(),
        now);
  }

  /** Every saved version, newest first. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<WorkflowVersion> versions() {
    return jdbc.query("select id, process_id, version, resource_name, xml, note, saved_by,"
        + " saved_at from designer_workflow_version order by saved_at desc, id desc",
        (rs, i) -> new WorkflowVersion(rs.getLong(1), rs.getString(2), rs.getInt(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getTimestamp(8).toInstant()));
  }

  /**
   * Deploys the XML to the workflow engine, whose BPMN check decides: a refusal throws with the
   * problems placed on their elements and deploys nothing.
   */
  @RolesAllowed({DEVELOPER, ADMIN})
  public DeployedProcess deploy(String xml, String resourceName) {
    try {
      DeploymentEvent event = client.newDeployResourceCommand()
          .addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), resourceName).send().join();
      var p = event.getProcesses().get(0);
      return new DeployedProcess(p.getBpmnProcessId(), p.getVersion(),
          p.getProcessDefinitionKey(), p.getResourceName(), Instant.now());
    } catch (ClientStatusException e) {
      String message = e.getStatus().getDescription() == null ? e.getMessage()
          : e.getStatus().getDescription();
      throw new WorkflowRefusedException(message, Problems.parse(message, ids(xml)));
    }
  }

  private static Set<String> ids(String xml) {
    Set<String> ids = new HashSet<>();
    Matcher m = ID.matcher(xml);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  /** Starts the latest deployed version of a process with the JSON variables; its key. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public long start(String bpmnProcessId, String variablesJson) {
    return client.newCreateInstanceCommand().bpmnProcessId(bpmnProcessId).latestVersion()
        .variables(variablesJson == null || variablesJson.isBlank() ? "{}" : variablesJson)
        .send().join().getProcessInstanceKey();
  }

  /** Every deployed process version. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<DeployedProcess> deployed() {
    return inspector.processes();
  }

  /** The deployed BPMN of a process version. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public Optional<String> deployedXml(long processDefinitionKey) {
    return inspector.bpmnXml(processDefinitionKey);
  }

  /** Process instances, newest first. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<ProcessInstanceSummary> instances(InstanceQuery query) {
    return inspector.instances(query);
  }

  /** One instance with its path and open incidents. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public Optional<ProcessInstanceDetail> instance(long processInstanceKey) {
    return inspector.instance(processInstanceKey);
  }

  /** Incidents, open only or all. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public List<IncidentView> incidents(boolean openOnly) {
    return inspector.incidents(openOnly);
  }

  /** Gives the incident's job retries (when it has a job) and resolves the incident. */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void retry(IncidentView incident, int retries) {
    if (incident.jobKey() != 0) {
      client.newUpdateRetriesCommand(incident.jobKey()).retries(retries).send().join();
    }
    client.newResolveIncidentCommand(incident.incidentKey()).send().join();
  }

  /** Resolves the incident without changing retries (after fixing variables, for example). */
  @RolesAllowed({DEVELOPER, ADMIN, OPS})
  public void resolve(IncidentView incident) {
    client.newResolveIncidentCommand(incident.incidentKey()).send().join();
  }
}
