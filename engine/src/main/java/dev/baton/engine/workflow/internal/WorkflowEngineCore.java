package dev.baton.engine.workflow.internal;

import dev.baton.engine.workflow.RuleDecisions;
import dev.baton.engine.workflow.internal.State.Due;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BPMN engine's command loop. One thread applies commands to the in-memory state, batch by
 * batch; each batch's changes are written in one transaction ({@link EngineState#commit}), and
 * only then are its commands answered. A refused command changes nothing; an unexpected failure
 * discards the batch and reloads the state from the database.
 *
 * <p>Layers: protocol adapters submit {@link Commands}; the commands drive elements through
 * {@link ElementLifecycle}, which calls one {@link ElementBehavior} per element kind; all state
 * lives in {@link EngineState}. Nothing here knows a wire protocol.
 */
public final class WorkflowEngineCore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngineCore.class);
  private static final int MAX_BATCH = 500;
  private static final long ENGINE_STACK_BYTES = 512L * 1024 * 1024;

  final Feel feel = new Feel();
  final EngineState state;
  final Variables variables;
  final Incidents incidents;
  final Jobs jobs;
  final UserTasks userTasks;
  final Events events;
  final ElementLifecycle lifecycle;
  final BoundaryEventBehavior boundaryEvents;
  final MultiInstanceBehavior multiInstance;
  final CallActivityBehavior callActivities;
  final InclusiveGatewayBehavior inclusiveGateways;
  final ExecutionListeners executionListeners;
  final EventSubProcessBehavior eventSubProcesses;
  final Escalations escalations;
  final AdHocSubProcessBehavior adHocSubProcesses;
  final CompensationBehavior compensation;
  final Behaviors behaviors;
  private final Commands commands;
  /** Evaluates business rule tasks that name Baton rule packs; null when none is configured. */
  RuleDecisions ruleDecisions;

  private List<Runnable> afterCommit = new ArrayList<>();
  private final Set<String> typesToDispatch = new LinkedHashSet<>();
  private Listener listener = new Listener() { };

  private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * What the engine tells its protocol adapter, on the engine thread, inside the batch (so an
   * adapter may run commands' effects such as activating jobs).
   */
  public interface Listener {
    /** Jobs of a type became activatable. */
    default void jobsAvailable(String type) {}

    /** A process instance completed with these variables. */
    default void processCompleted(long processInstanceKey, Map<String, Object> variables) {}

    /** A batch starts at this time: time out waiting requests. */
    default void tick(long now) {}
  }

  /**
   * A unit of work on the engine thread: returns null when it was applied, or why it was
   * refused (then it must have changed nothing).
   */
  @FunctionalInterface
  public interface Work {
    Refusal run();
  }

  private record Queued(Work work, Consumer<Refusal> onRefused) {}

  WorkflowEngineCore(WorkflowStore store, Clock clock) {
    this.state = new EngineState(store, clock);
    this.variables = new Variables(state, feel);
    this.incidents = new Incidents(this);
    this.jobs = new Jobs(this);
    this.userTasks = new UserTasks(this);
    this.events = new Events(this);
    this.lifecycle = new ElementLifecycle(this);
    this.boundaryEvents = new BoundaryEventBehavior(this);
    this.multiInstance = new MultiInstanceBehavior(this);
    this.callActivities = new CallActivityBehavior(this);
    this.inclusiveGateways = new InclusiveGatewayBehavior(this);
    this.executionListeners = new ExecutionListeners(this);
    this.eventSubProcesses = new EventSubProcessBehavior(this);
    this.escalations = new Escalations(this);
    this.adHocSubProcesses = new AdHocSubProcessBehavior(this);
    this.compensation = new CompensationBehavior(this);
    this.behaviors = new Behaviors(this);
    this.commands = new Commands(this);
    // a large stack: elements that do not wait are activated one inside the other, up to
    // ElementLifecycle.MAX_STEPS_WITHOUT_WAIT deep
    this.thread = new Thread(null, this::loop, "baton-workflow-engine", ENGINE_STACK_BYTES);
    this.thread.setDaemon(true);
  }

  /** The commands; call them only inside {@link #submit}ted work. */
  public Commands commands() {
    return commands;
  }

  /** The user-task commands; call them only inside {@link #submit}ted work. */
  public UserTasks userTasks() {
    return userTasks;
  }

  /** Sets what evaluates Baton rule packs in business rule tasks (or null); before start. */
  void ruleDecisions(RuleDecisions decisions) {
    this.ruleDecisions = decisions;
  }

  /** Sets the adapter's listener; before {@link #start}. */
  public void listener(Listener listener) {
    this.listener = listener;
  }

  void start() {
    thread.start();
  }

  /** The engine's clock, in epoch millis. */
  public long now() {
    return state.now();
  }

  /**
   * Runs work on the engine thread in the next batch; onRefused gets its refusal, or an
   * UNAVAILABLE or INTERNAL one when the engine stops or the batch cannot be committed.
   */
  public void submit(Work work, Consumer<Refusal> onRefused) {
    if (!running) {
      onRefused.accept(new Refusal(Refusal.Kind.UNAVAILABLE, "The workflow engine is shutting"
          + " down"));
      return;
    }
    queue.add(new Queued(work, onRefused));
  }

  /** Runs after the current batch is committed (responses, pushes); engine thread only. */
  public void afterCommit(Runnable r) {
    afterCommit.add(r);
  }

  /** Jobs of a type became activatable: the listener is told once per batch. */
  void jobsAvailable(String type) {
    typesToDispatch.add(type);
  }

  /** Asks for the listener's {@code jobsAvailable} for a type in this batch. */
  public void dispatchLater(String type) {
    typesToDispatch.add(type);
  }

  void processCompleted(long key, Map<String, Object> variables) {
    listener.processCompleted(key, variables);
  }

  private void loop() {
    List<Queued> batch = new ArrayList<>();
    while (running) {
      try {
        long wait = 1000;
        Due due = state.nextDue();
        if (due != null) {
          wait = Math.max(0, Math.min(wait, due.at() - now()));
        }
        Queued first = wait == 0 ? queue.poll() : queue.poll(wait, TimeUnit.MILLISECONDS);
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

  private void processBatch(List<Queued> batch) {
    state.beginBatch();
    afterCommit = new ArrayList<>();
    List<Queued> accepted = new ArrayList<>();
    Throwable failure = null;
    try {
      long now = now();
      listener.tick(now);
      fireDue(now);
      for (Queued c : batch) {
        Refusal refusal = c.work().run();
        if (refusal == null) {
          accepted.add(c);
        } else {
          c.onRefused().accept(refusal);
        }
      }
      for (String type : new ArrayList<>(typesToDispatch)) {
        listener.jobsAvailable(type);
      }
      typesToDispatch.clear();
    } catch (RuntimeException | StackOverflowError e) {
      failure = e;
      LOG.error("A workflow command failed unexpectedly; its batch is discarded", e);
    }
    if (failure == null) {
      try {
        state.commit();
      } catch (RuntimeException e) {
        failure = e;
        LOG.error("Writing workflow state failed; the batch is discarded", e);
      }
    }
    if (failure != null) {
      Refusal error = new Refusal(Refusal.Kind.INTERNAL, "The workflow engine could not apply"
          + " the command: " + failure);
      for (Queued c : accepted) {
        c.onRefused().accept(error);
      }
      typesToDispatch.clear();
      state.reload();
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

  private void fireDue(long now) {
    for (Due d; (d = state.pollDue(now)) != null; ) {
      switch (d.kind()) {
        case TIMER -> events.fireTimer(d.key(), d.at());
        case JOB_TIMEOUT, JOB_RETRY -> jobs.due(d.kind(), d.key(), d.at());
        case MESSAGE_EXPIRY -> events.expireMessage(d.key(), now);
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
    Refusal closed = new Refusal(Refusal.Kind.UNAVAILABLE, "The workflow engine stopped");
    for (Queued c; (c = queue.poll()) != null; ) {
      c.onRefused().accept(closed);
    }
  }
}
