package dev.baton.engine.battlepack;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The review user tasks of the {@code visit-battle-pack} workflow (Camunda user tasks, {@code
 * zeebe:userTask}, one per review: candidate group {@code legal}, {@code finance} or {@code
 * manager}), worked through the official client's user-task search, assignment and completion,
 * so the same code works on Baton's embedded engine and on a Camunda 8 cluster. The client must
 * reach the REST API (the Orchestration Cluster API v2): user-task commands exist only there.
 *
 * <p><b>Who decides.</b> Completing a review task is not how a verdict is given: a verdict is
 * first recorded in the {@link ReviewQueue} (which checks the reviewer's role and four eyes),
 * and {@link #deliver} then completes the task with the <em>recorded</em> verdict. The release
 * and return steps compare the verdicts the workflow received with the queue's records, so a
 * task completed by anyone else (e.g. a raw REST completion with a forged verdict) releases
 * nothing: it ends in an incident.
 *
 * <p><b>Earlier workflow versions.</b> Instances started on a version of the BPMN that waits
 * for {@code review-decided} messages have no review task; for them {@link #deliver} publishes
 * the verdict's message as before, so they finish on their own version.
 *
 * <p>Thread-safe (stateless); every call goes to the engine.
 */
public final class ReviewTasks {
  /** How long {@link #deliver} waits for a task created just after its review was queued. */
  static final Duration TASK_APPEARS_WITHIN = Duration.ofSeconds(2);

  private ReviewTasks() {}

  /** What {@link #deliver} did. */
  public enum Delivery {
    /** The open review task was completed with the recorded verdict. */
    TASK_COMPLETED,
    /** The review task was completed before (a delivery repeated); nothing changed. */
    TASK_ALREADY_ENDED,
    /** No review task: the instance runs an earlier, message-based version; message published. */
    MESSAGE_PUBLISHED,
    /** As {@link #MESSAGE_PUBLISHED}, but the engine had that message already. */
    MESSAGE_ALREADY_PUBLISHED
  }

  /** The BPMN element id of a role's review task, e.g. {@code legal-review-task}. */
  public static String elementId(ReviewRole role) {
    return switch (role) {
      case LEGAL -> "legal-review-task";
      case FINANCE -> "finance-review-task";
      case MANAGER -> "manager-approval-task";
    };
  }

  /** The role whose review task has this element id, if any. */
  public static Optional<ReviewRole> roleOf(String elementId) {
    for (ReviewRole r : ReviewRole.values()) {
      if (elementId(r).equals(elementId)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The open review tasks of a role (candidate group = the role's name) of every battle-pack
   * instance, the earliest created first.
   */
  public static List<UserTask> open(CamundaClient client, ReviewRole role) {
    return client.newUserTaskSearchRequest()
        .filter(f -> f.bpmnProcessId(VisitRequests.PROCESS_ID).elementId(elementId(role))
            .candidateGroup(role.wire()).state(UserTaskState.CREATED))
        .sort(s -> s.creationDate().asc())
        .page(p -> p.limit(1000))
        .send().join().items();
  }

  /** The review task of a role in one instance (open or ended), if it was created. */
  public static Optional<UserTask> of(CamundaClient client, long processInstanceKey,
      ReviewRole role) {
    List<UserTask> tasks = client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId(role)))
        .send().join().items();
    return tasks.stream().filter(t -> t.getState() == UserTaskState.CREATED).findFirst()
        .or(() -> tasks.stream().findFirst());
  }

  /**
   * Claims a review task for a reviewer (assignment; someone else's claim is kept and the
   * engine answers 409, which the client throws).
   */
  public static void claim(CamundaClient client, long userTaskKey, String reviewer) {
    Objects.requireNonNull(reviewer, "reviewer");
    client.newAssignUserTaskCommand(userTaskKey).assignee(reviewer).allowOverride(false)
        .send().join();
  }

  /**
   * Gives a claimed review task back to its candidate group (unassignment), so another reviewer
   * may claim it. Harmless when no one holds it.
   */
  public static void unclaim(CamundaClient client, long userTaskKey) {
    client.newUnassignUserTaskCommand(userTaskKey).send().join();
  }

  /**
   * Hands a recorded verdict to the workflow: completes the item's open review task with the
   * verdict's variables ({@code approved}, {@code comment}, {@code reviewer}, {@code role}),
   * assigning it to the reviewer first when someone else (or no one) holds it; or, for an
   * instance of an earlier, message-based version, publishes the verdict's message. Repeating
   * it is harmless.
   *
   * @param verdict the recorded verdict's message, from {@link ReviewQueue#decide} or {@link
   *     ReviewQueue#messageFor}
   * @throws RuntimeException (the client's) when the engine cannot be reached
   */
  public static Delivery deliver(CamundaClient client, ReviewItem item, ReviewMessage verdict,
      Duration messageTimeToLive) {
    Optional<UserTask> task = of(client, item.processInstanceKey(), item.role());
    if (task.isEmpty()) {
      // an earlier version waits for the message; publishing it is harmless for a new one
      boolean published = verdict.publish(client, messageTimeToLive);
      task = awaitTask(client, item); // just queued: the task is being created
      if (task.isEmpty()) {
        return published ? Delivery.MESSAGE_PUBLISHED : Delivery.MESSAGE_ALREADY_PUBLISHED;
      }
    }
    UserTask t = task.get();
    if (t.getState() != UserTaskState.CREATED) {
      return Delivery.TASK_ALREADY_ENDED;
    }
    String reviewer = String.valueOf(verdict.variables().get("reviewer"));
    if (!reviewer.equals(t.getAssignee())) {
      client.newAssignUserTaskCommand(t.getUserTaskKey()).assignee(reviewer).allowOverride(true)
          .send().join();
    }
    try {
      client.newCompleteUserTaskCommand(t.getUserTaskKey()).variables(verdict.variables())
          .send().join();
    } catch (RuntimeException e) {
      // completed by a concurrent delivery in the meantime: the same verdict, nothing to do
      if (of(client, item.processInstanceKey(), item.role())
          .filter(u -> u.getState() != UserTaskState.CREATED).isPresent()) {
        return Delivery.TASK_ALREADY_ENDED;
      }
      throw e;
    }
    return Delivery.TASK_COMPLETED;
  }

  private static Optional<UserTask> awaitTask(CamundaClient client, ReviewItem item) {
    long deadline = System.nanoTime() + TASK_APPEARS_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      Optional<UserTask> t = of(client, item.processInstanceKey(), item.role());
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /** A short description of a delivery, for messages. */
  public static String describe(Delivery d, ReviewItem item) {
    String what = item.role().wire() + " review of " + item.packId();
    return switch (d) {
      case TASK_COMPLETED -> "the " + what + " task was completed";
      case TASK_ALREADY_ENDED -> "the " + what + " task was completed before";
      case MESSAGE_PUBLISHED -> "the workflow (an earlier, message-based version) was sent "
          + ReviewMessage.NAME + " " + item.itemId();
      case MESSAGE_ALREADY_PUBLISHED -> "the workflow (an earlier, message-based version) had "
          + ReviewMessage.NAME + " " + item.itemId() + " already";
    };
  }
}
