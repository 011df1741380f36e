package dev.baton.designer.review;

import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiInput;
import dev.baton.designer.api.ApiProblems;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal and finance pre-review queues: open items of a role, and a reviewer's verdict, which
 * is stored and then completes the workflow's review user task. Verdicts go
 * through the designer's {@link ReviewService}, as the review inbox's do: a reviewer decides
 * only the review of their own queue, and (four eyes) not both reviews of one pack.
 */
@RestController
@RequestMapping(path = "/api/v1/reviews", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "reviews", description = "Legal and finance pre-review of battle packs")
public class ReviewsApi {
  private final BattlePackRuntime runtime;
  private final ReviewService reviews;

  public ReviewsApi(BattlePackRuntime runtime, ReviewService reviews) {
    this.runtime = runtime;
    this.reviews = reviews;
  }

  /** The role's open review items (pending and escalated), the earliest due first. */
  @Operation(summary = "Open review items of a role", description = "role: legal or finance.")
  @GetMapping
  @RolesAllowed({Role.REVIEWER_, Role.OPS_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public List<ReviewItem> pending(@RequestParam String role) {
    return runtime.pendingReviews(role(role));
  }

  /** A verdict: approve or reject, with a comment (required when rejecting). */
  public record VerdictBody(String verdict, String comment) {}

  /** Decides a review item as the signed-in reviewer. */
  @Operation(summary = "Approve or reject a review item", description = "Role REVIEWER, in"
      + " the item's queue (baton.review.legal-users / finance-users). verdict: APPROVE or"
      + " REJECT; a rejection needs a comment. 403 when the user does not review for that role"
      + " or decided the pack's other review (four eyes), 409 when the item was decided"
      + " before, 404 when there is no such item.")
  @PostMapping(path = "/{packId}/{role}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.REVIEWER_, Role.ADMIN_})
  public ReviewItem decide(@PathVariable String packId, @PathVariable String role,
      @RequestBody VerdictBody body) {
    ApiInput.id("packId", packId);
    ReviewRole r = role(role);
    if (!reviews.myRoles().contains(r)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Review refused",
          "User " + CurrentUser.name() + " does not review for "
              + r.wire() + ", so cannot decide the " + r.wire() + " review of battle pack '"
              + packId + "'. Nothing was changed. Reviewers are named in"
              + " baton.review.legal-users and baton.review.finance-users.", List.of());
    }
    String verdict = body.verdict() == null ? null : body.verdict().toUpperCase(Locale.ROOT);
    if (!"APPROVE".equals(verdict) && !"REJECT".equals(verdict)) {
      throw ApiException.invalid("The verdict is not valid; nothing was decided.",
          List.of(ApiProblems.field("verdict", body.verdict() == null ? "is missing"
              : "'" + body.verdict() + "' is not allowed", "APPROVE or REJECT")));
    }
    reviews.decide(packId, r, "APPROVE".equals(verdict), body.comment());
    return runtime.services().reviews().item(packId, r).orElseThrow();
  }

  private static ReviewRole role(String text) {
    try {
      return ReviewRole.parse(text);
    } catch (RuntimeException e) {
      throw ApiException.invalid("'" + text + "' is not a review role.",
          List.of(ApiProblems.field("role", "'" + text + "' is not allowed", "legal or finance")));
    }
  }
}
