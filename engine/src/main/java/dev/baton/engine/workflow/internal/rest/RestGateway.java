package dev.baton.engine.workflow.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.baton.engine.workflow.WorkflowInspector;
import dev.baton.engine.workflow.WorkflowRestApi;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.*;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The REST v2 adapter: each endpoint reads and checks its JSON, builds the gateway request the
 * Zeebe gRPC API would carry, calls the in-process gateway and writes its answer in the REST
 * shape. No BPMN semantics live here: what a command does, and whether it is refused, is the
 * gateway's (and so the engine's) decision, mapped to Camunda's status codes.
 */
public final class RestGateway implements WorkflowRestApi, AutoCloseable {
  /** The only tenant of the embedded engine (multi-tenancy is off, as in Camunda 8 Run). */
  static final String TENANT = "<default>";
  private static final String JSON = "application/json";

  /**
   * Endpoint roots of Camunda 8.8's API: a request under one of them that no route serves
   * answers 501 naming it (the embedded engine lacks it); any other path answers 404.
   */
  private static final Set<String> NOT_SUPPORTED = Set.of("ad-hoc-activities", "authentication",
      "authorizations", "batch-operations", "batch-operation-items", "clock", "cluster-variables",
      "correlated-message-subscriptions", "decision-definitions", "decision-instances",
      "decision-requirements", "documents", "element-instances", "expression", "forms",
      "groups", "license", "mapping-rules", "message-subscriptions", "resources", "roles",
      "setup", "system", "tenants", "usage-metrics", "users", "jobs", "process-instances",
      "incidents", "process-definitions", "variables", "messages", "signals", "user-tasks",
      "deployments", "topology", "status");

  private final GatewayGrpc.GatewayImplBase gateway;
  private final RestSearches searches;
  private final Authenticator authenticator;
  private final long defaultLongPollMs;
  private final ExecutorService executor;
  private final RestUserTasks userTasks;
  private final RestMessages messages;

  /**
   * An adapter over a gateway.
   *
   * @param gateway the engine's gRPC service, called in-process
   * @param inspector the engine's read model, for the search endpoints
   * @param defaultLongPollMs the gateway's long poll when a request sets none (bounds waits)
   * @param authenticator who may call
   */
  public RestGateway(GatewayGrpc.GatewayImplBase gateway, WorkflowInspector inspector,
      long defaultLongPollMs, Authenticator authenticator) {
    this(gateway, null, inspector, defaultLongPollMs, authenticator);
  }

  /**
   * An adapter over a gateway and, for the user-task endpoints (which have no gRPC RPC), the
   * engine core itself.
   */
  public RestGateway(GatewayGrpc.GatewayImplBase gateway,
      dev.baton.engine.workflow.internal.WorkflowEngineCore engine, WorkflowInspector inspector,
      long defaultLongPollMs, Authenticator authenticator) {
    this.gateway = gateway;
    this.searches = new RestSearches(inspector);
    this.defaultLongPollMs = defaultLongPollMs;
    this.authenticator = authenticator;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "baton-rest-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.userTasks = engine == null ? null
        : new RestUserTasks(engine, inspector, executor, commandBound());
    this.messages = engine == null ? null : new RestMessages(engine, executor, commandBound());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  @Override
  public CompletableFuture<Response> handle(Request request) {
    CompletableFuture<Response> answer;
    try {
      var refusal = authenticator.check(request);
      answer = refusal.isPresent() ? CompletableFuture.completedFuture(refusal.get())
          : route(request);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    return answer.exceptionally(t -> problem(request, t));
  }

  // ====================================================================== routing

  private CompletableFuture<Response> route(Request r) {
    String path = r.path();
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.startsWith("/v2/")) {
      throw new BadRequest(404, "NOT_FOUND", "No endpoint " + r.method() + " " + r.path()
          + ": the Orchestration Cluster REST API is served under /v2");
    }
    String[] s = path.substring(4).split("/");
    String m = r.method();
    switch (s[0]) {
      case "topology" -> {
        if (s.length == 1) {
          return only(r, "GET", () -> topology());
        }
      }
      case "status" -> {
        if (s.length == 1) {
          return only(r, "GET", () -> CompletableFuture.completedFuture(
              new Response(204, Map.of(), null)));
        }
      }
      case "deployments" -> {
        if (s.length == 1) {
          return only(r, "POST", () -> deploy(r));
        }
      }
      case "decision-definitions" -> {
        if (s.length == 2 && s[1].equals("evaluation")) {
          return only(r, "POST", () -> evaluateDecision(r));
        }
      }
      case "process-instances" -> {
        if (s.length == 1) {
          return only(r, "POST", () -> createInstance(r));
        }
        if (s.length == 2 && s[1].equals("search")) {
          return only(r, "POST", () -> done(searches.processInstances(Body.parse(r.body(),
              true))));
        }
        if (s.length == 2 && isKey(s[1])) {
          return only(r, "GET", () -> done(searches.processInstance(
              Keys.parse("processInstanceKey", s[1]), r.path())));
        }
        if (s.length == 3 && s[2].equals("cancellation")) {
          return only(r, "POST", () -> cancel(r, Keys.parse("processInstanceKey", s[1])));
        }
        if (s.length == 3 && s[2].equals("modification")) {
          return only(r, "POST", () -> modify(r, Keys.parse("processInstanceKey", s[1])));
        }
      }
      case "jobs" -> {
        if (s.length == 2 && s[1].equals("activation")) {
          return only(r, "POST", () -> activate(r));
        }
        if (s.length == 2 && isKey(s[1])) {
          return only(r, "PATCH", () -> updateJob(r, Keys.parse("jobKey", s[1])));
        }
        if (s.length == 3) {
          long key = Keys.parse("jobKey", s[1]);
          switch (s[2]) {
            case "completion" -> {
              return only(r, "POST", () -> completeJob(r, key));
            }
            case "failure" -> {
              return only(r, "POST", () -> failJob(r, key));
            }
            case "error" -> {
              return only(r, "POST", () -> throwError(r, key));
            }
            default -> {
              // falls through to "not supported"
            }
          }
        }
      }
      case "messages" -> {
        if (s.length == 2 && s[1].equals("publication")) {
          return only(r, "POST", () -> publish(r));
        }
        if (s.length == 2 && s[1].equals("correlation") && messages != null) {
          return only(r, "POST", () -> messages.correlate(r));
        }
      }
      case "signals" -> {
        if (s.length == 2 && s[1].equals("broadcast")) {
          return only(r, "POST", () -> broadcast(r));
        }
      }
      case "incidents" -> {
        if (s.length == 2 && s[1].equals("search")) {
          return only(r, "POST", () -> done(searches.incidents(Body.parse(r.body(), true))));
        }
        if (s.length == 2 && isKey(s[1])) {
          return only(r, "GET", () -> done(searches.incident(Keys.parse("incidentKey", s[1]),
              r.path())));
        }
        if (s.length == 3 && s[2].equals("resolution")) {
          return only(r, "POST", () -> resolve(r, Keys.parse("incidentKey", s[1])));
        }
      }
      case "resources" -> {
        if (s.length == 3 && s[2].equals("deletion")) {
          return only(r, "POST", () -> deleteResource(r, Keys.parse("resourceKey", s[1])));
        }
      }
      case "element-instances" -> {
        if (s.length == 3 && s[2].equals("variables")) {
          return only(r, "PUT", () -> setVariables(r, Keys.parse("elementInstanceKey", s[1])));
        }
      }
      case "process-definitions" -> {
        if (s.length == 2 && s[1].equals("search")) {
          return only(r, "POST", () -> done(searches.processDefinitions(Body.parse(r.body(),
              true))));
        }
        if (s.length == 2 && isKey(s[1])) {
          return only(r, "GET", () -> done(searches.processDefinition(
              Keys.parse("processDefinitionKey", s[1]), r.path())));
        }
        if (s.length == 3 && s[2].equals("xml")) {
          return only(r, "GET", () -> done(searches.processDefinitionXml(
              Keys.parse("processDefinitionKey", s[1]), r.path())));
        }
      }
      case "variables" -> {
        if (s.length == 2 && s[1].equals("search")) {
          return only(r, "POST", () -> done(searches.variables(Body.parse(r.body(), true))));
        }
      }
      case "user-tasks" -> {
        CompletableFuture<Response> answer = userTasks == null ? null : userTasks.route(r, s);
        if (answer != null) {
          return answer;
        }
      }
      default -> {
        // answered below
      }
    }
    if (NOT_SUPPORTED.contains(s[0])) {
      throw new BadRequest(501, "NOT_SUPPORTED", m + " " + r.path() + " is not supported by"
          + " Baton's embedded workflow engine; see docs/workflow.md for the endpoints it"
          + " serves, or use a Camunda 8 cluster.");
    }
    throw new BadRequest(404, "NOT_FOUND", "No endpoint " + m + " " + r.path() + " in the"
        + " Orchestration Cluster REST API v2; see docs/workflow.md for the endpoints served.");
  }

  private static CompletableFuture<Response> only(Request r, String method,
      java.util.function.Supplier<CompletableFuture<Response>> handler) {
    if (!r.method().equals(method)) {
      throw new BadRequest(405, "Method Not Allowed", "Method '" + r.method() + "' is not"
          + " supported for " + r.path() + "; use " + method + ".");
    }
    return handler.get();
  }

  private static boolean isKey(String segment) {
    return !segment.isEmpty() && Character.isDigit(segment.charAt(0));
  }

  private static CompletableFuture<Response> done(Response r) {
    return CompletableFuture.completedFuture(r);
  }

  // ====================================================================== calls

  private <Q, A> CompletableFuture<A> call(BiConsumer<Q, Call<A>> method, Q request,
      long boundMs) {
    Call<A> call = new Call<>(executor);
    method.accept(request, call);
    return call.future.orTimeout(boundMs, TimeUnit.MILLISECONDS);
  }

  /** How long a command may take at most (it normally answers within milliseconds). */
  private long commandBound() {
    return defaultLongPollMs + GRACE.toMillis();
  }

  static Response json(int status, JsonNode body) {
    try {
      return new Response(status, Map.of("Content-Type", JSON),
          Body.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response noContent(Object ignored) {
    return new Response(204, Map.of(), null);
  }

  private static ObjectNode object() {
    return Body.MAPPER.createObjectNode();
  }

  private static JsonNode document(String json) {
    if (json == null || json.isBlank()) {
      return object();
    }
    try {
      return Body.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The engine answered a document that is not JSON", e);
    }
  }

  private static void tenant(Body b, String property) {
    String t = b.string(property);
    if (t != null && !t.equals(TENANT)) {
      throw new BadRequest("Expected to handle the request with tenant identifier '" + t
          + "', but multi-tenancy is disabled: leave " + b.where(property) + " out or use '"
          + TENANT + "'.");
    }
  }

  // ====================================================================== topology, deploy

  private CompletableFuture<Response> topology() {
    return call(gateway::topology, TopologyRequest.getDefaultInstance(), commandBound())
        .thenApply(t -> {
          ObjectNode o = object();
          ArrayNode brokers = o.putArray("brokers");
          for (BrokerInfo b : t.getBrokersList()) {
            ObjectNode bo = brokers.addObject().put("nodeId", b.getNodeId())
                .put("host", b.getHost()).put("port", b.getPort()).put("version", b.getVersion());
            ArrayNode parts = bo.putArray("partitions");
            for (Partition p : b.getPartitionsList()) {
              parts.addObject().put("partitionId", p.getPartitionId())
                  .put("role", p.getRole().name().toLowerCase(java.util.Locale.ROOT))
                  .put("health", p.getHealth().name().toLowerCase(java.util.Locale.ROOT));
            }
          }
          o.put("clusterSize", t.getClusterSize()).put("partitionsCount", t.getPartitionsCount())
              .put("replicationFactor", t.getReplicationFactor())
              .put("gatewayVersion", t.getGatewayVersion())
              // a string, as the spec has it: no cluster change was ever made here
              .put("lastCompletedChangeId", "-1");
          return json(200, o);
        });
  }

  private CompletableFuture<Response> deploy(Request r) {
    List<Multipart.Part> parts = Multipart.parse(r.header("Content-Type"), r.body());
    DeployResourceRequest.Builder q = DeployResourceRequest.newBuilder().setTenantId(TENANT);
    for (Multipart.Part p : parts) {
      if (p.name().equals("tenantId")) {
        if (!p.text().equals(TENANT) && !p.text().isEmpty()) {
          throw new BadRequest("Expected to handle the request with tenant identifier '"
              + p.text() + "', but multi-tenancy is disabled: leave tenantId out or use '"
              + TENANT + "'.");
        }
      } else if (p.name().equals("resources")) {
        q.addResources(Resource.newBuilder()
            .setName(p.filename() == null ? "resource.bpmn" : p.filename())
            .setContent(ByteString.copyFrom(p.content())));
      }
    }
    if (q.getResourcesCount() == 0) {
      throw new BadRequest("No resources provided: send each file as a multipart part named"
          + " 'resources'.");
    }
    return call(gateway::deployResource, q.build(), commandBound()).thenApply(d -> {
      ObjectNode o = object().put("deploymentKey", String.valueOf(d.getKey()))
          .put("tenantId", TENANT);
      ArrayNode list = o.putArray("deployments");
      for (Deployment dep : d.getDeploymentsList()) {
        if (dep.hasProcess()) {
          ProcessMetadata p = dep.getProcess();
          list.addObject().putObject("processDefinition")
              .put("processDefinitionId", p.getBpmnProcessId())
              .put("processDefinitionVersion", p.getVersion())
              .put("resourceName", p.getResourceName()).put("tenantId", TENANT)
              .put("processDefinitionKey", String.valueOf(p.getProcessDefinitionKey()));
        } else if (dep.hasDecisionRequirements()) {
          DecisionRequirementsMetadata g = dep.getDecisionRequirements();
          list.addObject().putObject("decisionRequirements")
              .put("decisionRequirementsId", g.getDmnDecisionRequirementsId())
              .put("decisionRequirementsName", g.getDmnDecisionRequirementsName())
              .put("version", g.getVersion()).put("resourceName", g.getResourceName())
              .put("tenantId", TENANT)
              .put("decisionRequirementsKey", String.valueOf(g.getDecisionRequirementsKey()));
        } else if (dep.hasDecision()) {
          DecisionMetadata m = dep.getDecision();
          list.addObject().putObject("decisionDefinition")
              .put("decisionDefinitionId", m.getDmnDecisionId()).put("name", m.getDmnDecisionName())
              .put("version", m.getVersion()).put("tenantId", TENANT)
              .put("decisionRequirementsId", m.getDmnDecisionRequirementsId())
              .put("decisionDefinitionKey", String.valueOf(m.getDecisionKey()))
              .put("decisionRequirementsKey", String.valueOf(m.getDecisionRequirementsKey()));
        }
      }
      return json(200, o);
    });
  }

  // ====================================================================== decisions

  private CompletableFuture<Response> evaluateDecision(Request r) {
    Body b = Body.parse(r.body(), false);
    Long key = b.key("decisionDefinitionKey");
    String id = b.string("decisionDefinitionId");
    if ((key == null) == (id == null)) {
      throw new BadRequest(key == null
          ? "At least one of [decisionDefinitionId, decisionDefinitionKey] is required."
          : "Only one of [decisionDefinitionId, decisionDefinitionKey] is allowed.");
    }
    tenant(b, "tenantId");
    EvaluateDecisionRequest.Builder q = EvaluateDecisionRequest.newBuilder()
        .setVariables(b.variables("variables")).setTenantId(TENANT);
    if (key != null) {
      q.setDecisionKey(key);
    } else {
      q.setDecisionId(id);
    }
    return call(gateway::evaluateDecision, q.build(), commandBound()).thenApply(e -> {
      ObjectNode o = object().put("decisionDefinitionId", e.getDecisionId())
          .put("decisionDefinitionName", e.getDecisionName())
          .put("decisionDefinitionVersion", e.getDecisionVersion())
          .put("decisionRequirementsId", e.getDecisionRequirementsId())
          .put("output", e.getDecisionOutput())
          .put("failedDecisionDefinitionId", e.getFailedDecisionId())
          .put("failureMessage", e.getFailureMessage()).put("tenantId", TENANT)
          .put("decisionDefinitionKey", String.valueOf(e.getDecisionKey()))
          .put("decisionRequirementsKey", String.valueOf(e.getDecisionRequirementsKey()))
          .put("decisionInstanceKey", String.valueOf(e.getDecisionInstanceKey()))
          .put("decisionEvaluationKey", String.valueOf(e.getDecisionEvaluationKey()));
      ArrayNode list = o.putArray("evaluatedDecisions");
      for (EvaluatedDecision d : e.getEvaluatedDecisionsList()) {
        ObjectNode x = list.addObject().put("decisionDefinitionId", d.getDecisionId())
            .put("decisionDefinitionName", d.getDecisionName())
            .put("decisionDefinitionVersion", d.getDecisionVersion())
            .put("decisionDefinitionType", d.getDecisionType())
            .put("output", d.getDecisionOutput()).put("tenantId", TENANT)
            .put("decisionDefinitionKey", String.valueOf(d.getDecisionKey()))
            .put("decisionEvaluationInstanceKey", d.getDecisionEvaluationInstanceKey());
        ArrayNode rules = x.putArray("matchedRules");
        for (MatchedDecisionRule m : d.getMatchedRulesList()) {
          rules.addObject().put("ruleId", m.getRuleId()).put("ruleIndex", m.getRuleIndex())
              .putArray("evaluatedOutputs");
        }
        x.putArray("evaluatedInputs");
      }
      return json(200, o);
    });
  }

  // ====================================================================== process instances

  private CompletableFuture<Response> createInstance(Request r) {
    Body b = Body.parse(r.body(), false).only("processDefinitionId", "processDefinitionKey",
        "processDefinitionVersion", "variables", "tenantId", "operationReference",
        "startInstructions", "runtimeInstructions", "awaitCompletion", "fetchVariables",
        "requestTimeout", "tags");
    Long key = b.key("processDefinitionKey");
    String id = b.string("processDefinitionId");
    if ((key == null) == (id == null)) {
      throw new BadRequest(key == null
          ? "At least one of [processDefinitionId, processDefinitionKey] is required."
          : "Only one of [processDefinitionId, processDefinitionKey] is allowed.");
    }
    Integer version = b.intValue("processDefinitionVersion");
    tenant(b, "tenantId");
    CreateProcessInstanceRequest.Builder q = CreateProcessInstanceRequest.newBuilder()
        .setVariables(b.variables("variables")).setTenantId(TENANT).setVersion(-1);
    if (key != null) {
      q.setProcessDefinitionKey(key);
    } else {
      q.setBpmnProcessId(id).setVersion(version == null ? -1 : version);
    }
    for (Body i : b.objects("startInstructions")) {
      i.only("elementId");
      q.addStartInstructions(ProcessInstanceCreationStartInstruction.newBuilder()
          .setElementId(i.requiredString("elementId")));
    }
    if (!b.objects("runtimeInstructions").isEmpty()) {
      throw new BadRequest(501, "NOT_SUPPORTED", "Creating a process instance with runtime"
          + " instructions (terminate after an element) is not supported by Baton's embedded"
          + " workflow engine; create it without them.");
    }
    q.addAllTags(b.strings("tags"));
    boolean await = Boolean.TRUE.equals(b.bool("awaitCompletion"));
    List<String> fetch = b.strings("fetchVariables");
    Long timeout = b.longValue("requestTimeout");
    if (!await) {
      return call(gateway::createProcessInstance, q.build(), commandBound()).thenApply(c ->
          json(200, created(c.getBpmnProcessId(), c.getVersion(), c.getProcessDefinitionKey(),
              c.getProcessInstanceKey(), "{}", c.getTagsList())));
    }
    long wait = timeout != null && timeout > 0 ? timeout : defaultLongPollMs;
    CreateProcessInstanceWithResultRequest wq = CreateProcessInstanceWithResultRequest
        .newBuilder().setRequest(q).setRequestTimeout(wait).addAllFetchVariables(fetch).build();
    return call(gateway::createProcessInstanceWithResult, wq, wait + GRACE.toMillis())
        .thenApply(c -> json(200, created(c.getBpmnProcessId(), c.getVersion(),
            c.getProcessDefinitionKey(), c.getProcessInstanceKey(), c.getVariables(),
            c.getTagsList())));
  }

  private static ObjectNode created(String id, int version, long definitionKey,
      long instanceKey, String variables, List<String> tags) {
    ObjectNode o = object().put("processDefinitionId", id)
        .put("processDefinitionVersion", version).put("tenantId", TENANT);
    o.set("variables", document(variables));
    o.put("processDefinitionKey", String.valueOf(definitionKey))
        .put("processInstanceKey", String.valueOf(instanceKey));
    ArrayNode t = o.putArray("tags");
    tags.forEach(t::add);
    return o;
  }

  private CompletableFuture<Response> cancel(Request r, long key) {
    Body.parse(r.body(), true).only("operationReference").longValue("operationReference");
    return call(gateway::cancelProcessInstance, CancelProcessInstanceRequest.newBuilder()
        .setProcessInstanceKey(key).build(), commandBound()).thenApply(RestGateway::noContent);
  }

  private CompletableFuture<Response> modify(Request r, long key) {
    Body b = Body.parse(r.body(), false).only("operationReference", "activateInstructions",
        "terminateInstructions");
    b.longValue("operationReference");
    ModifyProcessInstanceRequest.Builder q = ModifyProcessInstanceRequest.newBuilder()
        .setProcessInstanceKey(key);
    for (Body a : b.objects("activateInstructions")) {
      a.only("elementId", "variableInstructions", "ancestorElementInstanceKey");
      var ab = ModifyProcessInstanceRequest.ActivateInstruction.newBuilder()
          .setElementId(a.requiredString("elementId"))
          .setAncestorElementInstanceKey(ancestorKey(a));
      for (Body v : a.objects("variableInstructions")) {
        v.only("variables", "scopeId");
        if (!v.has("variables")) {
          throw new BadRequest("No " + v.where("variables") + " provided.");
        }
        String scope = v.string("scopeId");
        ab.addVariableInstructions(ModifyProcessInstanceRequest.VariableInstruction.newBuilder()
            .setVariables(v.variables("variables")).setScopeId(scope == null ? "" : scope));
      }
      q.addActivateInstructions(ab);
    }
    for (Body t : b.objects("terminateInstructions")) {
      t.only("elementInstanceKey");
      Long k = t.key("elementInstanceKey");
      if (k == null) {
        throw new BadRequest("No " + t.where("elementInstanceKey") + " provided.");
      }
      q.addTerminateInstructions(ModifyProcessInstanceRequest.TerminateInstruction.newBuilder()
          .setElementInstanceKey(k));
    }
    return call(gateway::modifyProcessInstance, q.build(), commandBound())
        .thenApply(RestGateway::noContent);
  }

  /** An activation's ancestor: a key, or -1 (absent) for the one instance of each flow scope. */
  private static long ancestorKey(Body a) {
    var raw = a.raw("ancestorElementInstanceKey");
    if (raw.isNull() || raw.isIntegralNumber() && raw.asLong() == -1
        || raw.isTextual() && raw.textValue().equals("-1")) {
      return -1;
    }
    return a.key("ancestorElementInstanceKey");
  }

  private CompletableFuture<Response> deleteResource(Request r, long key) {
    Body.parse(r.body(), true).only("operationReference").longValue("operationReference");
    return call(gateway::deleteResource, DeleteResourceRequest.newBuilder().setResourceKey(key)
        .build(), commandBound()).thenApply(x -> new Response(200, Map.of(), null));
  }

  private CompletableFuture<Response> setVariables(Request r, long key) {
    Body b = Body.parse(r.body(), false).only("variables", "local", "operationReference");
    if (!b.has("variables")) {
      throw new BadRequest("No variables provided.");
    }
    SetVariablesRequest q = SetVariablesRequest.newBuilder().setElementInstanceKey(key)
        .setVariables(b.variables("variables")).setLocal(Boolean.TRUE.equals(b.bool("local")))
        .build();
    b.longValue("operationReference");
    return call(gateway::setVariables, q, commandBound()).thenApply(RestGateway::noContent);
  }

  // ====================================================================== jobs

  private CompletableFuture<Response> activate(Request r) {
    Body b = Body.parse(r.body(), false).only("type", "worker", "timeout", "maxJobsToActivate",
        "fetchVariable", "requestTimeout", "tenantIds");
    String type = b.requiredString("type");
    Long timeout = b.longValue("timeout");
    if (timeout == null || timeout < 1) {
      throw new BadRequest(timeout == null ? "No timeout provided."
          : "The value for timeout is '" + timeout + "' but must be greater than 0.");
    }
    Integer max = b.intValue("maxJobsToActivate");
    if (max == null || max < 1) {
      throw new BadRequest(max == null ? "No maxJobsToActivate provided."
          : "The value for maxJobsToActivate is '" + max + "' but must be greater than 0.");
    }
    String worker = b.string("worker");
    Long requestTimeout = b.longValue("requestTimeout");
    for (String t : b.strings("tenantIds")) {
      if (!t.equals(TENANT)) {
        throw new BadRequest("Expected to activate jobs for tenant '" + t + "', but"
            + " multi-tenancy is disabled: leave tenantIds out or use '" + TENANT + "'.");
      }
    }
    long poll = requestTimeout == null ? 0 : requestTimeout;
    ActivateJobsRequest q = ActivateJobsRequest.newBuilder().setType(type)
        .setWorker(worker == null ? "" : worker).setTimeout(timeout).setMaxJobsToActivate(max)
        .addAllFetchVariable(b.strings("fetchVariable")).setRequestTimeout(poll)
        .addTenantIds(TENANT).build();
    long bound = (poll > 0 ? poll : defaultLongPollMs) + GRACE.toMillis();
    return call(gateway::activateJobs, q, bound).thenApply(a -> {
      ObjectNode o = object();
      ArrayNode jobs = o.putArray("jobs");
      for (ActivatedJob j : a.getJobsList()) {
        ObjectNode jo = jobs.addObject().put("type", j.getType())
            .put("processDefinitionId", j.getBpmnProcessId())
            .put("processDefinitionVersion", j.getProcessDefinitionVersion())
            .put("elementId", j.getElementId());
        jo.set("customHeaders", document(j.getCustomHeaders()));
        jo.put("worker", j.getWorker()).put("retries", j.getRetries())
            .put("deadline", j.getDeadline());
        jo.set("variables", document(j.getVariables()));
        jo.put("tenantId", TENANT).put("jobKey", String.valueOf(j.getKey()))
            .put("processInstanceKey", String.valueOf(j.getProcessInstanceKey()))
            .put("processDefinitionKey", String.valueOf(j.getProcessDefinitionKey()))
            .put("elementInstanceKey", String.valueOf(j.getElementInstanceKey()))
            .put("kind", j.getKind() == ActivatedJob.JobKind.UNRECOGNIZED ? "BPMN_ELEMENT"
                : j.getKind().name())
            .put("listenerEventType", j.getListenerEventType()
                == ActivatedJob.ListenerEventType.UNRECOGNIZED ? "UNSPECIFIED"
                : j.getListenerEventType().name());
        if (j.hasUserTask()) {
          UserTaskProperties t = j.getUserTask();
          ObjectNode u = jo.putObject("userTask");
          u.put("userTaskKey", String.valueOf(t.getUserTaskKey())).put("action", t.getAction())
              .put("assignee", t.hasAssignee() ? t.getAssignee() : null)
              .put("dueDate", t.hasDueDate() ? t.getDueDate() : null)
              .put("followUpDate", t.hasFollowUpDate() ? t.getFollowUpDate() : null)
              .put("priority", t.getPriority());
          t.getCandidateGroupsList().forEach(u.putArray("candidateGroups")::add);
          t.getCandidateUsersList().forEach(u.putArray("candidateUsers")::add);
          t.getChangedAttributesList().forEach(u.putArray("changedAttributes")::add);
        }
        ArrayNode tags = jo.putArray("tags");
        j.getTagsList().forEach(tags::add);
      }
      return json(200, o);
    });
  }

  private CompletableFuture<Response> completeJob(Request r, long key) {
    Body b = Body.parse(r.body(), true).only("variables", "result");
    CompleteJobRequest.Builder q = CompleteJobRequest.newBuilder().setJobKey(key)
        .setVariables(b.variables("variables"));
    if (b.has("result")) {
      q.setResult(jobResult(b.object("result")));
    }
    return call(gateway::completeJob, q.build(), commandBound())
        .thenApply(RestGateway::noContent);
  }

  /** A job result as the gateway reads it: {@code userTask} (the default) or ad-hoc. */
  private static JobResult jobResult(Body r) {
    String type = r.string("type");
    JobResult.Builder out = JobResult.newBuilder();
    if ("adHocSubProcess".equals(type)) {
      r.only("type", "activateElements", "isCompletionConditionFulfilled",
          "isCancelRemainingInstances");
      out.setType(type);
      for (Body e : r.objects("activateElements")) {
        e.only("elementId", "variables");
        out.addActivateElements(JobResultActivateElement.newBuilder()
            .setElementId(e.requiredString("elementId")).setVariables(e.variables("variables")));
      }
      out.setIsCompletionConditionFulfilled(
          Boolean.TRUE.equals(r.bool("isCompletionConditionFulfilled")));
      out.setIsCancelRemainingInstances(Boolean.TRUE.equals(r.bool("isCancelRemainingInstances")));
      return out.build();
    }
    if (type != null && !"userTask".equals(type)) {
      throw new BadRequest("The value for result.type is '" + type + "' but must be 'userTask'"
          + " or 'adHocSubProcess'.");
    }
    r.only("type", "denied", "deniedReason", "corrections");
    out.setType("userTask").setDenied(Boolean.TRUE.equals(r.bool("denied")));
    String reason = r.string("deniedReason");
    if (reason != null) {
      out.setDeniedReason(reason);
    }
    if (r.has("corrections")) {
      Body c = r.object("corrections").only("assignee", "dueDate", "followUpDate",
          "candidateUsers", "candidateGroups", "priority");
      JobResultCorrections.Builder cb = JobResultCorrections.newBuilder();
      if (c.has("assignee")) {
        cb.setAssignee(c.string("assignee"));
      }
      if (c.has("dueDate")) {
        cb.setDueDate(c.string("dueDate"));
      }
      if (c.has("followUpDate")) {
        cb.setFollowUpDate(c.string("followUpDate"));
      }
      if (c.has("candidateUsers")) {
        cb.setCandidateUsers(StringList.newBuilder().addAllValues(c.strings("candidateUsers")));
      }
      if (c.has("candidateGroups")) {
        cb.setCandidateGroups(StringList.newBuilder()
            .addAllValues(c.strings("candidateGroups")));
      }
      if (c.has("priority")) {
        cb.setPriority(c.intValue("priority"));
      }
      out.setCorrections(cb);
    }
    return out.build();
  }

  private CompletableFuture<Response> failJob(Request r, long key) {
    Body b = Body.parse(r.body(), true).only("retries", "errorMessage", "retryBackOff",
        "variables");
    Integer retries = b.intValue("retries");
    String message = b.string("errorMessage");
    Long backOff = b.longValue("retryBackOff");
    FailJobRequest q = FailJobRequest.newBuilder().setJobKey(key)
        .setRetries(retries == null ? 0 : retries)
        .setErrorMessage(message == null ? "" : message)
        .setRetryBackOff(backOff == null ? 0 : backOff)
        .setVariables(b.variables("variables")).build();
    return call(gateway::failJob, q, commandBound()).thenApply(RestGateway::noContent);
  }

  private CompletableFuture<Response> throwError(Request r, long key) {
    Body b = Body.parse(r.body(), false).only("errorCode", "errorMessage", "variables");
    String code = b.requiredString("errorCode");
    String message = b.string("errorMessage");
    ThrowErrorRequest q = ThrowErrorRequest.newBuilder().setJobKey(key).setErrorCode(code)
        .setErrorMessage(message == null ? "" : message)
        .setVariables(b.variables("variables")).build();
    return call(gateway::throwError, q, commandBound()).thenApply(RestGateway::noContent);
  }

  private CompletableFuture<Response> updateJob(Request r, long key) {
    Body b = Body.parse(r.body(), false).only("changeset", "operationReference");
    if (!b.has("changeset")) {
      throw new BadRequest("No changeset provided.");
    }
    Body c = b.object("changeset").only("retries", "timeout");
    Integer retries = c.intValue("retries");
    Long timeout = c.longValue("timeout");
    b.longValue("operationReference");
    if (retries == null && timeout == null) {
      throw new BadRequest("At least one of [retries, timeout] is required.");
    }
    // the timeout first: it is the change that a job's state can refuse, so a refused update
    // leaves the retries as they were too
    CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
    if (timeout != null) {
      chain = chain.thenCompose(x -> call(gateway::updateJobTimeout, UpdateJobTimeoutRequest
          .newBuilder().setJobKey(key).setTimeout(timeout).build(), commandBound()));
    }
    if (retries != null) {
      chain = chain.thenCompose(x -> call(gateway::updateJobRetries, UpdateJobRetriesRequest
          .newBuilder().setJobKey(key).setRetries(retries).build(), commandBound()));
    }
    return chain.thenApply(RestGateway::noContent);
  }

  // ====================================================================== messages, signals, incidents

  private CompletableFuture<Response> publish(Request r) {
    Body b = Body.parse(r.body(), false).only("name", "correlationKey", "timeToLive",
        "messageId", "variables", "tenantId");
    String name = b.requiredString("name");
    String correlationKey = b.string("correlationKey");
    Long ttl = b.longValue("timeToLive");
    String id = b.string("messageId");
    tenant(b, "tenantId");
    PublishMessageRequest q = PublishMessageRequest.newBuilder().setName(name)
        .setCorrelationKey(correlationKey == null ? "" : correlationKey)
        .setTimeToLive(ttl == null ? 0 : ttl).setMessageId(id == null ? "" : id)
        .setVariables(b.variables("variables")).setTenantId(TENANT).build();
    return call(gateway::publishMessage, q, commandBound()).thenApply(p -> json(200, object()
        .put("tenantId", TENANT).put("messageKey", String.valueOf(p.getKey()))));
  }

  private CompletableFuture<Response> broadcast(Request r) {
    Body b = Body.parse(r.body(), false).only("signalName", "variables", "tenantId");
    String name = b.requiredString("signalName");
    tenant(b, "tenantId");
    BroadcastSignalRequest q = BroadcastSignalRequest.newBuilder().setSignalName(name)
        .setVariables(b.variables("variables")).setTenantId(TENANT).build();
    return call(gateway::broadcastSignal, q, commandBound()).thenApply(s -> json(200, object()
        .put("tenantId", TENANT).put("signalKey", String.valueOf(s.getKey()))));
  }

  private CompletableFuture<Response> resolve(Request r, long key) {
    Body.parse(r.body(), true).only("operationReference").longValue("operationReference");
    return call(gateway::resolveIncident, ResolveIncidentRequest.newBuilder()
        .setIncidentKey(key).build(), commandBound()).thenApply(RestGateway::noContent);
  }

  // ====================================================================== problems

  private static Response problem(Request r, Throwable t) {
    Throwable cause = t;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof BadRequest b) {
      return Response.problem(b.status, b.title, b.getMessage(), r.path());
    }
    if (cause instanceof TimeoutException) {
      return Response.problem(504, "DEADLINE_EXCEEDED", "The engine did not answer "
          + r.method() + " " + r.path() + " within the request's time-out; the command may"
          + " still take effect.", r.path());
    }
    if (cause instanceof StatusRuntimeException e) {
      Status s = e.getStatus();
      String detail = s.getDescription() == null ? s.getCode().name() : s.getDescription();
      Function<Integer, Response> p = status -> Response.problem(status, title(s), detail,
          r.path());
      return p.apply(switch (s.getCode()) {
        case INVALID_ARGUMENT -> 400;
        case NOT_FOUND -> 404;
        case FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED -> 409;
        case DEADLINE_EXCEEDED -> 504;
        case RESOURCE_EXHAUSTED, UNAVAILABLE -> 503;
        case UNIMPLEMENTED -> 501;
        case PERMISSION_DENIED -> 403;
        case UNAUTHENTICATED -> 401;
        default -> 500;
      });
    }
    return Response.problem(500, "INTERNAL", "The engine failed on " + r.method() + " "
        + r.path() + ": " + cause, r.path());
  }

  private static String title(Status s) {
    return switch (s.getCode()) {
      case FAILED_PRECONDITION -> "INVALID_STATE";
      case UNIMPLEMENTED -> "NOT_SUPPORTED";
      default -> s.getCode().name();
    };
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
