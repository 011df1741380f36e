package dev.baton.engine.battlepack;

import dev.baton.engine.BatonException;
import io.camunda.client.CamundaClient;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The battle-pack workflow, running: the {@value VisitRequests#PROCESS_ID} BPMN deployed through
 * the official client and the {@link BattlePackWorkers} opened on it. The same code runs against
 * the embedded engine and against a Camunda 8 cluster; only the client differs.
 *
 * <pre>{@code
 * try (BattlePackRuntime battle = BattlePackRuntime.start(client, services,
 *     BattlePackRuntime.bundledBpmn())) {
 *   long instance = battle.startVisit(DemoData.VISIT_AI_ALLOWED);
 *   // ... reviewers decide:
 *   battle.decide(packId, ReviewRole.LEGAL, ReviewVerdict.approve(ReviewRole.LEGAL, "li", "ok"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing stops the workers; the client stays the caller's.
 */
public final class BattlePackRuntime implements AutoCloseable {
  /**
   * How long a {@code review-decided} message (earlier, message-based BPMN versions) waits for
   * its workflow when published early.
   */
  public static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);

  private final CamundaClient client;
  private final BattlePackServices services;
  private final Closeable workers;
  private final long processDefinitionKey;

  private BattlePackRuntime(CamundaClient client, BattlePackServices services, Closeable workers,
      long processDefinitionKey) {
    this.client = client;
    this.services = services;
    this.workers = workers;
    this.processDefinitionKey = processDefinitionKey;
  }

  /**
   * Deploys the workflow (a deployment of unchanged BPMN is a no-op for the engine's versioning
   * as far as callers are concerned: the latest version runs) and opens the workers.
   *
   * @param bpmn the BPMN XML of {@value VisitRequests#PROCESS_ID}, e.g. {@link #bundledBpmn()}
   * @throws BatonException when the deployment is refused (with the engine's message)
   */
  public static BattlePackRuntime start(CamundaClient client, BattlePackServices services,
      byte[] bpmn) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(services, "services");
    long key;
    try {
      key = client.newDeployResourceCommand()
          .addResourceBytes(bpmn, "visit-battle-pack.bpmn")
          .requestTimeout(Duration.ofSeconds(60)) // at start-up, next to schema migrations
          .send().join()
          .getProcesses().stream()
          .filter(p -> p.getBpmnProcessId().equals(VisitRequests.PROCESS_ID))
          .findFirst()
          .orElseThrow(() -> new BatonException("The BPMN does not define the process '"
              + VisitRequests.PROCESS_ID + "': deploy rule-packs/workflows/visit-battle-pack.bpmn."))
          .getProcessDefinitionKey();
    } catch (BatonException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BatonException("Cannot deploy the battle-pack workflow: " + e.getMessage(), e);
    }
    return new BattlePackRuntime(client, services, BattlePackWorkers.open(client, services), key);
  }

  /**
   * The BPMN shipped in the rule-packs jar ({@value VisitRequests#BPMN_RESOURCE}).
   *
   * @throws BatonException when the rule-packs jar is not on the class path
   */
  public static byte[] bundledBpmn() {
    ClassLoader loader = BattlePackRuntime.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(VisitRequests.BPMN_RESOURCE)) {
      if (in == null) {
        throw new BatonException("The battle-pack workflow " + VisitRequests.BPMN_RESOURCE
            + " is not on the class path: add the baton-rule-packs jar.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The deployed process definition's key. */
  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  /** The services the workers use (reviews, packs, history). */
  public BattlePackServices services() {
    return services;
  }

  /** Starts the workflow for a visit request; returns the process instance key. */
  public long startVisit(VisitRequest request) {
    return VisitRequests.start(client, request);
  }

  /** As {@link #startVisit(VisitRequest)}, escalating reviews after {@code reviewTimeout}. */
  public long startVisit(VisitRequest request, Duration reviewTimeout) {
    return VisitRequests.start(client, request, reviewTimeout);
  }

  /** The role's open review items, the earliest due first. */
  public List<ReviewItem> pendingReviews(ReviewRole role) {
    return services.reviews().pending(role);
  }

  /**
   * Records a reviewer's verdict in the review queue (which checks the role and four eyes) and
   * then hands it to the workflow: completes the review's user task with the recorded verdict
   * ({@link ReviewTasks#deliver}), or, for an instance of an earlier, message-based version of
   * the BPMN, publishes its {@code review-decided} message. The verdict is stored first; if the
   * engine cannot be reached the verdict stays and {@link #republish} delivers it again.
   *
   * @throws ReviewRefusedException when the verdict is refused; nothing changes
   * @throws BatonException when the verdict cannot be delivered (the verdict is kept)
   */
  public ReviewMessage decide(String packId, ReviewRole role, ReviewVerdict verdict) {
    ReviewMessage message = services.reviews().decide(packId, role, verdict,
        services.clock().instant());
    deliver(packId, role, message);
    return message;
  }

  /**
   * Delivers the verdict of an already decided item again (completes its review task, or
   * publishes its message for an earlier version); harmless when it was delivered before.
   *
   * @throws ReviewRefusedException when the item is still open or unknown
   */
  public ReviewMessage republish(String packId, ReviewRole role) {
    ReviewMessage message = services.reviews().messageFor(packId, role).orElseThrow(
        () -> new ReviewRefusedException(ReviewRefusedException.Reason.UNKNOWN_ITEM, "No verdict for " + ReviewItem.correlationKey(packId,
            role) + " yet: decide the review first."));
    deliver(packId, role, message);
    return message;
  }

  /** The client the runtime works with (REST is needed for the review tasks). */
  public CamundaClient client() {
    return client;
  }

  private ReviewTasks.Delivery deliver(String packId, ReviewRole role, ReviewMessage message) {
    ReviewItem item = services.reviews().item(packId, role).orElseThrow();
    try {
      return ReviewTasks.deliver(client, item, message, MESSAGE_TIME_TO_LIVE);
    } catch (RuntimeException e) {
      throw new BatonException("The verdict on " + message.correlationKey() + " is stored but"
          + " could not be handed to the workflow (" + e.getMessage() + "); deliver it again"
          + " with republish once the workflow engine is reachable.", e);
    }
  }

  @Override
  public void close() {
    try {
      workers.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
