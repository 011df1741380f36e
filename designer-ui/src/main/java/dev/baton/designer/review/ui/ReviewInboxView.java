package dev.baton.designer.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.review.InboxEntry;
import dev.baton.designer.review.ReviewService;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.battlepack.ReviewRole;
import jakarta.annotation.security.RolesAllowed;
import io.camunda.client.api.command.ProblemException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * The review inbox of legal and finance reviewers (administrators see both queues): the battle
 * packs waiting for them (the workflow's review user tasks of their candidate groups),
 * overdue ones highlighted; claim a task, approve or reject with a comment.
 */
@Route(value = "reviews", layout = MainLayout.class)
@StyleSheet("context://styles/review.css")
@RolesAllowed({"REVIEWER", "ADMIN"})
public class ReviewInboxView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private final transient ReviewService service;
  private final Texts t = Texts.current();
  private final Div cards = new Div();
  private final Span summary = new Span();

  public ReviewInboxView(ReviewService service) {
    this.service = service;
    setWidthFull();
    Set<ReviewRole> roles = service.myRoles();
    Span queues = new Span(roles.isEmpty() ? t.t("review.noQueue")
        : t.t("review.queues", roles.stream().map(r -> t.t("review.role." + r.wire()))
            .collect(Collectors.joining(", "))));
    queues.setId("review-queues");
    summary.setId("review-summary");
    Button refresh = new Button(t.t("review.refresh"), e -> refresh());
    refresh.setId("review-refresh");
    cards.setId("review-cards");
    cards.setWidthFull();
    add(new H2(t.t("review.title")), queues, new HorizontalLayout(summary, refresh), cards);
    refresh();
  }

  private void refresh() {
    List<InboxEntry> entries = service.inbox();
    long overdue = entries.stream().filter(InboxEntry::overdue).count();
    summary.setText(t.t("review.summary", entries.size(), overdue));
    summary.getElement().setAttribute("data-count", String.valueOf(entries.size()));
    cards.removeAll();
    for (InboxEntry e : entries) {
      cards.add(new ReviewCard(e, t, this::decide, this::claim));
    }
  }

  private boolean decide(InboxEntry entry, boolean approve, String comment) {
    try {
      service.decide(entry.item().packId(), entry.item().role(), approve, comment);
      Notices.ok(t.t(approve ? "review.approved" : "review.rejected", entry.item().packId(),
          t.t("review.role." + entry.item().role().wire())));
      refresh();
      return true;
    } catch (RuntimeException e) {
      Notices.error(refusal(t, e));
      refresh();
      return false;
    }
  }

  private boolean claim(InboxEntry entry) {
    try {
      service.claim(entry.item().packId(), entry.item().role());
      Notices.ok(t.t("review.claimed", entry.item().packId(),
          t.t("review.role." + entry.item().role().wire())));
      refresh();
      return true;
    } catch (ProblemException e) {
      Notices.error(e.code() == 409 ? t.t("review.claim.taken", e.getMessage())
          : Notices.describe(t, e));
      refresh();
      return false;
    } catch (RuntimeException e) {
      Notices.error(refusal(t, e));
      refresh();
      return false;
    }
  }

  /** The message for a refused verdict: why, and that nothing changed. */
  public static String refusal(Texts t, RuntimeException e) {
    if (e instanceof AccessDeniedException) {
      return t.t("review.refused.role");
    }
    if (e instanceof ReviewRefusedException r) {
      return t.t("review.refused." + r.reason().name(), r.getMessage());
    }
    return Notices.describe(t, e);
  }

  @Override
  public String getPageTitle() {
    return t.t("review.title");
  }
}
