package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.internal.ProcessModel.Kind;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.ProcessModel.Trigger;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.EventKind;
import dev.baton.engine.workflow.internal.State.EventName;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.Message;
import dev.baton.engine.workflow.internal.State.MessageKey;
import dev.baton.engine.workflow.internal.State.Subscription;
import dev.baton.engine.workflow.internal.State.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What elements wait on: timers, message and signal subscriptions, and the start events of the
 * latest process versions. When one fires, the element waiting on it is told through its
 * behaviour ({@link ElementBehavior#onEvent}, or the boundary event's).
 */
final class Events {
  private final WorkflowEngineCore engine;
  private final EngineState state;

  Events(WorkflowEngineCore engine) {
    this.engine = engine;
    this.state = engine.state;
  }

  /** A timer's first due time and its repetition (cycles). */
  record TimerSpec(long dueAt, int repetitions, String interval) {}

  private record WaitSpec(Node target, TimerSpec timer, String correlationKey) {}

  // ====================================================================== opening and closing

  /** Opens the timers and subscriptions an element waits on; evaluates everything first. */
  void open(ElementInstance owner, List<Node> targets) {
    if (targets.isEmpty()) {
      return;
    }
    if (targets.stream().anyMatch(t -> t.kind == Kind.BOUNDARY_EVENT)) {
      targets = targets.stream().filter(t -> t.trigger != Trigger.ERROR).toList();
    }
    Map<String, Object> vars = engine.variables.visible(owner);
    List<WaitSpec> specs = new ArrayList<>();
    for (Node t : targets) {
      switch (t.trigger) {
        case TIMER -> specs.add(new WaitSpec(t, timerSpec(t, vars), null));
        case MESSAGE -> {
          Object ck = engine.feel.evaluate(t.correlationKey, vars);
          if (!(ck instanceof String) && !(ck instanceof Number)) {
            throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Failed to extract the"
                + " correlation key for '" + t.correlationKey + "' of '" + t.id + "': the value"
                + " must be a string or a number, but was " + Feel.describe(ck));
          }
          specs.add(new WaitSpec(t, null, correlationKeyString(ck)));
        }
        case SIGNAL -> specs.add(new WaitSpec(t, null, null));
        default -> { }
      }
    }
    List<Subscription> opened = new ArrayList<>();
    for (WaitSpec s : specs) {
      if (s.target().trigger == Trigger.TIMER) {
        Timer t = new Timer();
        t.key = state.newKey();
        t.dueAt = s.timer().dueAt();
        t.processInstanceKey = owner.processInstanceKey;
        t.elementInstanceKey = owner.key;
        t.processDefinitionKey = owner.processDefinitionKey;
        t.targetElementId = s.target().id;
        t.repetitions = s.timer().repetitions();
        t.interval = s.timer().interval();
        state.addTimer(t);
        owner.waitKeys.add(t.key);
      } else {
        Subscription sub = new Subscription();
        sub.key = state.newKey();
        sub.kind = s.target().trigger == Trigger.MESSAGE ? EventKind.MESSAGE : EventKind.SIGNAL;
        sub.name = sub.kind == EventKind.MESSAGE ? s.target().messageName
            : s.target().signalName;
        sub.correlationKey = s.correlationKey();
        sub.processInstanceKey = owner.processInstanceKey;
        sub.elementInstanceKey = owner.key;
        sub.processDefinitionKey = owner.processDefinitionKey;
        sub.targetElementId = s.target().id;
        state.addSubscription(sub);
        owner.waitKeys.add(sub.key);
        opened.add(sub);
      }
    }
    state.save(owner);
    for (Subscription sub : opened) {
      if (sub.kind == EventKind.MESSAGE && state.subscriptions.containsKey(sub.key)) {
        correlateBuffered(sub);
      }
    }
  }

  /** Closes an element's timers, subscriptions and job. */
  void close(ElementInstance ei) {
    if (!ei.waitKeys.isEmpty()) {
      for (Long k : ei.waitKeys) {
        Timer t = state.timers.get(k);
        if (t != null) {
          state.removeTimer(t);
        }
        Subscription s = state.subscriptions.get(k);
        if (s != null) {
          state.removeSubscription(s);
        }
      }
      ei.waitKeys.clear();
      state.save(ei);
    }
    if (ei.jobKey != 0) {
      Job j = state.jobs.get(ei.jobKey);
      if (j != null) {
        engine.jobs.cancel(j);
      }
      ei.jobKey = 0;
      state.save(ei);
    }
  }

  static String correlationKeyString(Object ck) {
    if (ck instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(ck);
  }

  /** Evaluates a timer definition: a duration, a date or a cycle (R[n]/duration). */
  TimerSpec timerSpec(Node t, Map<String, Object> vars) {
    Object v = engine.feel.evaluate(t.timerExpression, vars);
    String text = v == null ? "null" : String.valueOf(v).trim();
    long now = state.now();
    try {
      switch (t.timerKind) {
        case DURATION -> {
          return new TimerSpec(now + Duration.parse(text).toMillis(), 0, null);
        }
        case DATE -> {
          long at;
          try {
            at = OffsetDateTime.parse(text).toInstant().toEpochMilli();
          } catch (DateTimeParseException e) {
            at = ZonedDateTime.parse(text).toInstant().toEpochMilli();
          }
          return new TimerSpec(at, 0, null);
        }
        case CYCLE -> {
          // R<n>/<duration> or R/<duration> (forever)
          String[] parts = text.split("/");
          if (parts.length != 2 || !parts[0].startsWith("R")) {
            throw new DateTimeParseException("expected R<n>/<duration>", text, 0);
          }
          int reps = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
          long interval = Duration.parse(parts[1]).toMillis();
          return new TimerSpec(now + interval, reps, parts[1]);
        }
        default -> throw new IllegalStateException();
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IncidentException(IncidentType.EXTRACT_VALUE_ERROR, "Invalid timer "
          + t.timerKind.name().toLowerCase() + " '" + text + "' of '" + t.id + "' (expected"
          + " ISO-8601, e.g. PT10S, 2030-01-01T10:00:00Z or R3/PT1M)");
    }
  }

  // ====================================================================== firing

  /** A timer fell due. */
  void fireTimer(long key, long due) {
    Timer t = state.timers.get(key);
    if (t == null || t.dueAt != due) {
      return;
    }
    // repetitions: the firings left, this one included (R3 → 3, 2, 1), or -1 for R/ (forever)
    boolean repeat = t.interval != null && (t.repetitions < 0 || t.repetitions > 1);
    if (t.processInstanceKey == 0) {
      Definition d = state.definitions.get(t.processDefinitionKey);
      if (d == null || state.latest(d.bpmnProcessId) != d) {
        state.removeTimer(t);
        return;
      }
      if (repeat) {
        reschedule(t);
      } else {
        state.removeTimer(t);
      }
      engine.lifecycle.createProcessInstance(d, Map.of(), t.targetElementId, 0, root -> { });
      return;
    }
    ElementInstance owner = state.element(t.elementInstanceKey);
    if (owner == null) {
      state.removeTimer(t);
      return;
    }
    Node target = state.model(owner).node(t.targetElementId);
    if (nonInterrupting(target) && repeat) {
      reschedule(t);
    } else if (nonInterrupting(target)) {
      state.removeTimer(t);
      owner.waitKeys.remove(t.key);
      state.save(owner);
    }
    trigger(owner, target, Map.of());
  }

  /** A non-interrupting boundary event or event sub-process: its wait stays open when it fires. */
  private static boolean nonInterrupting(Node target) {
    return (target.kind == Kind.BOUNDARY_EVENT || target.inEventSubProcess)
        && !target.cancelActivity;
  }

  private void reschedule(Timer t) {
    t.dueAt = t.dueAt + Duration.parse(t.interval).toMillis();
    if (t.repetitions > 0) {
      t.repetitions--;
    }
    state.save(t);
    state.due(t.dueAt, State.DueKind.TIMER, t.key);
  }

  /** An event happened for an element waiting on it: its behaviour, or the boundary's, acts. */
  void trigger(ElementInstance owner, Node target, Map<String, Object> payload) {
    if (owner.done) {
      return;
    }
    if (target.kind == Kind.BOUNDARY_EVENT) {
      engine.boundaryEvents.onEvent(owner, target, payload);
    } else if (target.inEventSubProcess) {
      engine.eventSubProcesses.trigger(owner, target, payload);
    } else {
      engine.behaviors.of(state.node(owner)).onEvent(owner, target, payload);
    }
  }

  // ====================================================================== messages and signals

  /**
   * Correlates a published message to open subscriptions and message start events; the first
   * process instance it reached (as Zeebe answers a correlation: an instance a message start
   * event created before one whose subscription it triggered), or 0 when it reached none.
   */
  long correlate(Message m) {
    long started = 0;
    long triggered = 0;
    for (Subscription s : state.subscriptionsFor(new EventName(EventKind.MESSAGE, m.name))) {
      if (!state.subscriptions.containsKey(s.key)) {
        continue;
      }
      if (s.processInstanceKey == 0) {
        Definition d = state.definitions.get(s.processDefinitionKey);
        if (d != null && m.startedProcesses.add(d.bpmnProcessId)) {
          long k = engine.lifecycle.createProcessInstance(d, m.variables, s.targetElementId, 0,
              r -> { }).processInstanceKey;
          started = started == 0 ? k : started;
        }
        continue;
      }
      if (!m.correlationKey.equals(s.correlationKey)
          || m.correlatedInstances.contains(s.processInstanceKey)) {
        continue;
      }
      m.correlatedInstances.add(s.processInstanceKey);
      if (deliver(s, m.variables) && triggered == 0) {
        triggered = s.processInstanceKey;
      }
    }
    return started != 0 ? started : triggered;
  }

  /** Whether a message would reach an instance: a subscription or a start event waits for it. */
  boolean awaited(String name, String correlationKey) {
    for (Subscription s : state.subscriptionsFor(new EventName(EventKind.MESSAGE, name))) {
      if (s == null || !state.subscriptions.containsKey(s.key)) {
        continue;
      }
      if (s.processInstanceKey == 0 ? state.definitions.get(s.processDefinitionKey) != null
          : correlationKey.equals(s.correlationKey) && live(state.element(s.elementInstanceKey))) {
        return true;
      }
    }
    return false;
  }

  private static boolean live(ElementInstance owner) {
    return owner != null && !owner.done;
  }

  /** Delivers an event to a subscription's element; whether that element still waited. */
  private boolean deliver(Subscription s, Map<String, Object> variables) {
    ElementInstance owner = state.element(s.elementInstanceKey);
    if (owner == null) {
      state.removeSubscription(s);
      return false;
    }
    Node target = state.model(owner).node(s.targetElementId);
    boolean keep = nonInterrupting(target);
    if (!keep) {
      state.removeSubscription(s);
      owner.waitKeys.remove(s.key);
      state.save(owner);
    }
    boolean waited = !owner.done;
    trigger(owner, target, variables);
    return waited;
  }

  /** A new subscription takes the oldest matching buffered message it has not had. */
  private void correlateBuffered(Subscription s) {
    long now = state.now();
    TreeMap<Long, Message> candidates = s.processInstanceKey == 0
        ? state.messagesByName.get(s.name)
        : state.messagesByCorrelation.get(new MessageKey(s.name, s.correlationKey));
    if (candidates == null) {
      return;
    }
    for (Message m : new ArrayList<>(candidates.values())) {
      if (m.expiresAt <= now || !m.name.equals(s.name)) {
        continue;
      }
      if (s.processInstanceKey == 0) {
        Definition d = state.definitions.get(s.processDefinitionKey);
        if (d != null && m.startedProcesses.add(d.bpmnProcessId)) {
          state.save(m);
          engine.lifecycle.createProcessInstance(d, m.variables, s.targetElementId, 0, r -> { });
        }
        continue;
      }
      if (m.correlationKey.equals(s.correlationKey)
          && !m.correlatedInstances.contains(s.processInstanceKey)) {
        m.correlatedInstances.add(s.processInstanceKey);
        state.save(m);
        deliver(s, m.variables);
        return;
      }
    }
  }

  /** A buffered message's time to live ran out. */
  void expireMessage(long key, long now) {
    Message m = state.messages.get(key);
    if (m != null && m.expiresAt <= now) {
      state.removeMessage(m);
    }
  }

  /** Delivers a signal to every waiting element and signal start event. */
  void broadcastSignal(String name, Map<String, Object> variables) {
    for (Subscription s : state.subscriptionsFor(new EventName(EventKind.SIGNAL, name))) {
      if (!state.subscriptions.containsKey(s.key)) {
        continue;
      }
      if (s.processInstanceKey == 0) {
        Definition d = state.definitions.get(s.processDefinitionKey);
        if (d != null) {
          engine.lifecycle.createProcessInstance(d, variables, s.targetElementId, 0, r -> { });
        }
      } else {
        deliver(s, variables);
      }
    }
  }

  // ====================================================================== start events

  /**
   * Checks the timer start events of a process before it is deployed; the first bad timer's
   * message, or null.
   */
  String checkStartTimers(ProcessModel model) {
    for (String id : model.timerStarts) {
      try {
        timerSpec(model.node(id), Map.of());
      } catch (IncidentException | Feel.FeelException e) {
        return e.getMessage();
      }
    }
    return null;
  }

  /**
   * Checks that an element's waits could be opened with these variables (timers and correlation
   * keys evaluate); the first problem's message, or null. Changes nothing.
   */
  String checkWaits(List<Node> targets, Map<String, Object> vars) {
    for (Node t : targets) {
      try {
        switch (t.trigger) {
          case TIMER -> timerSpec(t, vars);
          case MESSAGE -> {
            Object ck = engine.feel.evaluate(t.correlationKey, vars);
            if (!(ck instanceof String) && !(ck instanceof Number)) {
              return "the correlation key '" + t.correlationKey + "' of '" + t.id + "' must be"
                  + " a string or a number, but was " + Feel.describe(ck);
            }
          }
          default -> { }
        }
      } catch (IncidentException | Feel.FeelException e) {
        return e.getMessage();
      }
    }
    return null;
  }

  /** Opens the start subscriptions and timers of a new latest version, closing the previous. */
  void openStartEvents(Definition d, Definition previous) {
    if (previous != null) {
      for (Subscription s : new ArrayList<>(state.subscriptions.values())) {
        if (s.processInstanceKey == 0 && s.processDefinitionKey == previous.key) {
          state.removeSubscription(s);
        }
      }
      for (Timer t : new ArrayList<>(state.timers.values())) {
        if (t.processInstanceKey == 0 && t.processDefinitionKey == previous.key) {
          state.removeTimer(t);
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
      TimerSpec spec = timerSpec(d.model.node(id), Map.of());
      Timer t = new Timer();
      t.key = state.newKey();
      t.dueAt = spec.dueAt();
      t.processDefinitionKey = d.key;
      t.targetElementId = id;
      t.repetitions = spec.repetitions();
      t.interval = spec.interval();
      state.addTimer(t);
    }
    for (Subscription s : opened) {
      correlateBuffered(s);
    }
  }

  private Subscription startSubscription(Definition d, Node n, EventKind kind) {
    Subscription s = new Subscription();
    s.key = state.newKey();
    s.kind = kind;
    s.name = kind == EventKind.MESSAGE ? n.messageName : n.signalName;
    s.processDefinitionKey = d.key;
    s.targetElementId = n.id;
    state.addSubscription(s);
    return s;
  }
}
