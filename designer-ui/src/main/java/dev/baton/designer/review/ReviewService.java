package dev.baton.designer.review;

import static dev.baton.designer.security.Role.ADMIN_;
import static dev.baton.designer.security.Role.REVIEWER_;

import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewMessage;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.battlepack.ReviewRole;
import dev.baton.engine.battlepack.ReviewTasks;
import dev.baton.engine.battlepack.ReviewVerdict;
import dev.baton.engine.battlepack.StoredPack;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The review inbox: the battle packs waiting for the signed-in reviewer's queues, and their
 * verdicts. Every method checks the designer role ({@code @RolesAllowed}) and the user's review
 * queue again on the server, so a verdict by a user without the role is refused whatever calls
 * it; a second verdict on the same review, and (four eyes, on by default) a verdict by the
 * person who decided the pack's other review, are refused by the engine's review queue. The
 * REST API's verdicts come through here too. A refused verdict changes nothing.
 */
@Service
public class ReviewService {
  private final BattlePackRuntime runtime;
  private final ReviewerRoles roles;

  public ReviewService(BattlePackRuntime runtime,
      @Value("${baton.review.legal-users:legal}") String legalUsers,
      @Value("${baton.review.finance-users:finance}") String financeUsers) {
    this.runtime = runtime;
    this.roles = ReviewerRoles.of(legalUsers, financeUsers);
  }

  /** The review queues of the signed-in user. */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public Set<ReviewRole> myRoles() {
    return roles.rolesOf(CurrentUser.name(), CurrentUser.hasAnyRole(Role.REVIEWER),
        CurrentUser.hasAnyRole(Role.ADMIN));
  }

  /**
   * The open reviews of the user's queues, the earliest due first, overdue marked: the open
   * review user tasks of the user's candidate groups (found with the official client's
   * user-task search, so it is the same on a Camunda 8 cluster), each with its review item and
   * pack; plus open items of instances of the earlier, message-based workflow version, which
   * have no task.
   */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public List<InboxEntry> inbox() {
    Instant now = runtime.services().clock().instant();
    List<InboxEntry> out = new ArrayList<>();
    for (ReviewRole r : myRoles()) {
      List<ReviewItem> open = new ArrayList<>();
      for (ReviewItem item : runtime.pendingReviews(r)) {
        if (!decidedOtherReview(item)) { // four eyes: this user may not decide it
          open.add(item);
        }
      }
      for (UserTask task : ReviewTasks.open(runtime.client(), r)) {
        ReviewItem item = open.stream()
            .filter(i -> i.processInstanceKey() == task.getProcessInstanceKey())
            .findFirst().orElse(null);
        if (item != null) {
          open.remove(item);
          out.add(InboxEntry.of(item, runtime.services().packs().pack(item.packId()), now,
              task.getUserTaskKey(), task.getAssignee()));
        }
      }
      for (ReviewItem item : open) { // no task: the earlier, message-based version
        out.add(InboxEntry.of(item, runtime.services().packs().pack(item.packId()), now));
      }
    }
    out.replaceAll(e -> e.withOtherReviews(runtime.services().reviews()
        .forPack(e.item().packId()).stream().filter(i -> i.role() != e.item().role()).toList()));
    out.sort(Comparator.comparing((InboxEntry e) -> e.item().dueAt(),
        Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  /**
   * Claims a review's user task for the signed-in user (Camunda's assignment), so the team sees
   * who works on it. Claiming gives no verdict; {@link #decide} does.
   *
   * @throws AccessDeniedException when the user does not review for that queue
   * @throws ReviewRefusedException when the review has no open task (decided meanwhile, or an
   *     instance of the earlier workflow version)
   * @throws io.camunda.client.api.command.ClientException (the client's 409) when someone else
   *     claimed it first
   */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public void claim(String packId, ReviewRole role) {
    UserTask task = openTask(packId, role, "claim",
        " (its workflow runs an earlier version); decide it directly");
    ReviewTasks.claim(runtime.client(), task.getUserTaskKey(), CurrentUser.name());
  }

  /**
   * Gives a review's claimed user task back to the queue (unassignment) so that another
   * reviewer of the queue may claim it. Only the reviewer who holds it (or an administrator)
   * may; nothing changes otherwise.
   *
   * @throws AccessDeniedException when the user does not review for that queue, or someone
   *     else holds the task and the user is no administrator
   * @throws ReviewRefusedException when the review has no open task
   */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public void unclaim(String packId, ReviewRole role) {
    UserTask task = openTask(packId, role, "give back", "");
    String holder = task.getAssignee();
    if (holder != null && !holder.equalsIgnoreCase(CurrentUser.name())
        && !CurrentUser.hasAnyRole(Role.ADMIN)) {
      throw new AccessDeniedException("The " + role.wire() + " review of " + packId
          + " is claimed by " + holder + ", not by " + CurrentUser.name());
    }
    ReviewTasks.unclaim(runtime.client(), task.getUserTaskKey());
  }

  /**
   * The open user task of a review in one of the user's queues, for a claim or a give-back.
   *
   * @param action what the user wants to do with it, as the refusal names it
   * @param noTaskHint what the refusal adds when the review has no open task
   */
  private UserTask openTask(String packId, ReviewRole role, String action, String noTaskHint) {
    if (!myRoles().contains(role)) {
      throw new AccessDeniedException("User " + CurrentUser.name() + " does not review for "
          + role.wire());
    }
    ReviewItem item = runtime.services().reviews().item(packId, role)
        .filter(i -> i.status().open())
        .orElseThrow(() -> new ReviewRefusedException(ReviewRefusedException.Reason.UNKNOWN_ITEM,
            "No open " + role.wire() + " review of " + packId + " to " + action + "."));
    return ReviewTasks.of(runtime.client(), item.processInstanceKey(), role)
        .filter(t -> t.getState() == UserTaskState.CREATED)
        .orElseThrow(() -> new ReviewRefusedException(ReviewRefusedException.Reason.UNKNOWN_ITEM,
            "The " + role.wire() + " review of " + packId + " has no open task to " + action
                + noTaskHint + "."));
  }

  /**
   * The decided reviews of the user's queues (who decided, when, verdict, comment), the latest
   * first, those matching the search text (see {@link ReviewHistoryEntry#matches}), at most
   * {@code limit}.
   */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public List<ReviewHistoryEntry> history(String search, int limit) {
    List<ReviewHistoryEntry> out = new ArrayList<>();
    for (ReviewRole r : myRoles()) {
      for (ReviewItem item : runtime.services().reviews().decided(r, HISTORY_SCAN)) {
        String customer = runtime.services().packs().pack(item.packId())
            .map(p -> p.pack().customerId()).orElse("");
        ReviewHistoryEntry e = new ReviewHistoryEntry(item, customer);
        if (e.matches(search)) {
          out.add(e);
        }
      }
    }
    out.sort(Comparator.comparing((ReviewHistoryEntry e) -> e.item().decidedAt(),
        Comparator.nullsLast(Comparator.reverseOrder())));
    return out.size() > limit ? List.copyOf(out.subList(0, Math.max(0, limit))) : out;
  }

  /** How many of a queue's latest decisions the history searches. */
  static final int HISTORY_SCAN = 1000;

  /** True when four eyes holds and the signed-in user decided the pack's other review. */
  private boolean decidedOtherReview(ReviewItem item) {
    if (!runtime.services().reviews().policy().fourEyes()) {
      return false;
    }
    String me = CurrentUser.name().strip();
    return runtime.services().reviews().forPack(item.packId()).stream()
        .anyMatch(i -> i.role() != item.role() && !i.status().open() && i.reviewer() != null
            && i.reviewer().strip().equalsIgnoreCase(me));
  }

  /** Both review items of a pack (legal first), for reviewers and administrators. */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public List<ReviewItem> reviewsOf(String packId) {
    return runtime.services().reviews().forPack(packId);
  }

  /** A stored battle pack. */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public Optional<StoredPack> pack(String packId) {
    return runtime.services().packs().pack(packId);
  }

  /**
   * Records the signed-in user's verdict on a pack's review in the review queue (the durable
   * record of who decided what; it checks four eyes) and then completes the review's user task
   * with it through the official client (for an instance of the earlier, message-based
   * workflow version: publishes {@code review-decided}).
   *
   * @throws AccessDeniedException when the user does not review for that queue
   * @throws ReviewRefusedException when the engine refuses the verdict (already decided, a
   *     rejection without comment, unknown review, or the user decided the pack's other review
   *     while four eyes holds, {@code baton.review.four-eyes}); nothing changes
   */
  @RolesAllowed({REVIEWER_, ADMIN_})
  public ReviewMessage decide(String packId, ReviewRole role, boolean approve, String comment) {
    if (!myRoles().contains(role)) {
      throw new AccessDeniedException("User " + CurrentUser.name() + " does not review for "
          + role.wire());
    }
    String text = comment == null ? "" : comment.strip();
    String user = CurrentUser.name();
    ReviewVerdict verdict = approve ? ReviewVerdict.approve(role, user, text)
        : ReviewVerdict.reject(role, user, text);
    return runtime.decide(packId, role, verdict);
  }
}
