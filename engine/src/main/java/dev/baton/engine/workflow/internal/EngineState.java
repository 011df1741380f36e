package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.Due;
import dev.baton.engine.workflow.internal.State.DueKind;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Entity;
import dev.baton.engine.workflow.internal.State.EventName;
import dev.baton.engine.workflow.internal.State.Incident;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.Message;
import dev.baton.engine.workflow.internal.State.MessageId;
import dev.baton.engine.workflow.internal.State.MessageKey;
import dev.baton.engine.workflow.internal.State.Role;
import dev.baton.engine.workflow.internal.State.Subscription;
import dev.baton.engine.workflow.internal.State.Table;
import dev.baton.engine.workflow.internal.State.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's state in memory with its indexes, and the one place that records what a command
 * batch changed: every mutation of an entity goes through {@link #save} or {@link #delete} (or an
 * index method that calls them), and {@link #commit} writes the batch in one transaction. The
 * operator history rows (instances, elements, incidents) are recorded here too.
 *
 * <p>Engine thread only.
 */
final class EngineState {
  private static final Logger LOG = LoggerFactory.getLogger(EngineState.class);
  private static final long KEY_BASE = 1L << 51; // partition 1, as Zeebe encodes keys

  private final WorkflowStore store;
  private final Clock clock;

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
  final Map<String, TreeMap<Long, Message>> messagesByName = new HashMap<>();
  final Map<MessageKey, TreeMap<Long, Message>> messagesByCorrelation = new HashMap<>();
  final Map<Long, Incident> incidents = new HashMap<>();
  /** Open (created, not yet completed or canceled) user tasks, by key and by element instance. */
  final Map<Long, UserTask> userTasks = new HashMap<>();
  final Map<Long, UserTask> userTaskOfElement = new HashMap<>();
  final Decisions decisions = new Decisions();
  /** The highest version each process id ever had (deleted versions are never reused). */
  final Map<String, Integer> highestVersions = new HashMap<>();
  private final PriorityQueue<Due> dues = new PriorityQueue<>();
  private long nextKey;

  // ---- the current batch
  private WorkflowStore.Changes changes = new WorkflowStore.Changes();
  private final Set<Long> createdInBatch = new HashSet<>();

  EngineState(WorkflowStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    load();
  }

  long now() {
    return clock.millis();
  }

  // ====================================================================== batches

  /** Starts recording a new batch; what the previous one recorded is dropped. */
  void beginBatch() {
    changes = new WorkflowStore.Changes();
    createdInBatch.clear();
  }

  /** Writes what the batch changed in one transaction (nothing when it changed nothing). */
  void commit() {
    if (changes.isEmpty() && createdInBatch.isEmpty()) {
      return;
    }
    changes.nextKey = nextKey;
    changes.created = createdInBatch;
    store.write(changes);
  }

  /** Drops the memory state and reads it again from the database (after a failed batch). */
  void reload() {
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
    userTasks.clear();
    userTaskOfElement.clear();
    decisions.clear();
    highestVersions.clear();
    dues.clear();
    load();
  }

  private void load() {
    nextKey = store.loadNextKey();
    highestVersions.putAll(store.loadDeletedVersions());
    for (Definition d : store.loadDefinitions()) {
      d.model = ProcessModel.parse(d.resourceName, d.xml.getBytes(StandardCharsets.UTF_8))
          .stream().filter(m -> m.processId.equals(d.bpmnProcessId)).findFirst().orElseThrow();
      indexDefinition(d);
    }
    store.loadDecisionRequirements().forEach(decisions::index);
    for (ElementInstance e : store.load(Table.ELEMENT, ElementInstance.class)) {
      elements.put(e.key, e);
      if (e.parentKey != 0) {
        children.computeIfAbsent(e.parentKey, k -> new LinkedHashSet<>()).add(e.key);
      }
    }
    for (Job j : store.load(Table.JOB, Job.class)) {
      jobs.put(j.key, j);
      switch (j.state) {
        case ACTIVATABLE -> activatable.computeIfAbsent(j.type, k -> new LinkedHashSet<>())
            .add(j.key);
        case ACTIVATED -> due(j.deadline, DueKind.JOB_TIMEOUT, j.key);
        case FAILED -> {
          if (j.retries > 0 && j.retryAt > 0) {
            due(j.retryAt, DueKind.JOB_RETRY, j.key);
          }
        }
        default -> { }
      }
    }
    for (Timer t : store.load(Table.TIMER, Timer.class)) {
      timers.put(t.key, t);
      due(t.dueAt, DueKind.TIMER, t.key);
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
    for (UserTask t : store.load(Table.USER_TASK, UserTask.class)) {
      if (t.state.open()) {
        userTasks.put(t.key, t);
        userTaskOfElement.put(t.elementInstanceKey, t);
      }
    }
    backfillHistory();
  }

  // ====================================================================== keys and rows

  long newKey() {
    long k = KEY_BASE + nextKey++;
    createdInBatch.add(k);
    return k;
  }

  /** Records that an entity changed (or was created) in this batch. */
  void save(Entity e) {
    changes.put(e);
  }

  /** Records that an entity is gone; one created in this batch is simply not written. */
  void delete(Entity e) {
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

  // ====================================================================== dues

  void due(long at, DueKind kind, long key) {
    dues.add(new Due(at, kind, key));
  }

  /** The next due entry, or null. */
  Due nextDue() {
    return dues.peek();
  }

  /** Removes and returns the next entry due at or before now, or null. */
  Due pollDue(long now) {
    Due d = dues.peek();
    return d != null && d.at() <= now ? dues.poll() : null;
  }

  // ====================================================================== definitions

  void addDefinition(Definition d) {
    changes.definitions.add(d);
    indexDefinition(d);
  }

  void addDecisionRequirements(Decisions.Drg d) {
    changes.decisionRequirements.add(d);
    decisions.index(d);
  }

  private void indexDefinition(Definition d) {
    definitions.put(d.key, d);
    versions.computeIfAbsent(d.bpmnProcessId, k -> new TreeMap<>()).put(d.version, d);
    highestVersions.merge(d.bpmnProcessId, d.version, Math::max);
  }

  /** The version a new deployment of a process id gets: one above any it ever had. */
  int nextVersion(String processId) {
    return highestVersions.getOrDefault(processId, 0) + 1;
  }

  /** Deletes a definition: it is no longer found, its version is not reused. */
  void removeDefinition(Definition d) {
    definitions.remove(d.key);
    TreeMap<Integer, Definition> v = versions.get(d.bpmnProcessId);
    if (v != null) {
      v.remove(d.version);
      if (v.isEmpty()) {
        versions.remove(d.bpmnProcessId);
      }
    }
    changes.deletedDefinitions.put(d.key, now());
  }

  Definition latest(String processId) {
    TreeMap<Integer, Definition> v = versions.get(processId);
    return v == null || v.isEmpty() ? null : v.lastEntry().getValue();
  }

  Definition definition(String processId, int version) {
    TreeMap<Integer, Definition> v = versions.get(processId);
    return v == null ? null : v.get(version);
  }

  ProcessModel model(ElementInstance ei) {
    return definitions.get(ei.processDefinitionKey).model;
  }

  Node node(ElementInstance ei) {
    return model(ei).node(ei.elementId);
  }

  // ====================================================================== element instances

  ElementInstance element(long key) {
    return elements.get(key);
  }

  ElementInstance parent(ElementInstance ei) {
    return ei.parentKey == 0 ? null : elements.get(ei.parentKey);
  }

  /** The child element instances of a scope (a copy: callers terminate while iterating). */
  java.util.List<ElementInstance> childrenOf(ElementInstance scope) {
    java.util.List<ElementInstance> out = new java.util.ArrayList<>();
    for (Long k : children.getOrDefault(scope.key, Set.of())) {
      out.add(elements.get(k));
    }
    return out;
  }

  /** Adds a new element instance (a process instance when it has no scope). */
  void addElement(ElementInstance ei, ElementInstance scope) {
    elements.put(ei.key, ei);
    if (scope != null) {
      children.computeIfAbsent(scope.key, k -> new LinkedHashSet<>()).add(ei.key);
      scope.activeChildren++;
      save(scope);
    }
    save(ei);
    historyStarted(ei);
  }

  /** Removes an ended element instance, its incidents and its place in its scope. */
  void removeElement(ElementInstance ei, boolean completed) {
    if (elements.get(ei.key) != ei) {
      // already terminated, e.g. by an interrupting event that its own activation triggered
      ei.done = true;
      return;
    }
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
    for (Incident i : new java.util.ArrayList<>(incidents.values())) {
      if (i.elementInstanceKey == ei.key) {
        removeIncident(i);
      }
    }
  }

  // ====================================================================== jobs

  void addJob(Job j) {
    jobs.put(j.key, j);
  }

  void removeJob(Job j) {
    jobs.remove(j.key);
    unready(j);
    delete(j);
  }

  void ready(Job j) {
    activatable.computeIfAbsent(j.type, k -> new LinkedHashSet<>()).add(j.key);
  }

  void unready(Job j) {
    Set<Long> set = activatable.get(j.type);
    if (set != null) {
      set.remove(j.key);
    }
  }

  // ====================================================================== user tasks

  /** A new user task: open, and kept (its row stays when it ends, for searches). */
  void addUserTask(UserTask t) {
    userTasks.put(t.key, t);
    userTaskOfElement.put(t.elementInstanceKey, t);
    save(t);
  }

  /** A user task ended (completed or canceled): its row stays with its final state. */
  void endUserTask(UserTask t) {
    userTasks.remove(t.key);
    userTaskOfElement.remove(t.elementInstanceKey);
    save(t);
  }

  // ====================================================================== timers

  void addTimer(Timer t) {
    timers.put(t.key, t);
    save(t);
    due(t.dueAt, DueKind.TIMER, t.key);
  }

  void removeTimer(Timer t) {
    timers.remove(t.key);
    delete(t);
  }

  // ====================================================================== subscriptions

  void addSubscription(Subscription s) {
    indexSubscription(s);
    save(s);
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

  /** The open subscriptions for a message or signal name, oldest first (a copy). */
  java.util.List<Subscription> subscriptionsFor(EventName name) {
    Set<Long> keys = subscriptionsByName.get(name);
    java.util.List<Subscription> out = new java.util.ArrayList<>();
    if (keys != null) {
      for (Long k : keys) {
        out.add(subscriptions.get(k));
      }
    }
    return out;
  }

  // ====================================================================== messages

  void indexMessage(Message m) {
    messages.put(m.key, m);
    messagesByName.computeIfAbsent(m.name, k -> new TreeMap<>()).put(m.key, m);
    messagesByCorrelation.computeIfAbsent(m.messageKey(), k -> new TreeMap<>()).put(m.key, m);
    if (m.messageId != null && !m.messageId.isEmpty()) {
      messageIds.put(new MessageId(m.messageKey(), m.messageId), m.key);
    }
    due(m.expiresAt, DueKind.MESSAGE_EXPIRY, m.key);
  }

  boolean hasMessage(MessageId id) {
    return messageIds.containsKey(id);
  }

  void removeMessage(Message m) {
    messages.remove(m.key);
    unindex(messagesByName, m.name, m.key);
    unindex(messagesByCorrelation, m.messageKey(), m.key);
    if (m.messageId != null && !m.messageId.isEmpty()) {
      messageIds.remove(new MessageId(m.messageKey(), m.messageId));
    }
    delete(m);
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

  // ====================================================================== incidents

  void addIncident(Incident i) {
    incidents.put(i.key, i);
    save(i);
    historyIncident(i);
  }

  void removeIncident(Incident i) {
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
    r.jobKey = i.jobKey;
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
}
