package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Flow;
import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Mapping;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.TimerKind;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.Due;
import dev.baton.engine.workflow.internal.State.DueKind;
import dev.baton.engine.workflow.internal.State.EventKind;
import dev.baton.engine.workflow.internal.State.EventName;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.JobState;
import dev.baton.engine.workflow.internal.State.MessageId;
import dev.baton.engine.workflow.internal.State.MessageKey;
import dev.baton.engine.workflow.internal.State.Phase;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Entity;
import dev.baton.engine.workflow.internal.State.Incident;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.Message;
import dev.baton.engine.workflow.internal.State.Subscription;
import dev.baton.engine.workflow.internal.State.Table;
import dev.baton.engine.workflow.internal.State.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BPMN runtime. One thread applies commands to the in-memory state, batch by batch; each
 * batch's changes are written in one transaction, and only then are its commands answered. A
 * command that is refused changes nothing; an unexpected failure discards the batch and reloads
 * the state from the database.
 */
final class Runtime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Runtime.class);
  private static final long KEY_BASE = 1L << 51; // partition 1, as Zeebe encodes keys
  private static final int MAX_BATCH = 500;

  final Clock clock;
  final Feel feel = new Feel();
  private final WorkflowStore store;

  // ---- state (engine thread only)
  final Map<Long, Definition> definitions = new HashMap<>();
  final Map<String, TreeMap<Integer, Definition>> versions = new HashMap<>();
  final Map<Long, ElementInstance> elements = new HashMap<>();
  final Map<Long, Set<Long>> children = new HashMap<>();
  final Map<Long, Job> jobs = new HashMap<>();
  final Map<String, LinkedHashSet<Long>> activatable = new HashMap<>();
  final Map<Long, Timer> timers = new HashMap<>();
  final Map<Long, Subscription> subscriptions = new HashMap<>();
  final Map<EventName, LinkedHashSet<Long>> subscriptionsByName = new HashMap<>();
  final Map<Long, Message> messages = new HashMap<>();
  final Map<MessageId, Long> messageIds = new HashMap<>();
  /** Buffered messages by name, and by name and correlation key; oldest (lowest key) first. */
  private final Map<String, TreeMap<Long, Message>> messagesByName = new HashMap<>();
  private final Map<MessageKey, TreeMap<Long, Message>> messagesByCorrelation = new HashMap<>();
  final Map<Long, Incident> incidents = new HashMap<>();
  private final PriorityQueue<Due> dues = new PriorityQueue<>();
  private long nextKey;

  // ---- batch
  private WorkflowStore.Changes changes = new WorkflowStore.Changes();
  private final Set<Long> createdInBatch = new HashSet<>();
  private List<Runnable> afterCommit = new ArrayList<>();
  final Set<String> typesToDispatch = new LinkedHashSet<>();
  /** Called with each job type that got activatable jobs; the gateway hands them out. */
  Consumer<String> dispatcher = type -> { };
  /** Called when a process instance completes: key, variables. */
  ProcessCompletionListener completionListener = (key, vars) -> { };
  /** Called before each batch with the time, to time out waiting requests. */
  Consumer<Long> tick = now -> { };

  private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  interface ProcessCompletionListener {
    void completed(long processInstanceKey, Map<String, Object> variables);
  }

  private record Command(Runnable work, Consumer<Throwable> onError) {}

  /** An incident-worthy failure during execution. */
  static final class IncidentException extends RuntimeException {
    final IncidentType type;

    IncidentException(IncidentType type, String message) {
      super(message);
      this.type = type;
    }
  }

  Runtime(WorkflowStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    load();
    this.thread = new Thread(this::loop, "baton-workflow-engine");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  // ====================================================================== loop and batches

  /** Runs work on the engine thread in the next batch; onError gets refusals and failures. */
  void submit(Runnable work, Consumer<Throwable> onError) {
    if (!running) {
      onError.accept(io.grpc.Status.UNAVAILABLE.withDescription("The workflow engine is"
          + " shutting down").asRuntimeException());
      return;
    }
    queue.add(new Command(work, onError));
  }

  /** Runs after the current batch is committed (responses, pushes). */
  void afterCommit(Runnable r) {
    afterCommit.add(r);
  }

  long now() {
    return clock.millis();
  }

  private void loop() {
    List<Command> batch = new ArrayList<>();
    while (running) {
      try {
        long wait = 1000;
        Due due = dues.peek();
        if (due != null) {
          wait = Math.max(0, Math.min(wait, due.at() - now()));
        }
        Command first = wait == 0 ? queue.poll() : queue.poll(wait, TimeUnit.MILLISECONDS);
        batch.clear();
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
        }
        processBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        LOG.error("Workflow engine loop failed; going on", e);
      }
    }
  }

  private void processBatch(List<Command> batch) {
    changes = new WorkflowStore.Changes();
    createdInBatch.clear();
    afterCommit = new ArrayList<>();
    List<Command> accepted = new ArrayList<>();
    boolean failed = false;
    Throwable failure = null;
    try {
      long now = now();
      tick.accept(now);
      fireDue(now);
      for (Command c : batch) {
        try {
          c.work().run();
          accepted.add(c);
        } catch (io.grpc.StatusRuntimeException refused) {
          c.onError().accept(refused);
        }
      }
      for (String type : new ArrayList<>(typesToDispatch)) {
        dispatcher.accept(type);
      }
      typesToDispatch.clear();
    } catch (RuntimeException e) {
      failed = true;
      failure = e;
      LOG.error("A workflow command failed unexpectedly; its batch is discarded", e);
    }
    if (!failed && (!changes.isEmpty() || !createdInBatch.isEmpty())) {
      changes.nextKey = nextKey;
      changes.created = createdInBatch;
      try {
        store.write(changes);
      } catch (RuntimeException e) {
        failed = true;
        failure = e;
        LOG.error("Writing workflow state failed; the batch is discarded", e);
      }
    }
    if (failed) {
      io.grpc.StatusRuntimeException error = io.grpc.Status.INTERNAL
          .withDescription("The workflow engine could not apply the command: " + failure)
          .asRuntimeException();
      for (Command c : accepted) {
        c.onError().accept(error);
      }
      typesToDispatch.clear();
      reload();
      return;
    }
    for (Runnable r : afterCommit) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.debug("A response could not be sent", e);
      }
    }
  }

  private void reload() {
    definitions.clear();
    versions.clear();
    elements.clear();
    children.clear();
    jobs.clear();
    activatable.clear();
    timers.clear();
    subscriptions.clear();
    subscriptionsByName.clear();
    messages.clear();
    messageIds.clear();
    messagesByName.clear();
    messagesByCorrelation.clear();
    incidents.clear();
    dues.clear();
    load();
  }

  private void load() {
    nextKey = store.loadNextKey();
    for (Definition d : store.loadDefinitions()) {
      d.model = ProcessModel.parse(d.resourceName, d.xml.getBytes(StandardCharsets.UTF_8))
          .stream().filter(m -> m.processId.equals(d.bpmnProcessId)).findFirst().orElseThrow();
      indexDefinition(d);
    }
    for (ElementInstance e : store.load(Table.ELEMENT, ElementInstance.class)) {
      elements.put(e.key, e);
      if (e.parentKey != 0) {
        children.computeIfAbsent(e.parentKey, k -> new LinkedHashSet<>()).add(e.key);
      }
    }
    for (Job j : store.load(Table.JOB, Job.class)) {
      jobs.put(j.key, j);
      scheduleJob(j);
    }
    for (Timer t : store.load(Table.TIMER, Timer.class)) {
      timers.put(t.key, t);
      dues.add(new Due(t.dueAt, DueKind.TIMER, t.key));
    }
    for (Subscription s : store.load(Table.SUBSCRIPTION, Subscription.class)) {
      indexSubscription(s);
    }
    for (Message m : store.load(Table.MESSAGE, Message.class)) {
      indexMessage(m);
    }
    for (Incident i : store.load(Table.INCIDENT, Incident.class)) {
      incidents.put(i.key, i);
    }
    backfillHistory();
  }

  private void fireDue(long now) {
    while (!dues.isEmpty() && dues.peek().at() <= now) {
      Due d = dues.poll();
      long key = d.key();
      switch (d.kind()) {
        case TIMER -> fireTimer(key, d.at());
        case JOB_TIMEOUT -> {
          Job j = jobs.get(key);
          if (j != null && j.state == JobState.ACTIVATED && j.deadline == d.at()) {
            makeActivatable(j); // timed out: another worker may take it
          }
        }
        case JOB_RETRY -> {
          Job j = jobs.get(key);
          if (j != null && j.state == JobState.FAILED && j.retries > 0 && j.retryAt == d.at()) {
            makeActivatable(j);
          }
        }
        case MESSAGE_EXPIRY -> {
          Message m = messages.get(key);
          if (m != null && m.expiresAt <= now) {
            removeMessage(m);
          }
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    io.grpc.StatusRuntimeException closed = io.grpc.Status.UNAVAILABLE
        .withDescription("The workflow engine stopped").asRuntimeException();
    for (Command c; (c = queue.poll()) != null; ) {
      c.onError().accept(closed);
    }
  }

  // ====================================================================== state helpers

  long newKey() {
    long k = KEY_BASE + nextKey++;
    createdInBatch.add(k);
    return k;
  }

  void save(Entity e) {
    changes.put(e);
  }

  private void delete(Entity e) {
    if (createdInBatch.contains(e.key())) {
      Map<Long, Entity> rows = changes.rows.get(e.table());
      if (rows != null) {
        rows.remove(e.key());
        if (rows.isEmpty()) {
          changes.rows.remove(e.table());
        }
      }
    } else {
      changes.delete(e.table(), e.key());
    }
  }

  void addDefinition(Definition d) {
    changes.definitions.add(d);
    indexDefinition(d);
  }

  private void indexDefinition(Definition d) {
    definitions.put(d.key, d);
    versions.computeIfAbsent(d.bpmnProcessId, k -> new TreeMap<>()).put(d.version, d);
  }

  Definition latest(String processId) {
    TreeMap<Integer, Definition> v = versions.get(processId);
    return v == null || v.isEmpty() ? null : v.lastEntry().getValue();
  }

  Node node(ElementInstance ei) {
    return definitions.get(ei.processDefinitionKey).model.node(ei.elementId);
  }

  ElementInstance parent(ElementInstance ei) {
    return ei.parentKey == 0 ? null : elements.get(ei.parentKey);
  }

  /** The variables visible in a scope: its own over its ancestors'. */
  Map<String, Object> visible(ElementInstance ei) {
    Deque<ElementInstance> chain = new ArrayDeque<>();
    for (ElementInstance c = ei; c != null; c = parent(c)) {
      chain.push(c);
    }
    Map<String, Object> vars = new HashMap<>();
    for (ElementInstance c : chain) {
      vars.putAll(c.variables);
    }
    return vars;
  }

  void setLocal(ElementInstance ei, String name, Object value) {
    ei.variables.put(name, value);
    save(ei);
  }

  /** Zeebe's merge: update the nearest scope that has the variable, else the process instance. */
  void propagate(ElementInstance from, String name, Object value) {
    ElementInstance top = from;
    for (ElementInstance c = from; c != null; c = parent(c)) {
      if (c.variables.containsKey(name)) {
        setLocal(c, name, value);
        return;
      }
      top = c;
    }
    setLocal(top, name, value);
  }

  /** Sets a possibly nested target ({@code a.b}) to a value, merging into existing contexts. */
  @SuppressWarnings("unchecked")
  private void assign(ElementInstance scope, String target, Object value, boolean local) {
    String[] path = target.split("\\.");
    Object v = value;
    if (path.length > 1) {
      Map<String, Object> vars = local ? scope.variables : visible(scope);
      Object existing = vars.get(path[0]);
      Map<String, Object> root = existing instanceof Map<?, ?> m
          ? deepCopy((Map<String, Object>) m) : new LinkedHashMap<>();
      Map<String, Object> cur = root;
      for (int i = 1; i < path.length - 1; i++) {
        Object next = cur.get(path[i]);
        Map<String, Object> nm = next instanceof Map<?, ?> x
            ? (Map<String, Object>) x : new LinkedHashMap<>();
        cur.put(path[i], nm);
        cur = nm;
      }
      cur.put(path[path.length - 1], value);
      v = root;
    }
    if (local) {
      setLocal(scope, path[0], v);
    } else {
      propagate(scope, path[0], v);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> x
        ? deepCopy((Map<String, Object>) x) : v));
    return out;
  }

  // ====================================================================== process instances

  /** Creates an instance and runs it until it waits; returns the root element instance. */
  ElementInstance createProcessInstance(Definition d, Map<String, Object> variables,
      String startId, long callerKey) {
    return createProcessInstance(d, variables, startId, callerKey, root -> { });
  }

  /** As above; created is told the instance before it runs (to await its result). */
  ElementInstance createProcessInstance(Definition d, Map<String, Object> variables,
      String startId, long callerKey, Consumer<ElementInstance> created) {
    ElementInstance root = new ElementInstance();
    root.key = newKey();
    root.processInstanceKey = root.key;
    root.processDefinitionKey = d.key;
    root.bpmnProcessId = d.bpmnProcessId;
    root.version = d.version;
    root.elementId = d.bpmnProcessId;
    root.variables = new LinkedHashMap<>(variables);
    root.callerElementInstanceKey = callerKey;
    elements.put(root.key, root);
    save(root);
    historyStarted(root);
    created.accept(root);
    activate(d.model.node(startId), root);
    return root;
  }

  private ElementInstance createElement(Node node, ElementInstance scope, Role mi) {
    ElementInstance ei = new ElementInstance();
    ei.key = newKey();
    ei.processInstanceKey = scope.processInstanceKey;
    ei.parentKey = scope.key;
    ei.processDefinitionKey = scope.processDefinitionKey;
    ei.bpmnProcessId = scope.bpmnProcessId;
    ei.version = scope.version;
    ei.elementId = node.id;
    ei.mi = mi;
    elements.put(ei.key, ei);
    children.computeIfAbsent(scope.key, k -> new LinkedHashSet<>()).add(ei.key);
    scope.activeChildren++;
    save(scope);
    save(ei);
    historyStarted(ei);
    return ei;
  }

  private void activate(Node node, ElementInstance scope) {
    ElementInstance ei = createElement(node, scope, node.loop != null ? Role.BODY : Role.PLAIN);
    start(ei);
  }

  /** Activates an element: input mappings, then what its kind does. Failures become incidents. */
  void start(ElementInstance ei) {
    Node n = node(ei);
    try {
      closeWaits(ei);
      ei.phase = Phase.ACTIVE;
      save(ei);
      if (ei.mi != Role.BODY && n.kind != Kind.PROCESS) {
        applyInputs(ei, n);
      }
      boolean hostsBoundaries = !n.boundaries.isEmpty() && ei.mi != Role.INNER;
      if (ei.mi == Role.BODY) {
        startMultiInstance(ei, n, hostsBoundaries);
        return;
      }
      if (hostsBoundaries) {
        openWaits(ei, boundaryTargetsOf(ei, n));
      }
      switch (n.kind) {
        case START_EVENT, PASS_THROUGH, PARALLEL_GATEWAY -> completeElement(ei, null);
        case END_EVENT -> endEvent(ei, n);
        case JOB_TASK -> createJob(ei, n);
        case EXCLUSIVE_GATEWAY -> completeElement(ei, chooseFlow(ei, n));
        case EVENT_BASED_GATEWAY -> {
          List<Node> targets = new ArrayList<>();
          for (Flow f : n.outgoing) {
            targets.add(definitions.get(ei.processDefinitionKey).model.node(f.target()));
          }
          openWaits(ei, targets);
        }
        case CATCH_EVENT -> openWaits(ei, List.of(n));
        case SUB_PROCESS -> activate(definitions.get(ei.processDefinitionKey).model
            .node(n.noneStart), ei);
        case CALL_ACTIVITY -> startCalledProcess(ei, n);
        default -> throw new IllegalStateException("cannot activate " + n.kind);
      }
    } catch (IncidentException e) {
      raiseIncident(ei, e.type, e.getMessage(), Retry.ACTIVATE);
    } catch (Feel.FeelException e) {
      raiseIncident(ei, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(), Retry.ACTIVATE);
    }
  }

  private void applyInputs(ElementInstance ei, Node n) {
    if (n.inputs.isEmpty()) {
      return;
    }
    ElementInstance scope = parent(ei);
    Map<String, Object> vars = scope == null ? new HashMap<>() : visible(scope);
    vars.putAll(ei.variables);
    List<Object> values = new ArrayList<>();
    for (Mapping m : n.inputs) {
      values.add(feel.evaluate(m.source(), vars));
    }
    for (int i = 0; i < n.inputs.size(); i++) {
      assign(ei, n.inputs.get(i).target(), values.get(i), true);
    }
  }

  private void endEvent(ElementInstance ei, Node n) {
    if (n.trigger == Trigger.TERMINATE) {
      ElementInstance scope = parent(ei);
      for (Long child : new ArrayList<>(children.getOrDefault(scope.key, Set.of()))) {
        if (child != ei.key) {
          terminate(elements.get(child));
        }
      }
      scope.joinTokens.clear();
      save(scope);
      completeElement(ei, null);
    } else if (n.trigger == Trigger.ERROR) {
      if (!throwError(parent(ei), n.errorCode, "", Map.of())) {
        raiseIncident(ei, IncidentType.UNHANDLED_ERROR_EVENT, "Expected to throw an error event with the"
            + " code '" + n.errorCode + "', but it was not caught. No error events are available"
            + " in the scope.", Retry.ACTIVATE);
      }
    } else {
      completeElement(ei, null);
    }
  }

  private Flow chooseFlow(ElementInstance ei, Node n) {
    if (n.outgoing.size() == 1 && n.outgoing.get(0).condition() == null) {
      return n.outgoing.get(0);
    }
    Map<String, Object> vars = visible(ei);
    for (Flow f : n.outgoing) {
      if (f.condition() != null && !f.id().equals(n.defaultFlow)) {
        boolean ok;
        try {
          ok = feel.condition(f.condition(), vars);
        } catch (Feel.FeelException e) {
          throw new IncidentException(IncidentType.CONDITION_ERROR, e.getMessage()
              + " (sequence flow '" + f.id() + "')");
        }
        if (ok) {
          return f;
        }
      }
    }
    if (n.defaultFlow != null) {
      for (Flow f : n.outgoing) {
        if (f.id().equals(n.defaultFlow)) {
          return f;
        }
      }
    }
    throw new IncidentException(IncidentType.CONDITION_ERROR, "Expected at least one condition to evaluate"
        + " to true, or to have a default flow, at exclusive gateway '" + n.id + "'");
  }

  private void startMultiInstance(ElementInstance body, Node n, boolean hostsBoundaries) {
    Object items = feel.evaluate(n.loop.inputCollection(), visible(body));
    if (!(items instanceof List<?> list)) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the inputCollection '"
          + n.loop.inputCollection() + "' of '" + n.id + "' to be a list, but it was "
          + Feel.describe(items));
    }
    if (hostsBoundaries) {
      openWaits(body, boundaryTargetsOf(body, n));
    }
    body.miItems = new ArrayList<>(list);
    body.miStarted = 0;
    body.miCompleted = 0;
    if (n.loop.outputCollection() != null) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        out.add(null);
      }
      setLocal(body, n.loop.outputCollection(), out);
    }
    save(body);
    if (list.isEmpty()) {
      completeElement(body, null);
      return;
    }
    int first = n.loop.sequential() ? 1 : list.size();
    for (int i = 0; i < first && !body.done; i++) {
      startInner(body, n);
    }
  }

  private void startInner(ElementInstance body, Node n) {
    int index = body.miStarted++;
    save(body);
    ElementInstance inner = createElement(n, body, Role.INNER);
    inner.loopCounter = index + 1;
    inner.variables.put("loopCounter", index + 1);
    if (n.loop.inputElement() != null) {
      inner.variables.put(n.loop.inputElement(), body.miItems.get(index));
    }
    start(inner);
  }

  private void startCalledProcess(ElementInstance ei, Node n) {
    Object id = feel.evaluate(n.calledProcessId, visible(ei));
    Definition d = id instanceof String s ? latest(s) : null;
    if (d == null) {
      throw new IncidentException(IncidentType.CALLED_ELEMENT_ERROR, "Expected process with BPMN process id '"
          + id + "' to be deployed, but not found.");
    }
    if (d.model.root().noneStart == null) {
      throw new IncidentException(IncidentType.CALLED_ELEMENT_ERROR, "Expected process with BPMN process id '"
          + id + "' to have a none start event, but not found.");
    }
    Map<String, Object> vars = n.propagateAllParentVariables ? visible(ei)
        : new LinkedHashMap<>(ei.variables);
    ElementInstance child = createProcessInstance(d, vars, d.model.root().noneStart, ei.key);
    if (!child.done) {
      ei.calledInstanceKey = child.key;
      save(ei);
    }
  }

  // ====================================================================== jobs

  private void createJob(ElementInstance ei, Node n) {
    Map<String, Object> vars = visible(ei);
    Object type = feel.evaluate(n.jobType, vars);
    if (!(type instanceof String t) || t.isBlank()) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the job type of '" + n.id
          + "' to be a non-empty string, but it was " + Feel.describe(type));
    }
    Object retries = feel.evaluate(n.retries, vars);
    int r;
    try {
      r = retries instanceof Number num ? num.intValue() : Integer.parseInt(
          String.valueOf(retries).trim());
    } catch (NumberFormatException e) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Expected the retries of '" + n.id
          + "' to be a number, but it was " + Feel.describe(retries));
    }
    Job j = new Job();
    j.key = newKey();
    j.type = t;
    j.processInstanceKey = ei.processInstanceKey;
    j.elementInstanceKey = ei.key;
    j.processDefinitionKey = ei.processDefinitionKey;
    j.bpmnProcessId = ei.bpmnProcessId;
    j.version = ei.version;
    j.elementId = ei.elementId;
    j.retries = r;
    j.headers.putAll(n.headers);
    jobs.put(j.key, j);
    ei.jobKey = j.key;
    save(ei);
    makeActivatable(j);
  }

  void makeActivatable(Job j) {
    j.state = JobState.ACTIVATABLE;
    j.worker = "";
    j.deadline = 0;
    save(j);
    activatable.computeIfAbsent(j.type, k -> new LinkedHashSet<>()).add(j.key);
    typesToDispatch.add(j.type);
  }

  /** Marks a job activated by a worker until now + timeout. */
  void activateJob(Job j, String worker, long timeoutMs) {
    Set<Long> set = activatable.get(j.type);
    if (set != null) {
      set.remove(j.key);
    }
    j.state = JobState.ACTIVATED;
    j.worker = worker;
    j.deadline = now() + Math.max(0, timeoutMs);
    save(j);
    dues.add(new Due(j.deadline, DueKind.JOB_TIMEOUT, j.key));
  }

  private void scheduleJob(Job j) {
    switch (j.state) {
      case ACTIVATABLE -> activatable.computeIfAbsent(j.type, k -> new LinkedHashSet<>())
          .add(j.key);
      case ACTIVATED -> dues.add(new Due(j.deadline, DueKind.JOB_TIMEOUT, j.key));
      case FAILED -> {
        if (j.retries > 0 && j.retryAt > 0) {
          dues.add(new Due(j.retryAt, DueKind.JOB_RETRY, j.key));
        }
      }
      default -> { }
    }
  }

  void removeJob(Job j) {
    jobs.remove(j.key);
    Set<Long> set = activatable.get(j.type);
    if (set != null) {
      set.remove(j.key);
    }
    delete(j);
  }

  /** Fails a job: retries left (maybe after a back-off) or an incident. */
  void failJob(Job j, int retries, String message, long backOffMs) {
    j.retries = retries;
    j.errorMessage = message == null ? "" : message;
    j.worker = "";
    j.deadline = 0;
    if (retries > 0 && backOffMs <= 0) {
      makeActivatable(j);
      return;
    }
    j.state = JobState.FAILED;
    Set<Long> set = activatable.get(j.type);
    if (set != null) {
      set.remove(j.key);
    }
    if (retries > 0) {
      j.retryAt = now() + backOffMs;
      dues.add(new Due(j.retryAt, DueKind.JOB_RETRY, j.key));
      save(j);
      return;
    }
    save(j);
    ElementInstance ei = elements.get(j.elementInstanceKey);
    Incident i = newIncident(ei, IncidentType.JOB_NO_RETRIES, message == null || message.isBlank()
        ? "No more retries left." : message, Retry.JOB);
    i.jobKey = j.key;
    save(i);
    changes.incidents.get(i.key).jobKey = j.key;
  }

  /** Completes a job's element with the worker's variables. */
  void completeJob(Job j, Map<String, Object> variables) {
    removeJob(j);
    ElementInstance ei = elements.get(j.elementInstanceKey);
    ei.jobKey = 0;
    applyPayload(ei, variables);
    completeElement(ei, null);
  }

  // ====================================================================== completion

  /** Variables from outside (job, message, child process): merged as Zeebe does. */
  private void applyPayload(ElementInstance ei, Map<String, Object> payload) {
    if (payload == null || payload.isEmpty()) {
      return;
    }
    Node n = node(ei);
    if (n.outputs.isEmpty() || ei.mi == Role.BODY) {
      payload.forEach((k, v) -> propagate(ei, k, v));
    } else {
      payload.forEach((k, v) -> setLocal(ei, k, v));
    }
  }

  /** Completes an element and moves on; taken is the chosen flow of an exclusive gateway. */
  void completeElement(ElementInstance ei, Flow taken) {
    if (ei.done) {
      return;
    }
    Node n = node(ei);
    ElementInstance scope = parent(ei);
    try {
      ei.phase = Phase.COMPLETING;
      if (ei.mi == Role.BODY) {
        if (n.loop.outputCollection() != null && scope != null) {
          propagate(scope, n.loop.outputCollection(), ei.variables.get(n.loop.outputCollection()));
        }
      } else if (!n.outputs.isEmpty() && n.kind != Kind.PROCESS) {
        Map<String, Object> vars = visible(ei);
        List<Object> values = new ArrayList<>();
        for (Mapping m : n.outputs) {
          values.add(feel.evaluate(m.source(), vars));
        }
        for (int i = 0; i < n.outputs.size(); i++) {
          assign(scope, n.outputs.get(i).target(), values.get(i), false);
        }
      }
      if (ei.mi == Role.INNER && n.loop.outputElement() != null) {
        Object out = feel.evaluate(n.loop.outputElement(), visible(ei));
        @SuppressWarnings("unchecked")
        List<Object> coll = (List<Object>) scope.variables.get(n.loop.outputCollection());
        if (coll != null) {
          List<Object> copy = new ArrayList<>(coll);
          while (copy.size() < ei.loopCounter) {
            copy.add(null);
          }
          copy.set(ei.loopCounter - 1, out);
          setLocal(scope, n.loop.outputCollection(), copy);
        }
      }
    } catch (Feel.FeelException e) {
      raiseIncident(ei, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(), Retry.COMPLETE);
      return;
    }
    ei.phase = Phase.ACTIVE;
    closeWaits(ei);
    if (n.kind == Kind.PROCESS) {
      completeProcess(ei);
      return;
    }
    if (ei.mi == Role.INNER) {
      removeFromScope(ei);
      innerCompleted(scope, n, ei);
      return;
    }
    if (taken != null) {
      takeFlow(taken, scope);
    } else {
      for (Flow f : n.outgoing) {
        if (ei.done || scope.done) {
          break;
        }
        takeFlow(f, scope);
      }
    }
    removeFromScope(ei);
    checkScope(scope);
  }

  private void innerCompleted(ElementInstance body, Node n, ElementInstance inner) {
    body.miCompleted++;
    save(body);
    boolean finished = body.miCompleted >= body.miItems.size();
    if (!finished && n.loop.completionCondition() != null) {
      Map<String, Object> vars = visible(inner);
      vars.put("numberOfInstances", body.miItems.size());
      vars.put("numberOfCompletedInstances", body.miCompleted);
      vars.put("numberOfActiveInstances", body.miStarted - body.miCompleted);
      try {
        finished = feel.condition(n.loop.completionCondition(), vars);
      } catch (Feel.FeelException e) {
        raiseIncident(body, IncidentType.EXTRACT_VALUE_ERROR, e.getMessage(), Retry.COMPLETE);
        return;
      }
    }
    if (finished) {
      for (Long child : new ArrayList<>(children.getOrDefault(body.key, Set.of()))) {
        terminate(elements.get(child));
      }
      completeElement(body, null);
    } else if (n.loop.sequential() && body.miStarted < body.miItems.size()) {
      startInner(body, n);
    }
  }

  private void takeFlow(Flow f, ElementInstance scope) {
    Node target = definitions.get(scope.processDefinitionKey).model.node(f.target());
    if (target.kind == Kind.PARALLEL_GATEWAY && target.incoming.size() > 1) {
      scope.joinTokens.merge(ElementInstance.joinKey(target.id, f.id()), 1, Integer::sum);
      save(scope);
      for (String in : target.incoming) {
        if (scope.joinTokens.getOrDefault(ElementInstance.joinKey(target.id, in), 0) == 0) {
          return; // waiting for the other branches
        }
      }
      for (String in : target.incoming) {
        scope.joinTokens.computeIfPresent(ElementInstance.joinKey(target.id, in), (k, v) -> v > 1 ? v - 1 : null);
      }
    }
    activate(target, scope);
  }

  private void removeFromScope(ElementInstance ei) {
    removeFromScope(ei, true);
  }

  private void removeFromScope(ElementInstance ei, boolean completed) {
    ei.done = true;
    elements.remove(ei.key);
    delete(ei);
    historyEnded(ei, completed ? "COMPLETED" : "TERMINATED");
    ElementInstance scope = parent(ei);
    if (scope != null) {
      scope.activeChildren--;
      Set<Long> siblings = children.get(scope.key);
      if (siblings != null) {
        siblings.remove(ei.key);
        if (siblings.isEmpty()) {
          children.remove(scope.key);
        }
      }
      save(scope);
    }
    for (Incident i : new ArrayList<>(incidents.values())) {
      if (i.elementInstanceKey == ei.key) {
        removeIncident(i);
      }
    }
  }

  private void checkScope(ElementInstance scope) {
    if (scope == null || scope.done || scope.activeChildren > 0 || !scope.joinTokens.isEmpty()) {
      return;
    }
    Node n = node(scope);
    if (scope.mi == Role.BODY) {
      return; // multi-instance bodies complete through their inner instances
    }
    if (n.kind == Kind.PROCESS || n.kind == Kind.SUB_PROCESS) {
      completeElement(scope, null);
    }
  }

  private void completeProcess(ElementInstance root) {
    Map<String, Object> vars = new LinkedHashMap<>(root.variables);
    removeFromScope(root);
    long caller = root.callerElementInstanceKey;
    completionListener.completed(root.key, vars);
    if (caller != 0) {
      ElementInstance call = elements.get(caller);
      if (call != null && !call.done) {
        call.calledInstanceKey = 0;
        save(call);
        Node cn = node(call);
        applyPayload(call, cn.propagateAllChildVariables ? vars : Map.of());
        completeElement(call, null);
      }
    }
  }

  /** Terminates an element and everything below it; no flows are taken. */
  void terminate(ElementInstance ei) {
    if (ei == null || ei.done) {
      return;
    }
    for (Long child : new ArrayList<>(children.getOrDefault(ei.key, Set.of()))) {
      terminate(elements.get(child));
    }
    closeWaits(ei);
    if (ei.calledInstanceKey != 0) {
      ElementInstance called = elements.get(ei.calledInstanceKey);
      ei.calledInstanceKey = 0;
      if (called != null) {
        terminate(called);
      }
    }
    removeFromScope(ei, false);
  }

  // ====================================================================== waits: timers, messages, signals

  private record WaitSpec(Node target, long dueAt, int repetitions, String interval,
      String correlationKey) {}

  private List<Node> boundaryTargetsOf(ElementInstance ei, Node n) {
    ProcessModel model = definitions.get(ei.processDefinitionKey).model;
    List<Node> out = new ArrayList<>();
    for (String b : n.boundaries) {
      Node bn = model.node(b);
      if (bn.trigger != Trigger.ERROR) {
        out.add(bn);
      }
    }
    return out;
  }

  /** Opens the timers and subscriptions an element waits on; evaluates everything first. */
  private void openWaits(ElementInstance owner, List<Node> targets) {
    if (targets.isEmpty()) {
      return;
    }
    if (targets.stream().anyMatch(t -> t.kind == Kind.BOUNDARY_EVENT)) {
      targets = targets.stream().filter(t -> t.trigger != Trigger.ERROR).toList();
    }
    Map<String, Object> vars = visible(owner);
    List<WaitSpec> specs = new ArrayList<>();
    for (Node t : targets) {
      switch (t.trigger) {
        case TIMER -> specs.add(timerSpec(t, vars));
        case MESSAGE -> {
          Object ck = feel.evaluate(t.correlationKey, vars);
          if (!(ck instanceof String) && !(ck instanceof Number)) {
            throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Failed to extract the"
                + " correlation key for '" + t.correlationKey + "' of '" + t.id + "': the value"
                + " must be a string or a number, but was " + Feel.describe(ck));
          }
          specs.add(new WaitSpec(t, 0, 0, null, correlationKeyString(ck)));
        }
        case SIGNAL -> specs.add(new WaitSpec(t, 0, 0, null, null));
        default -> { }
      }
    }
    List<Subscription> opened = new ArrayList<>();
    for (WaitSpec s : specs) {
      if (s.target().trigger == Trigger.TIMER) {
        Timer t = new Timer();
        t.key = newKey();
        t.dueAt = s.dueAt();
        t.processInstanceKey = owner.processInstanceKey;
        t.elementInstanceKey = owner.key;
        t.processDefinitionKey = owner.processDefinitionKey;
        t.targetElementId = s.target().id;
        t.repetitions = s.repetitions();
        t.interval = s.interval();
        timers.put(t.key, t);
        save(t);
        dues.add(new Due(t.dueAt, DueKind.TIMER, t.key));
        owner.waitKeys.add(t.key);
      } else {
        Subscription sub = new Subscription();
        sub.key = newKey();
        sub.kind = s.target().trigger == Trigger.MESSAGE ? EventKind.MESSAGE : EventKind.SIGNAL;
        sub.name = s.target().trigger == Trigger.MESSAGE ? s.target().messageName
            : s.target().signalName;
        sub.correlationKey = s.correlationKey();
        sub.processInstanceKey = owner.processInstanceKey;
        sub.elementInstanceKey = owner.key;
        sub.processDefinitionKey = owner.processDefinitionKey;
        sub.targetElementId = s.target().id;
        indexSubscription(sub);
        save(sub);
        owner.waitKeys.add(sub.key);
        opened.add(sub);
      }
    }
    save(owner);
    for (Subscription sub : opened) {
      if (sub.kind == EventKind.MESSAGE && subscriptions.containsKey(sub.key)) {
        correlateBuffered(sub);
      }
    }
  }

  static String correlationKeyString(Object ck) {
    if (ck instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(ck);
  }

  private WaitSpec timerSpec(Node t, Map<String, Object> vars) {
    Object v = feel.evaluate(t.timerExpression, vars);
    String text = v == null ? "null" : String.valueOf(v).trim();
    long now = now();
    try {
      switch (t.timerKind) {
        case DURATION -> {
          return new WaitSpec(t, now + Duration.parse(text).toMillis(), 0, null, null);
        }
        case DATE -> {
          long at;
          try {
            at = OffsetDateTime.parse(text).toInstant().toEpochMilli();
          } catch (DateTimeParseException e) {
            at = ZonedDateTime.parse(text).toInstant().toEpochMilli();
          }
          return new WaitSpec(t, at, 0, null, null);
        }
        case CYCLE -> {
          // R<n>/<duration> or R/<duration> (forever)
          String[] parts = text.split("/");
          if (parts.length != 2 || !parts[0].startsWith("R")) {
            throw new DateTimeParseException("expected R<n>/<duration>", text, 0);
          }
          int reps = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
          long interval = Duration.parse(parts[1]).toMillis();
          return new WaitSpec(t, now + interval, reps, parts[1], null);
        }
        default -> throw new IllegalStateException();
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Invalid timer " + t.timerKind
          .name().toLowerCase() + " '" + text + "' of '" + t.id + "' (expected ISO-8601, e.g."
          + " PT10S, 2030-01-01T10:00:00Z or R3/PT1M)");
    }
  }

  private void indexSubscription(Subscription s) {
    subscriptions.put(s.key, s);
    subscriptionsByName.computeIfAbsent(s.eventName(), k -> new LinkedHashSet<>()).add(s.key);
  }

  void removeSubscription(Subscription s) {
    subscriptions.remove(s.key);
    Set<Long> set = subscriptionsByName.get(s.eventName());
    if (set != null) {
      set.remove(s.key);
      if (set.isEmpty()) {
        subscriptionsByName.remove(s.eventName());
      }
    }
    delete(s);
  }

  private void removeTimer(Timer t) {
    timers.remove(t.key);
    delete(t);
  }

  /** Closes an element's timers, subscriptions and job. */
  private void closeWaits(ElementInstance ei) {
    if (!ei.waitKeys.isEmpty()) {
      for (Long k : ei.waitKeys) {
        Timer t = timers.get(k);
        if (t != null) {
          removeTimer(t);
        }
        Subscription s = subscriptions.get(k);
        if (s != null) {
          removeSubscription(s);
        }
      }
      ei.waitKeys.clear();
      save(ei);
    }
    if (ei.jobKey != 0) {
      Job j = jobs.get(ei.jobKey);
      if (j != null) {
        removeJob(j);
        for (Incident i : new ArrayList<>(incidents.values())) {
          if (i.jobKey == j.key) {
            removeIncident(i);
          }
        }
      }
      ei.jobKey = 0;
      save(ei);
    }
  }

  private void fireTimer(long key, long due) {
    Timer t = timers.get(key);
    if (t == null || t.dueAt != due) {
      return;
    }
    // repetitions: the firings left, this one included (R3 → 3, 2, 1), or -1 for R/ (forever)
    boolean repeat = t.interval != null && (t.repetitions < 0 || t.repetitions > 1);
    if (t.processInstanceKey == 0) {
      Definition d = definitions.get(t.processDefinitionKey);
      if (d == null || latest(d.bpmnProcessId) != d) {
        removeTimer(t);
        return;
      }
      if (repeat) {
        reschedule(t);
      } else {
        removeTimer(t);
      }
      createProcessInstance(d, Map.of(), t.targetElementId, 0);
      return;
    }
    ElementInstance owner = elements.get(t.elementInstanceKey);
    if (owner == null) {
      removeTimer(t);
      return;
    }
    Node target = definitions.get(owner.processDefinitionKey).model.node(t.targetElementId);
    if (target.kind == Kind.BOUNDARY_EVENT && !target.cancelActivity && repeat) {
      reschedule(t);
    } else if (target.kind == Kind.BOUNDARY_EVENT && !target.cancelActivity) {
      removeTimer(t);
      owner.waitKeys.remove(t.key);
      save(owner);
    }
    trigger(owner, target, Map.of());
  }

  private void reschedule(Timer t) {
    t.dueAt = t.dueAt + Duration.parse(t.interval).toMillis();
    if (t.repetitions > 0) {
      t.repetitions--;
    }
    save(t);
    dues.add(new Due(t.dueAt, DueKind.TIMER, t.key));
  }

  /** An event happened for an element waiting on it (timer, message, signal). */
  void trigger(ElementInstance owner, Node target, Map<String, Object> payload) {
    if (owner.done) {
      return;
    }
    Node ownerNode = node(owner);
    if (owner.elementId.equals(target.id) && target.kind == Kind.CATCH_EVENT) {
      closeWaits(owner);
      applyPayload(owner, payload);
      completeElement(owner, null);
      return;
    }
    ElementInstance scope = parent(owner);
    if (ownerNode.kind == Kind.EVENT_BASED_GATEWAY) {
      closeWaits(owner);
      ElementInstance event = createElement(target, scope, Role.PLAIN);
      removeFromScope(owner);
      applyPayload(event, payload);
      completeElement(event, null);
      return;
    }
    // a boundary event
    if (target.cancelActivity) {
      closeWaits(owner);
      ElementInstance event = createElement(target, scope, Role.PLAIN);
      terminate(owner);
      applyPayload(event, payload);
      completeElement(event, null);
    } else {
      ElementInstance event = createElement(target, scope, Role.PLAIN);
      applyPayload(event, payload);
      completeElement(event, null);
    }
  }

  /** Throws a BPMN error from a scope upward; true when a boundary event caught it. */
  boolean throwError(ElementInstance from, String code, String message,
      Map<String, Object> variables) {
    ElementInstance cur = from;
    while (cur != null) {
      Node n = node(cur);
      if (cur.mi != Role.INNER) {
        ProcessModel model = definitions.get(cur.processDefinitionKey).model;
        for (String b : n.boundaries) {
          Node bn = model.node(b);
          if (bn.trigger == Trigger.ERROR && (bn.errorCode == null || bn.errorCode.equals(code))) {
            ElementInstance scope = parent(cur);
            closeWaits(cur);
            ElementInstance event = createElement(bn, scope, Role.PLAIN);
            terminate(cur);
            applyPayload(event, variables);
            completeElement(event, null);
            return true;
          }
        }
      }
      if (n.kind == Kind.PROCESS) {
        cur = cur.callerElementInstanceKey == 0 ? null : elements.get(cur.callerElementInstanceKey);
      } else {
        cur = parent(cur);
      }
    }
    return false;
  }

  // ====================================================================== messages and signals

  void indexMessage(Message m) {
    messages.put(m.key, m);
    messagesByName.computeIfAbsent(m.name, k -> new TreeMap<>()).put(m.key, m);
    messagesByCorrelation.computeIfAbsent(m.messageKey(), k -> new TreeMap<>()).put(m.key, m);
    if (m.messageId != null && !m.messageId.isEmpty()) {
      messageIds.put(new MessageId(m.messageKey(), m.messageId), m.key);
    }
    dues.add(new Due(m.expiresAt, DueKind.MESSAGE_EXPIRY, m.key));
  }

  private static <K> void unindex(Map<K, TreeMap<Long, Message>> index, K k, long key) {
    TreeMap<Long, Message> set = index.get(k);
    if (set != null) {
      set.remove(key);
      if (set.isEmpty()) {
        index.remove(k);
      }
    }
  }

  private void removeMessage(Message m) {
    messages.remove(m.key);
    unindex(messagesByName, m.name, m.key);
    unindex(messagesByCorrelation, m.messageKey(), m.key);
    if (m.messageId != null && !m.messageId.isEmpty()) {
      messageIds.remove(new MessageId(m.messageKey(), m.messageId));
    }
    delete(m);
  }

  /** Correlates a published message to open subscriptions and message start events. */
  void correlate(Message m) {
    Set<Long> keys = subscriptionsByName.get(new EventName(EventKind.MESSAGE, m.name));
    if (keys == null) {
      return;
    }
    for (Long k : new ArrayList<>(keys)) {
      Subscription s = subscriptions.get(k);
      if (s == null) {
        continue;
      }
      if (s.processInstanceKey == 0) {
        Definition d = definitions.get(s.processDefinitionKey);
        if (d != null && m.startedProcesses.add(d.bpmnProcessId)) {
          createProcessInstance(d, m.variables, s.targetElementId, 0);
        }
        continue;
      }
      if (!m.correlationKey.equals(s.correlationKey)
          || m.correlatedInstances.contains(s.processInstanceKey)) {
        continue;
      }
      m.correlatedInstances.add(s.processInstanceKey);
      deliver(s, m.variables);
    }
  }

  private void deliver(Subscription s, Map<String, Object> variables) {
    ElementInstance owner = elements.get(s.elementInstanceKey);
    if (owner == null) {
      removeSubscription(s);
      return;
    }
    Node target = definitions.get(owner.processDefinitionKey).model.node(s.targetElementId);
    boolean keep = target.kind == Kind.BOUNDARY_EVENT && !target.cancelActivity;
    if (!keep) {
      removeSubscription(s);
      owner.waitKeys.remove(s.key);
      save(owner);
    }
    trigger(owner, target, variables);
  }

  /** A new subscription takes the oldest matching buffered message it has not had. */
  private void correlateBuffered(Subscription s) {
    long now = now();
    TreeMap<Long, Message> candidates = s.processInstanceKey == 0
        ? messagesByName.get(s.name)
        : messagesByCorrelation.get(new MessageKey(s.name, s.correlationKey));
    if (candidates == null) {
      return;
    }
    for (Message m : new ArrayList<>(candidates.values())) {
      if (m.expiresAt <= now || !m.name.equals(s.name)) {
        continue;
      }
      if (s.processInstanceKey == 0) {
        Definition d = definitions.get(s.processDefinitionKey);
        if (d != null && m.startedProcesses.add(d.bpmnProcessId)) {
          save(m);
          createProcessInstance(d, m.variables, s.targetElementId, 0);
        }
        continue;
      }
      if (m.correlationKey.equals(s.correlationKey)
          && !m.correlatedInstances.contains(s.processInstanceKey)) {
        m.correlatedInstances.add(s.processInstanceKey);
        save(m);
        deliver(s, m.variables);
        return;
      }
    }
  }

  /** Delivers a signal to every waiting element and signal start event. */
  void broadcastSignal(String name, Map<String, Object> variables) {
    Set<Long> keys = subscriptionsByName.get(new EventName(EventKind.SIGNAL, name));
    if (keys == null) {
      return;
    }
    for (Long k : new ArrayList<>(keys)) {
      Subscription s = subscriptions.get(k);
      if (s == null) {
        continue;
      }
      if (s.processInstanceKey == 0) {
        Definition d = definitions.get(s.processDefinitionKey);
        if (d != null) {
          createProcessInstance(d, variables, s.targetElementId, 0);
        }
      } else {
        deliver(s, variables);
      }
    }
  }

  /** Opens the start subscriptions and timers of a new latest version, closing the previous. */
  void openStartEvents(Definition d, Definition previous) {
    if (previous != null) {
      for (Subscription s : new ArrayList<>(subscriptions.values())) {
        if (s.processInstanceKey == 0 && s.processDefinitionKey == previous.key) {
          removeSubscription(s);
        }
      }
      for (Timer t : new ArrayList<>(timers.values())) {
        if (t.processInstanceKey == 0 && t.processDefinitionKey == previous.key) {
          removeTimer(t);
        }
      }
    }
    List<Subscription> opened = new ArrayList<>();
    for (String id : d.model.messageStarts) {
      opened.add(startSubscription(d, d.model.node(id), EventKind.MESSAGE));
    }
    for (String id : d.model.signalStarts) {
      startSubscription(d, d.model.node(id), EventKind.SIGNAL);
    }
    for (String id : d.model.timerStarts) {
      Node n = d.model.node(id);
      WaitSpec spec;
      try {
        spec = timerSpec(n, Map.of());
      } catch (IncidentException | Feel.FeelException e) {
        throw io.grpc.Status.INVALID_ARGUMENT.withDescription("'" + d.resourceName + "': "
            + e.getMessage()).asRuntimeException();
      }
      Timer t = new Timer();
      t.key = newKey();
      t.dueAt = spec.dueAt();
      t.processDefinitionKey = d.key;
      t.targetElementId = id;
      t.repetitions = spec.repetitions();
      t.interval = spec.interval();
      timers.put(t.key, t);
      save(t);
      dues.add(new Due(t.dueAt, DueKind.TIMER, t.key));
    }
    for (Subscription s : opened) {
      correlateBuffered(s);
    }
  }

  private Subscription startSubscription(Definition d, Node n, EventKind kind) {
    Subscription s = new Subscription();
    s.key = newKey();
    s.kind = kind;
    s.name = kind == EventKind.MESSAGE ? n.messageName : n.signalName;
    s.processDefinitionKey = d.key;
    s.targetElementId = n.id;
    indexSubscription(s);
    save(s);
    return s;
  }

  // ====================================================================== incidents

  private Incident newIncident(ElementInstance ei, IncidentType type, String message,
      Retry retry) {
    Incident i = new Incident();
    i.key = newKey();
    i.errorType = type;
    i.errorMessage = message;
    i.processInstanceKey = ei.processInstanceKey;
    i.elementInstanceKey = ei.key;
    i.elementId = ei.elementId;
    i.retry = retry;
    incidents.put(i.key, i);
    save(i);
    historyIncident(i);
    LOG.info("Incident {} on '{}' of process instance {}: {}", type, ei.elementId,
        ei.processInstanceKey, message);
    return i;
  }

  private void raiseIncident(ElementInstance ei, IncidentType type, String message,
      Retry retry) {
    ei.phase = retry == Retry.ACTIVATE ? Phase.ACTIVATING : Phase.COMPLETING;
    save(ei);
    newIncident(ei, type, message, retry);
  }

  /** Creates an incident for an error thrown by a job that nothing caught. */
  void unhandledJobError(Job j, String code, String message) {
    j.state = JobState.ERROR_THROWN;
    j.errorMessage = message == null ? "" : message;
    Set<Long> set = activatable.get(j.type);
    if (set != null) {
      set.remove(j.key);
    }
    save(j);
    Incident i = newIncident(elements.get(j.elementInstanceKey),
        IncidentType.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '" + code + "' with message '"
            + (message == null ? "" : message) + "', but it was not caught. No error events are"
            + " available in the scope.", Retry.JOB);
    i.jobKey = j.key;
    i.errorCode = code;
    save(i);
    changes.incidents.get(i.key).jobKey = j.key;
  }

  /** Resolves an incident: retries what failed. */
  void resolve(Incident i) {
    removeIncident(i);
    if (i.retry == Retry.JOB) {
      Job j = jobs.get(i.jobKey);
      if (j != null) {
        makeActivatable(j);
      }
      return;
    }
    ElementInstance ei = elements.get(i.elementInstanceKey);
    if (ei == null) {
      return;
    }
    if (i.retry == Retry.COMPLETE) {
      if (ei.mi == Role.BODY && ei.miCompleted < (ei.miItems == null ? 0 : ei.miItems.size())) {
        ElementInstance any = ei;
        innerCompletedRetry(ei, any);
      } else {
        completeElement(ei, null);
      }
    } else {
      start(ei);
    }
  }

  private void innerCompletedRetry(ElementInstance body, ElementInstance unused) {
    // the completion condition failed: evaluate it again on the body's variables
    Node n = node(body);
    body.miCompleted--;
    innerCompleted(body, n, body);
  }

  private void removeIncident(Incident i) {
    incidents.remove(i.key);
    delete(i);
    WorkflowStore.IncidentRow r = changes.incidents.computeIfAbsent(i.key, k -> {
      WorkflowStore.IncidentRow x = new WorkflowStore.IncidentRow();
      x.key = k;
      return x;
    });
    r.resolvedAt = now();
  }

  // ====================================================================== operator history

  /** Zeebe's element type name, e.g. SERVICE_TASK, MULTI_INSTANCE_BODY. */
  private String elementType(ElementInstance ei) {
    if (ei.mi == Role.BODY) {
      return "MULTI_INSTANCE_BODY";
    }
    String type = node(ei).elementType;
    StringBuilder b = new StringBuilder(type.length() + 4);
    for (int i = 0; i < type.length(); i++) {
      char ch = type.charAt(i);
      if (Character.isUpperCase(ch) && i > 0) {
        b.append('_');
      }
      b.append(Character.toUpperCase(ch));
    }
    return b.toString();
  }

  private void historyStarted(ElementInstance ei) {
    long now = now();
    WorkflowStore.ElementRow r = new WorkflowStore.ElementRow();
    r.isNew = true;
    r.key = ei.key;
    r.processInstanceKey = ei.processInstanceKey;
    r.parentKey = ei.parentKey;
    r.elementId = ei.elementId;
    r.elementType = elementType(ei);
    r.startedAt = now;
    changes.elements.put(r.key, r);
    if (ei.parentKey == 0) {
      WorkflowStore.InstanceRow p = new WorkflowStore.InstanceRow();
      p.isNew = true;
      p.key = ei.key;
      p.bpmnProcessId = ei.bpmnProcessId;
      p.version = ei.version;
      p.definitionKey = ei.processDefinitionKey;
      ElementInstance caller = ei.callerElementInstanceKey == 0 ? null
          : elements.get(ei.callerElementInstanceKey);
      p.parentInstanceKey = caller == null ? 0 : caller.processInstanceKey;
      p.startedAt = now;
      changes.instances.put(p.key, p);
    }
  }

  private void historyEnded(ElementInstance ei, String state) {
    long now = now();
    WorkflowStore.ElementRow r = changes.elements.computeIfAbsent(ei.key, k -> {
      WorkflowStore.ElementRow x = new WorkflowStore.ElementRow();
      x.key = k;
      return x;
    });
    r.state = state;
    r.endedAt = now;
    if (ei.parentKey == 0) {
      WorkflowStore.InstanceRow p = changes.instances.computeIfAbsent(ei.key, k -> {
        WorkflowStore.InstanceRow x = new WorkflowStore.InstanceRow();
        x.key = k;
        return x;
      });
      p.state = state;
      p.endedAt = now;
      p.variables = Json.write(ei.variables);
    }
  }

  private void historyIncident(Incident i) {
    WorkflowStore.IncidentRow r = new WorkflowStore.IncidentRow();
    r.isNew = true;
    r.key = i.key;
    r.processInstanceKey = i.processInstanceKey;
    r.elementInstanceKey = i.elementInstanceKey;
    r.elementId = i.elementId;
    r.errorType = i.errorType.name();
    r.errorMessage = i.errorMessage == null ? "" : i.errorMessage;
    r.createdAt = now();
    changes.incidents.put(r.key, r);
  }

  /** Adds history rows for state stored before the history tables existed. */
  private void backfillHistory() {
    Set<Long> open = store.openHistoryKeys("wf_element_history", "element_key", "ended_at");
    Set<Long> openInstances = store.openHistoryKeys("wf_process_instance", "instance_key",
        "ended_at");
    Set<Long> openIncidents = store.openHistoryKeys("wf_incident_history", "incident_key",
        "resolved_at");
    WorkflowStore.Changes saved = changes;
    changes = new WorkflowStore.Changes();
    try {
      for (ElementInstance ei : elements.values()) {
        if (!open.contains(ei.key)) {
          historyStarted(ei);
          if (ei.parentKey == 0 && openInstances.contains(ei.key)) {
            changes.instances.remove(ei.key);
          }
        } else if (ei.parentKey == 0 && !openInstances.contains(ei.key)) {
          historyStarted(ei);
          changes.elements.remove(ei.key);
        }
      }
      for (Incident i : incidents.values()) {
        if (!openIncidents.contains(i.key)) {
          historyIncident(i);
          changes.incidents.get(i.key).jobKey = i.jobKey;
        }
      }
      if (!changes.isEmpty()) {
        changes.nextKey = nextKey;
        store.write(changes);
        LOG.info("Workflow history: added {} element instances, {} process instances and {}"
            + " incidents stored before the history was kept", changes.elements.size(),
            changes.instances.size(), changes.incidents.size());
      }
    } finally {
      changes = saved;
    }
  }

  /** Whether the engine still has anything for this process instance. */
  boolean isActive(long processInstanceKey) {
    ElementInstance e = elements.get(processInstanceKey);
    return e != null && e.parentKey == 0;
  }

  Collection<ElementInstance> elementsView() {
    return elements.values();
  }
}
