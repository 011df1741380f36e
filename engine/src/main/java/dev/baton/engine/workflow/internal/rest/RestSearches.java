package dev.baton.engine.workflow.internal.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.engine.workflow.DeployedProcess;
import dev.baton.engine.workflow.IncidentView;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.ProcessInstanceDetail;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.workflow.ProcessInstanceSummary;
import dev.baton.engine.workflow.WorkflowInspector;
import dev.baton.engine.workflow.WorkflowRestApi.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The search and get endpoints, over {@link WorkflowInspector} (the engine's tables). Each item
 * is built in its REST shape first; Camunda's filter operators ({@code $eq}, {@code $neq},
 * {@code $in}, {@code $notIn}, {@code $exists}, {@code $like}, {@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}, or a plain value), {@code sort} and {@code page} ({@code from} /
 * {@code limit}, or the {@code after} / {@code before} cursors this class hands out) then work
 * on those fields. A filter or sort field the engine has no data for is refused, naming it.
 */
final class RestSearches {
  /** Search results are read in memory; past this many candidates a search is refused. */
  static final int MAX_CANDIDATES = 10_000;
  private static final int DEFAULT_LIMIT = 100;

  private final WorkflowInspector inspector;

  RestSearches(WorkflowInspector inspector) {
    this.inspector = inspector;
  }

  // ====================================================================== process instances

  Response processInstances(Body query) {
    return search(query, allInstances().stream().map(RestSearches::instance).toList(),
        Set.of("processInstanceKey", "processDefinitionId", "processDefinitionName",
            "processDefinitionVersion", "processDefinitionKey", "parentProcessInstanceKey",
            "state", "hasIncident", "tenantId", "startDate", "endDate", "tags"),
        "processInstanceKey");
  }

  Response processInstance(long key, String path) {
    return inspector.instance(key).map(d -> RestGateway.json(200, instance(d.summary())))
        .orElseGet(() -> notFound("process instance", key, path));
  }

  private List<ProcessInstanceSummary> allInstances() {
    List<ProcessInstanceSummary> all = new ArrayList<>();
    while (true) {
      List<ProcessInstanceSummary> page = inspector.instances(InstanceQuery.newest()
          .page(InstanceQuery.MAX_LIMIT, all.size()));
      all.addAll(page);
      if (page.size() < InstanceQuery.MAX_LIMIT) {
        return all;
      }
      if (all.size() >= MAX_CANDIDATES) {
        throw new BadRequest(400, "INVALID_ARGUMENT", "The embedded engine holds more than "
            + MAX_CANDIDATES + " process instances, more than its searches read in memory;"
            + " use the WorkflowInspector or a Camunda 8 cluster for larger histories.");
      }
    }
  }

  private static ObjectNode instance(ProcessInstanceSummary s) {
    ObjectNode o = Body.MAPPER.createObjectNode().put("processDefinitionId", s.bpmnProcessId())
        .put("processDefinitionName", s.bpmnProcessId())
        .put("processDefinitionVersion", s.version());
    date(o, "startDate", s.startedAt());
    date(o, "endDate", s.endedAt());
    o.put("state", s.state() == ProcessInstanceState.INCIDENT ? "ACTIVE" : s.state().name())
        .put("hasIncident", s.state() == ProcessInstanceState.INCIDENT)
        .put("tenantId", RestGateway.TENANT)
        .put("processInstanceKey", String.valueOf(s.processInstanceKey()))
        .put("processDefinitionKey", String.valueOf(s.processDefinitionKey()));
    if (s.parentProcessInstanceKey() != 0) {
      o.put("parentProcessInstanceKey", String.valueOf(s.parentProcessInstanceKey()));
    }
    o.putArray("tags");
    return o;
  }

  // ====================================================================== incidents

  Response incidents(Body query) {
    return search(query, incidentItems(), Set.of("incidentKey", "processInstanceKey",
        "processDefinitionId", "processDefinitionKey", "elementInstanceKey", "elementId",
        "errorType", "errorMessage", "state", "jobKey", "tenantId", "creationTime"),
        "incidentKey");
  }

  Response incident(long key, String path) {
    return incidentItems().stream().filter(i -> i.get("incidentKey").asText()
        .equals(String.valueOf(key))).findFirst().map(i -> RestGateway.json(200, i))
        .orElseGet(() -> notFound("incident", key, path));
  }

  private List<ObjectNode> incidentItems() {
    Map<Long, ProcessInstanceSummary> instances = new HashMap<>();
    List<ObjectNode> items = new ArrayList<>();
    for (IncidentView i : inspector.incidents(false)) {
      ProcessInstanceSummary s = instances.computeIfAbsent(i.processInstanceKey(),
          k -> inspector.instance(k).map(ProcessInstanceDetail::summary).orElse(null));
      ObjectNode o = Body.MAPPER.createObjectNode()
          .put("processDefinitionId", s == null ? null : s.bpmnProcessId())
          .put("errorType", i.errorType()).put("errorMessage", i.errorMessage())
          .put("elementId", i.elementId());
      date(o, "creationTime", i.createdAt());
      o.put("state", i.resolved() ? "RESOLVED" : "ACTIVE").put("tenantId", RestGateway.TENANT)
          .put("incidentKey", String.valueOf(i.incidentKey()))
          .put("processDefinitionKey", s == null ? null
              : String.valueOf(s.processDefinitionKey()))
          .put("processInstanceKey", String.valueOf(i.processInstanceKey()))
          .put("elementInstanceKey", String.valueOf(i.elementInstanceKey()))
          .put("jobKey", i.jobKey() == 0 ? null : String.valueOf(i.jobKey()));
      items.add(withoutNulls(o));
    }
    return items;
  }

  // ====================================================================== process definitions

  Response processDefinitions(Body query) {
    Body filter = query.object("filter");
    Boolean latestOnly = filter.bool("isLatestVersion");
    Map<String, Integer> latest = new HashMap<>();
    List<DeployedProcess> all = inspector.processes();
    all.forEach(p -> latest.merge(p.bpmnProcessId(), p.version(), Math::max));
    List<ObjectNode> items = new ArrayList<>();
    for (DeployedProcess p : all) {
      if (latestOnly != null && latestOnly != (latest.get(p.bpmnProcessId()) == p.version())) {
        continue;
      }
      items.add(definition(p));
    }
    return search(query, items, Set.of("processDefinitionKey", "processDefinitionId", "name",
        "version", "resourceName", "tenantId", "isLatestVersion", "hasStartForm"),
        "processDefinitionKey");
  }

  Response processDefinition(long key, String path) {
    return inspector.processes().stream().filter(p -> p.processDefinitionKey() == key)
        .findFirst().map(p -> RestGateway.json(200, definition(p)))
        .orElseGet(() -> notFound("process definition", key, path));
  }

  Response processDefinitionXml(long key, String path) {
    return inspector.bpmnXml(key).map(xml -> new Response(200,
        Map.of("Content-Type", "text/xml; charset=utf-8"), RestGateway.utf8(xml)))
        .orElseGet(() -> notFound("process definition", key, path));
  }

  private static ObjectNode definition(DeployedProcess p) {
    ObjectNode o = Body.MAPPER.createObjectNode().put("name", p.bpmnProcessId())
        .put("resourceName", p.resourceName()).put("version", p.version());
    return o.put("processDefinitionId", p.bpmnProcessId()).put("tenantId", RestGateway.TENANT)
        .put("processDefinitionKey", String.valueOf(p.processDefinitionKey()))
        .put("hasStartForm", false);
  }

  // ====================================================================== variables

  Response variables(Body query) {
    Body filter = query.object("filter");
    List<Long> keys = new ArrayList<>();
    JsonNode pik = filter.raw("processInstanceKey");
    if (pik.isTextual() || pik.isNumber()) {
      keys.add(Keys.parse("filter.processInstanceKey", pik.asText()));
    } else {
      allInstances().forEach(s -> keys.add(s.processInstanceKey()));
    }
    List<ObjectNode> items = new ArrayList<>();
    for (long k : keys) {
      inspector.instance(k).ifPresent(d -> {
        JsonNode vars;
        try {
          vars = Body.MAPPER.readTree(d.variables());
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> v = it.next();
          items.add(Body.MAPPER.createObjectNode().put("value", v.getValue().toString())
              .put("isTruncated", false).put("name", v.getKey())
              .put("tenantId", RestGateway.TENANT).put("scopeKey", String.valueOf(k))
              .put("processInstanceKey", String.valueOf(k)));
        }
      });
    }
    return search(query, items, Set.of("name", "value", "scopeKey", "processInstanceKey",
        "tenantId", "isTruncated"), "processInstanceKey");
  }

  // ====================================================================== the search itself

  static Response search(Body query, List<ObjectNode> candidates, Set<String> fields,
      String defaultSort) {
    query.only("filter", "sort", "page");
    Body filter = query.object("filter");
    List<ObjectNode> matching = new ArrayList<>();
    List<String> names = new ArrayList<>();
    filter.names().forEachRemaining(n -> {
      JsonNode v = filter.raw(n);
      if (!v.isNull() && !(v.isContainerNode() && v.isEmpty())) {
        names.add(n); // the client sends empty lists (variables, $or) for "no condition"
      }
    });
    for (String n : names) {
      if (!fields.contains(n)) {
        throw new BadRequest("The filter " + filter.where(n) + " is not supported by the"
            + " embedded engine's search (it has no such data); filter on " + fields + ".");
      }
    }
    for (ObjectNode item : candidates) {
      boolean ok = true;
      for (String n : names) {
        if (n.equals("isLatestVersion")) {
          continue; // applied by the caller
        }
        ok &= matches(filter.where(n), filter.raw(n), item.get(n));
      }
      if (ok) {
        matching.add(item);
      }
    }
    Comparator<ObjectNode> order = null;
    for (Body s : query.objects("sort")) {
      s.only("field", "order");
      String field = s.requiredString("field");
      if (!fields.contains(field)) {
        throw new BadRequest("The sort field '" + field + "' is not supported by the embedded"
            + " engine's search; sort on " + fields + ".");
      }
      String dir = s.string("order");
      Comparator<ObjectNode> c = Comparator.comparing(i -> i.get(field), RestSearches::compare);
      if (dir != null && dir.equalsIgnoreCase("DESC")) {
        c = c.reversed();
      } else if (dir != null && !dir.equalsIgnoreCase("ASC")) {
        throw new BadRequest("The sort order '" + dir + "' is not one of ASC, DESC.");
      }
      order = order == null ? c : order.thenComparing(c);
    }
    Comparator<ObjectNode> tie = Comparator.comparing(i -> i.get(defaultSort),
        RestSearches::compare);
    matching.sort(order == null ? tie : order.thenComparing(tie));
    Body page = query.object("page").only("from", "limit", "after", "before");
    Integer from = page.intValue("from");
    Integer limit = page.intValue("limit");
    String after = page.string("after");
    String before = page.string("before");
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 0 || size > 10_000) {
      throw new BadRequest("The value for page.limit is '" + size + "' but must be between 0"
          + " and 10000.");
    }
    int start = from == null ? 0 : from;
    if (after != null) {
      start = cursor("page.after", after) + 1;
    } else if (before != null) {
      start = Math.max(0, cursor("page.before", before) - size);
    }
    if (start < 0) {
      throw new BadRequest("The value for page.from is '" + start + "' but must not be"
          + " negative.");
    }
    int end = Math.min(matching.size(), start + size);
    ObjectNode out = Body.MAPPER.createObjectNode();
    ArrayNode items = out.putArray("items");
    for (int i = start; i < end; i++) {
      items.add(matching.get(i));
    }
    ObjectNode p = out.putObject("page").put("totalItems", matching.size())
        .put("hasMoreTotalItems", false);
    if (end > start) {
      p.put("startCursor", String.valueOf(start)).put("endCursor", String.valueOf(end - 1));
    }
    return RestGateway.json(200, out);
  }

  private static int cursor(String where, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadRequest("The value for " + where + " is '" + text + "' but must be a cursor"
          + " from an earlier page (startCursor or endCursor).");
    }
  }

  static boolean matches(String where, JsonNode condition, JsonNode value) {
    if (condition.isNull()) {
      return true;
    }
    if (condition.isArray()) { // tags: every one given must be on the item
      for (JsonNode wanted : condition) {
        if (value == null || !value.isArray() || !contains(where, value, wanted)) {
          return false;
        }
      }
      return true;
    }
    if (!condition.isObject()) {
      return compare(condition, value) == 0 && value != null && !value.isNull();
    }
    boolean ok = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> op = it.next();
      JsonNode arg = op.getValue();
      if (arg.isArray() && arg.isEmpty()) {
        continue; // the client sends "$in": [] for "no condition"
      }
      boolean present = value != null && !value.isNull();
      ok &= switch (op.getKey()) {
        case "$eq" -> present && compare(arg, value) == 0;
        case "$neq" -> !present || compare(arg, value) != 0;
        case "$exists" -> arg.asBoolean() == present;
        case "$gt" -> present && compare(value, arg) > 0;
        case "$gte" -> present && compare(value, arg) >= 0;
        case "$lt" -> present && compare(value, arg) < 0;
        case "$lte" -> present && compare(value, arg) <= 0;
        case "$in" -> present && contains(where, arg, value);
        case "$notIn" -> !present || !contains(where, arg, value);
        case "$like" -> present && like(arg.asText()).matcher(value.asText()).matches();
        default -> throw new BadRequest("The filter operator '" + op.getKey() + "' in " + where
            + " is not one of $eq, $neq, $exists, $gt, $gte, $lt, $lte, $in, $notIn, $like.");
      };
    }
    return ok;
  }

  private static boolean contains(String where, JsonNode list, JsonNode value) {
    if (!list.isArray()) {
      throw new BadRequest("The value of $in or $notIn in " + where + " must be an array.");
    }
    for (JsonNode e : list) {
      if (compare(e, value) == 0) {
        return true;
      }
    }
    return false;
  }

  /** Camunda's {@code $like}: {@code *} any characters, {@code ?} one, backslash escapes. */
  private static Pattern like(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /** Numbers (and keys, which are strings of digits) by value, the rest as text; null first. */
  private static int compare(JsonNode a, JsonNode b) {
    boolean an = a == null || a.isNull();
    boolean bn = b == null || b.isNull();
    if (an || bn) {
      return an == bn ? 0 : an ? -1 : 1;
    }
    Long la = number(a);
    Long lb = number(b);
    if (la != null && lb != null) {
      return Long.compare(la, lb);
    }
    return a.asText().compareTo(b.asText());
  }

  private static Long number(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isTextual() && !n.textValue().isEmpty() && n.textValue().length() < 19
        && n.textValue().chars().allMatch(Character::isDigit)) {
      return Long.parseLong(n.textValue());
    }
    return null;
  }

  /**
   * Sets a date; an absent one is left out. Camunda 8.8's spec marks the fields that may be
   * absent optional, not nullable, so a strict client refuses {@code null} where it expects a
   * string: every optional field is omitted rather than sent as null.
   */
  private static void date(ObjectNode o, String field, Instant t) {
    if (t != null) {
      o.put(field, t.toString());
    }
  }

  /** The object without its null fields (optional fields are omitted, see {@link #date}). */
  private static ObjectNode withoutNulls(ObjectNode o) {
    List<String> nulls = new ArrayList<>();
    o.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) {
        nulls.add(e.getKey());
      }
    });
    o.remove(nulls);
    return o;
  }

  static Response notFound(String what, long key, String path) {
    return Response.problem(404, "NOT_FOUND", "No " + what + " with key '" + key + "' was found"
        + " in the embedded engine.", path);
  }
}
