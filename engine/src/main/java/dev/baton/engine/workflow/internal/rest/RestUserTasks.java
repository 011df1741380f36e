package dev.baton.engine.workflow.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.engine.workflow.UserTaskView;
import dev.baton.engine.workflow.WorkflowInspector;
import dev.baton.engine.workflow.WorkflowRestApi.Request;
import dev.baton.engine.workflow.WorkflowRestApi.Response;
import dev.baton.engine.workflow.internal.Commands;
import dev.baton.engine.workflow.internal.Outcome;
import dev.baton.engine.workflow.internal.Refusal;
import dev.baton.engine.workflow.internal.UserTasks;
import dev.baton.engine.workflow.internal.WorkflowEngineCore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code /v2/user-tasks} endpoints. There are no gRPC RPCs for user tasks (in Zeebe too
 * they are REST only), so the commands go straight to the engine's {@link UserTasks} on its
 * thread and are answered after their batch is committed; searches and gets read the engine's
 * tables through {@link WorkflowInspector}. Status codes as Camunda: 404 for an unknown (or
 * already completed or canceled) task, 409 for a command the task's state refuses, 400 for a
 * bad body.
 */
final class RestUserTasks {
  private static final Set<String> FIELDS = Set.of("state", "assignee", "priority", "elementId",
      "name", "candidateGroup", "candidateUser", "tenantId", "processDefinitionId",
      "creationDate", "completionDate", "followUpDate", "dueDate", "userTaskKey",
      "processDefinitionKey", "processInstanceKey", "elementInstanceKey");

  private final WorkflowEngineCore engine;
  private final WorkflowInspector inspector;
  private final Executor executor;
  private final long boundMs;

  RestUserTasks(WorkflowEngineCore engine, WorkflowInspector inspector, Executor executor,
      long boundMs) {
    this.engine = engine;
    this.inspector = inspector;
    this.executor = executor;
    this.boundMs = boundMs;
  }

  /** Serves {@code /v2/user-tasks/...}; s is the path split after {@code /v2/}. */
  CompletableFuture<Response> route(Request r, String[] s) {
    if (s.length == 2 && s[1].equals("search")) {
      return only(r, "POST", () -> done(search(Body.parse(r.body(), true))));
    }
    if (s.length < 2 || !isKey(s[1])) {
      return null;
    }
    long key = Keys.parse("userTaskKey", s[1]);
    if (s.length == 2) {
      return switch (r.method()) {
        case "GET" -> done(get(key, r.path()));
        case "PATCH" -> update(r, key);
        default -> throw new BadRequest(405, "Method Not Allowed", "Method '" + r.method()
            + "' is not supported for " + r.path() + "; use GET or PATCH.");
      };
    }
    if (s.length != 3) {
      return null;
    }
    return switch (s[2]) {
      case "assignment" -> only(r, "POST", () -> assign(r, key));
      case "assignee" -> only(r, "DELETE", () -> unassign(r, key));
      case "completion" -> only(r, "POST", () -> complete(r, key));
      case "form" -> only(r, "GET", () -> done(form(key, r.path())));
      case "variables" -> throw new BadRequest(501, "NOT_SUPPORTED", r.method() + " "
          + r.path() + " is not supported by Baton's embedded workflow engine; search the"
          + " process instance's variables (POST /v2/variables/search) instead.");
      default -> null;
    };
  }

  // ====================================================================== commands

  private CompletableFuture<Response> assign(Request r, long key) {
    Body b = Body.parse(r.body(), false);
    String assignee = b.string("assignee");
    if (assignee == null || assignee.isBlank()) {
      throw new BadRequest("No assignee provided.");
    }
    Boolean override = b.bool("allowOverride");
    b.string("action");
    return command(() -> engine.userTasks().assign(key, assignee, override == null || override));
  }

  private CompletableFuture<Response> unassign(Request r, long key) {
    return command(() -> engine.userTasks().unassign(key));
  }

  private CompletableFuture<Response> update(Request r, long key) {
    Body b = Body.parse(r.body(), true);
    String action = b.string("action");
    Body c = b.object("changeset");
    UserTasks.Changeset changes = new UserTasks.Changeset(c.string("dueDate"),
        c.string("followUpDate"), c.has("candidateGroups") ? c.strings("candidateGroups") : null,
        c.has("candidateUsers") ? c.strings("candidateUsers") : null, c.intValue("priority"));
    boolean any = changes.dueDate() != null || changes.followUpDate() != null
        || changes.candidateGroups() != null || changes.candidateUsers() != null
        || changes.priority() != null;
    if (!any && action == null) {
      throw new BadRequest("No update data provided. Provide at least an \"action\" or a"
          + " non-null value for a supported attribute in the \"changeset\" (dueDate,"
          + " followUpDate, candidateGroups, candidateUsers, priority).");
    }
    return command(() -> engine.userTasks().update(key, changes));
  }

  private CompletableFuture<Response> complete(Request r, long key) {
    Body b = Body.parse(r.body(), true);
    String document = b.variables("variables");
    b.string("action");
    Outcome<Map<String, Object>> vars = Commands.parseVariables("variables", document);
    if (vars instanceof Outcome.Refused<Map<String, Object>> refused) {
      throw new BadRequest(refused.refusal().message());
    }
    Map<String, Object> variables = ((Outcome.Accepted<Map<String, Object>>) vars).value();
    return command(() -> engine.userTasks().complete(key, variables));
  }

  /**
   * Runs a command on the engine thread; 204 once its batch is committed, else its refusal.
   * When the command started a transition that waits for task listeners, the answer waits for
   * its end (as Zeebe's does): 204 when it is done, the refusal when a listener denied it.
   */
  private CompletableFuture<Response> command(Supplier<Outcome<Long>> command) {
    CompletableFuture<Response> answer = new CompletableFuture<>();
    engine.submit(() -> {
      Outcome<Long> out = command.get();
      if (out instanceof Outcome.Refused<Long> refused) {
        return refused.refusal();
      }
      long key = ((Outcome.Accepted<Long>) out).value();
      boolean waits = engine.userTasks().whenTransitionEnds(key, end -> engine.afterCommit(
          () -> later(() -> {
            if (end instanceof Outcome.Refused<Long> denied) {
              answer.completeExceptionally(problem(denied.refusal()));
            } else {
              answer.complete(new Response(204, Map.of(), null));
            }
          })));
      if (!waits) {
        engine.afterCommit(() -> later(() -> answer.complete(new Response(204, Map.of(),
            null))));
      }
      return null;
    }, refusal -> later(() -> answer.completeExceptionally(problem(refusal))));
    return answer.orTimeout(boundMs, TimeUnit.MILLISECONDS);
  }

  private void later(Runnable r) {
    try {
      executor.execute(r);
    } catch (RejectedExecutionException closing) {
      r.run();
    }
  }

  static BadRequest problem(Refusal r) {
    return switch (r.kind()) {
      case NOT_FOUND -> new BadRequest(404, "NOT_FOUND", r.message());
      case FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED -> new BadRequest(409, "INVALID_STATE",
          r.message());
      case INVALID_ARGUMENT -> new BadRequest(400, "INVALID_ARGUMENT", r.message());
      case UNAVAILABLE -> new BadRequest(503, "UNAVAILABLE", r.message());
      case UNIMPLEMENTED -> new BadRequest(501, "NOT_SUPPORTED", r.message());
      default -> new BadRequest(500, r.kind().name(), r.message());
    };
  }

  // ====================================================================== reads

  private Response get(long key, String path) {
    return inspector.userTasks(false).stream().filter(t -> t.userTaskKey() == key).findFirst()
        .map(t -> RestGateway.json(200, item(t)))
        .orElseGet(() -> RestSearches.notFound("user task", key, path));
  }

  private Response form(long key, String path) {
    UserTaskView t = inspector.userTasks(false).stream().filter(x -> x.userTaskKey() == key)
        .findFirst().orElse(null);
    if (t == null) {
      return RestSearches.notFound("user task", key, path);
    }
    if (t.formId() == null) {
      return new Response(204, Map.of(), null); // no linked form, as Camunda answers
    }
    return Response.problem(404, "NOT_FOUND", "User task '" + key + "' links the form '"
        + t.formId() + "', but Baton's embedded workflow engine stores no forms (form"
        + " resources are refused at deployment): render the form in your task application"
        + " by its formId, or use a Camunda 8 cluster.", path);
  }

  private Response search(Body query) {
    Body filter = query.object("filter");
    List<ObjectNode> items = new ArrayList<>();
    for (UserTaskView t : inspector.userTasks(false)) {
      items.add(item(t));
    }
    // candidateGroup / candidateUser match one of the task's lists: applied here, the rest of
    // the filter by the shared search
    for (String[] f : new String[][] {{"candidateGroup", "candidateGroups"},
        {"candidateUser", "candidateUsers"}}) {
      JsonNode cond = filter.raw(f[0]);
      if (cond.isNull() || cond.isContainerNode() && cond.isEmpty()) {
        continue;
      }
      items.removeIf(i -> {
        for (JsonNode v : i.get(f[1])) {
          if (RestSearches.matches(filter.where(f[0]), cond, v)) {
            return false;
          }
        }
        return true;
      });
    }
    for (java.util.Iterator<String> it = filter.names(); it.hasNext(); ) {
      String n = it.next();
      JsonNode v = filter.raw(n);
      if (!FIELDS.contains(n) && !v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
        throw new BadRequest("The filter " + filter.where(n) + " is not supported by the"
            + " embedded engine's user-task search; filter on " + FIELDS + ".");
      }
    }
    ObjectNode q = Body.MAPPER.createObjectNode();
    for (java.util.Iterator<String> it = query.names(); it.hasNext(); ) {
      String n = it.next();
      q.set(n, query.raw(n).deepCopy());
    }
    if (q.get("filter") instanceof ObjectNode f) {
      f.remove(List.of("candidateGroup", "candidateUser"));
    }
    try {
      return RestSearches.search(Body.parse(Body.MAPPER.writeValueAsBytes(q), true), items,
          Set.of("state", "assignee", "priority", "elementId", "name", "tenantId",
              "processDefinitionId", "creationDate", "completionDate", "followUpDate",
              "dueDate", "userTaskKey", "processDefinitionKey", "processInstanceKey",
              "elementInstanceKey"), "userTaskKey");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A task in the REST shape (UserTaskResult). */
  static ObjectNode item(UserTaskView t) {
    ObjectNode o = Body.MAPPER.createObjectNode().put("name", t.name()).put("state", t.state())
        .put("assignee", t.assignee()).put("elementId", t.elementId());
    ArrayNode groups = o.putArray("candidateGroups");
    t.candidateGroups().forEach(groups::add);
    ArrayNode users = o.putArray("candidateUsers");
    t.candidateUsers().forEach(users::add);
    o.put("processDefinitionId", t.bpmnProcessId());
    date(o, "creationDate", t.createdAt());
    date(o, "completionDate", t.endedAt());
    o.put("followUpDate", t.followUpDate()).put("dueDate", t.dueDate())
        .put("tenantId", RestGateway.TENANT)
        // a custom form key is an external reference of the task (formKey is a deployed form's
        // key, and the embedded engine deploys no forms)
        .put("externalFormReference", t.externalFormReference() != null
            ? t.externalFormReference() : t.formKey())
        .put("processDefinitionVersion", t.processDefinitionVersion());
    ObjectNode headers = o.putObject("customHeaders");
    t.customHeaders().forEach(headers::put);
    o.put("priority", t.priority()).put("userTaskKey", String.valueOf(t.userTaskKey()))
        .put("elementInstanceKey", String.valueOf(t.elementInstanceKey()))
        .put("processName", t.bpmnProcessId())
        .put("processDefinitionKey", String.valueOf(t.processDefinitionKey()))
        .put("processInstanceKey", String.valueOf(t.processInstanceKey()));
    o.putNull("formKey");
    return o;
  }

  private static void date(ObjectNode o, String field, Instant t) {
    if (t == null) {
      o.putNull(field);
    } else {
      o.put(field, t.toString());
    }
  }

  private static CompletableFuture<Response> only(Request r, String method,
      Supplier<CompletableFuture<Response>> handler) {
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
}
