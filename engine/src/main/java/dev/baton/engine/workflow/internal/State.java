package dev.baton.engine.workflow.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's durable state, one class per table. Each row is the entity's key plus the entity
 * as JSON; the runtime holds all of it in memory and writes what a command batch changed.
 */
final class State {
  private State() {}

  /** A stored entity. */
  interface Entity {
    long key();

    Table table();
  }

  /** The tables of the workflow changelog. */
  enum Table {
    ELEMENT("wf_element_instance"), JOB("wf_job"), TIMER("wf_timer"),
    SUBSCRIPTION("wf_subscription"), MESSAGE("wf_message"), INCIDENT("wf_incident"),
    USER_TASK("wf_user_task");

    final String name;

    Table(String name) {
      this.name = name;
    }
  }

  /** Where an element instance is in its lifecycle; a step blocked by an incident stays there. */
  enum Phase {
    /** Activated (or its activation completed): it runs or waits. */
    ACTIVE,
    /** Its activation failed with an incident; resolving activates it again. */
    ACTIVATING,
    /** Its completion failed with an incident; resolving completes it again. */
    COMPLETING
  }

  /**
   * An element instance's part in multi-instance. Stored as 0, 1, 2 (the rows written before
   * the enum existed).
   */
  enum Role {
    PLAIN(0), BODY(1), INNER(2);

    private final int code;

    Role(int code) {
      this.code = code;
    }

    @JsonValue
    int code() {
      return code;
    }

    @JsonCreator
    static Role of(int code) {
      for (Role r : values()) {
        if (r.code == code) {
          return r;
        }
      }
      throw new IllegalArgumentException("unknown multi-instance role " + code);
    }
  }

  /**
   * What a job is for, as Zeebe names it: the element's own work, an execution or user task
   * listener, or the job worker of an ad-hoc sub-process.
   */
  enum JobKind { BPMN_ELEMENT, EXECUTION_LISTENER, TASK_LISTENER, AD_HOC_SUB_PROCESS }

  /**
   * When a listener runs: an execution listener before the element's work (START) or after it
   * (END); a user task listener during a transition of its task (the others, Zeebe's names).
   */
  enum ListenerEvent { START, END, CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING }

  /** A job's state, as Zeebe names it. */
  enum JobState { ACTIVATABLE, ACTIVATED, FAILED, ERROR_THROWN }

  /** What a subscription waits for. */
  enum EventKind { MESSAGE, SIGNAL }

  /** Zeebe's incident error types that the engine raises. */
  enum IncidentType {
    JOB_NO_RETRIES, UNHANDLED_ERROR_EVENT, EXTRACT_VALUE_ERROR, CONDITION_ERROR,
    CALLED_ELEMENT_ERROR, CALLED_DECISION_ERROR, DECISION_EVALUATION_ERROR, UNKNOWN
  }

  /** What resolving an incident retries. */
  enum Retry {
    /** The job is made activatable again. */
    JOB,
    /** The element is activated again. */
    ACTIVATE,
    /** The element is completed again. */
    COMPLETE
  }

  /** What falls due at a time: the engine thread's wake-ups. */
  enum DueKind { TIMER, JOB_TIMEOUT, JOB_RETRY, MESSAGE_EXPIRY }

  /**
   * Something due at a time; stale entries (the entity changed or went) are skipped when they
   * fall due, so nothing is removed from the queue early.
   */
  record Due(long at, DueKind kind, long key) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      return Long.compare(at, o.at);
    }
  }

  /** A message's identity for correlation: its name and correlation key. */
  record MessageKey(String name, String correlationKey) {}

  /** A published message id, unique per name and correlation key while buffered. */
  record MessageId(MessageKey message, String id) {}

  /** The subscriptions index's key: message or signal, and its name. */
  record EventName(EventKind kind, String name) {}

  /** A deployed process version. */
  static final class Definition {
    long key;
    String bpmnProcessId;
    int version;
    String resourceName;
    String xml;
    long deploymentKey;
    /** Epoch millis; 0 for deployments stored before it was recorded. */
    long deployedAt;
    transient ProcessModel model;
  }

  /** An element instance; the process instance is the root one (its key is the instance key). */
  static final class ElementInstance implements Entity {
    long key;
    long processInstanceKey;
    long parentKey;
    long processDefinitionKey;
    String bpmnProcessId;
    int version;
    String elementId;
    Phase phase = Phase.ACTIVE;
    Map<String, Object> variables = new LinkedHashMap<>();
    int activeChildren;
    /** Tokens waiting at joining parallel gateways, by {@link #joinKey}. */
    Map<String, Integer> joinTokens = new LinkedHashMap<>();
    long jobKey;
    List<Long> waitKeys = new ArrayList<>();
    Role mi = Role.PLAIN;
    int loopCounter;
    List<Object> miItems;
    int miStarted;
    int miCompleted;
    long calledInstanceKey;
    long callerElementInstanceKey;
    /** The execution listeners being run (null: none) and the index of the current one. */
    ListenerEvent listenerEvent;
    int listenerIndex;
    /** A process instance's start element, activated once its start listeners are done. */
    String startElementId;
    /**
     * Compensation: on a scope, the completed activities with a compensation handler, in order
     * of completion (null: none); on a compensation handler, the throw event waiting for it; on
     * a compensation throw event, how many handlers it still waits for.
     */
    List<String> compensable;
    long compensationThrowKey;
    int compensationPending;
    /** An ad-hoc sub-process whose completion condition held; it completes once it is empty. */
    boolean adHocFulfilled;
    boolean done;

    /** The join-token key of a flow arriving at a gateway (the stored form). */
    static String joinKey(String gatewayId, String flowId) {
      return gatewayId + "|" + flowId;
    }

    @Override
    public long key() {
      return key;
    }

    @Override
    public Table table() {
      return Table.ELEMENT;
    }
  }

  /** A job for a worker. */
  static final class Job implements Entity {
    long key;
    String type;
    JobState state = JobState.ACTIVATABLE;
    long processInstanceKey;
    long elementInstanceKey;
    long processDefinitionKey;
    String bpmnProcessId;
    int version;
    String elementId;
    int retries;
    String worker = "";
    long deadline;
    long retryAt;
    String errorMessage = "";
    Map<String, String> headers = new LinkedHashMap<>();
    JobKind kind = JobKind.BPMN_ELEMENT;
    /** For an execution listener's job: start or end. */
    ListenerEvent listenerEvent;

    @Override
    public long key() {
      return key;
    }

    @Override
    public Table table() {
      return Table.JOB;
    }
  }

  /** A timer: on a catch event, a boundary, an event-based gateway, or a timer start event. */
  static final class Timer implements Entity {
    long key;
    long dueAt;
    long processInstanceKey;
    long elementInstanceKey;
    long processDefinitionKey;
    String targetElementId;
    int repetitions;
    String interval;

    @Override
    public long key() {
      return key;
    }

    @Override
    public Table table() {
      return Table.TIMER;
    }
  }

  /** An open message or signal subscription (processInstanceKey 0: a start event). */
  static final class Subscription implements Entity {
    long key;
    EventKind kind;
    String name;
    String correlationKey;
    long processInstanceKey;
    long elementInstanceKey;
    long processDefinitionKey;
    String targetElementId;

    EventName eventName() {
      return new EventName(kind, name);
    }

    @Override
    public long key() {
      return key;
    }

    @Override
    public Table table() {
      return Table.SUBSCRIPTION;
    }
  }

  /** A published message buffered for its time to live. */
  static final class Message implements Entity {
    long key;
    String name;
    String correlationKey;
    String messageId;
    Map<String, Object> variables = new LinkedHashMap<>();
    long expiresAt;
    Set<Long> correlatedInstances = new LinkedHashSet<>();
    Set<String> startedProcesses = new LinkedHashSet<>();

    MessageKey messageKey() {
      return new MessageKey(name, correlationKey);
    }

    @Override
    public long key() {
      return key;
    }

    @Override
    public Table table() {
      return Table.MESSAGE;
    }
  }

  /** An incident: a job without retries, an uncaught error or a failed expression. */
  static final class Incident implements Entity {
    long key;
    IncidentType errorType;
    String errorMessage;
    long processInstanceKey;
    long elementInstanceKey;
    String elementId;
    long jobKey;
    Retry retry;
    String errorCode;

    @Override
    public long key() {
      return key;
    }

    @Override
    public Table table() {
      return Table.INCIDENT;
    }
  }
}
