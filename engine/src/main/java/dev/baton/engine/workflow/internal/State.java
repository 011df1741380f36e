package dev.baton.engine.workflow.internal;

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
    SUBSCRIPTION("wf_subscription"), MESSAGE("wf_message"), INCIDENT("wf_incident");

    final String name;

    Table(String name) {
      this.name = name;
    }
  }

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
    /** ACTIVATING or COMPLETING while an incident blocks that step, else ACTIVE. */
    String phase = "ACTIVE";
    Map<String, Object> variables = new LinkedHashMap<>();
    int activeChildren;
    Map<String, Integer> joinTokens = new LinkedHashMap<>();
    long jobKey;
    List<Long> waitKeys = new ArrayList<>();
    /** 0 plain, 1 multi-instance body, 2 multi-instance inner instance. */
    int mi;
    int loopCounter;
    List<Object> miItems;
    int miStarted;
    int miCompleted;
    long calledInstanceKey;
    long callerElementInstanceKey;
    boolean done;

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
    String state = "ACTIVATABLE";
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
    String kind;
    String name;
    String correlationKey;
    long processInstanceKey;
    long elementInstanceKey;
    long processDefinitionKey;
    String targetElementId;

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
    String errorType;
    String errorMessage;
    long processInstanceKey;
    long elementInstanceKey;
    String elementId;
    long jobKey;
    /** What resolving retries: JOB, ACTIVATE, COMPLETE or THROW. */
    String retry;
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
