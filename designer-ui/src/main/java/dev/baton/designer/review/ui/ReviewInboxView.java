package dev.baton.designer.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import dev.baton.designer.review.ReviewHistoryEntry;
import dev.baton.designer.security.CurrentUser;
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
@Menu(title = "nav.reviews", order = 2)
@StyleSheet("context://styles/review.css")
@RolesAllowed({"REVIEWER", "ADMIN"})
public class ReviewInboxView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private final transient ReviewService service;
  private final Texts t = Texts.current();
  private final Div cards = new Div();
  private final Span summary = new Span();
  private final TextField search = new TextField();
  private final Grid<ReviewHistoryEntry> history = new Grid<>();
  private final Span historyCount = new Span();
  /** How many decided reviews the history shows at most. */
  static final int HISTORY_LIMIT = 200;

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
    configureHistory();
    add(new H3(t.t("review.history.title")), new HorizontalLayout(search, historyCount), history);
    refresh();
  }

  /** The decided reviews of the user's queues: who, when, verdict, comment; searchable. */
  private void configureHistory() {
    search.setId("review-history-search");
    search.setPlaceholder(t.t("review.history.search"));
    search.setAriaLabel(t.t("review.history.search"));
    search.setClearButtonVisible(true);
    search.setWidth("24em");
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> refreshHistory());
    historyCount.setId("review-history-count");
    history.setId("review-history");
    history.addColumn(e -> t.time(e.item().decidedAt())).setHeader(t.t("review.history.when"))
        .setAutoWidth(true);
    history.addColumn(e -> t.t("review.role." + e.item().role().wire()))
        .setHeader(t.t("review.history.queue")).setAutoWidth(true);
    history.addColumn(e -> e.customerId()).setHeader(t.t("review.history.customer"))
        .setAutoWidth(true);
    history.addColumn(e -> e.item().packId()).setHeader(t.t("review.history.pack"))
        .setAutoWidth(true);
    history.addComponentColumn(e -> {
      Span v = new Span(t.t(e.approved() ? "review.history.approved" : "review.history.rejected"));
      v.getElement().getThemeList().add(e.approved() ? "badge success" : "badge error");
      v.addClassName("review-history-verdict");
      return v;
    }).setHeader(t.t("review.history.verdict")).setAutoWidth(true);
    history.addColumn(e -> e.item().reviewer()).setHeader(t.t("review.history.who"))
        .setAutoWidth(true);
    history.addColumn(e -> e.item().comment()).setHeader(t.t("review.history.comment"))
        .setFlexGrow(1).setWidth("16em");
    history.setClassNameGenerator(e -> "review-history-row");
    history.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    history.setAllRowsVisible(true);
    history.setWidthFull();
  }

  private void refreshHistory() {
    List<ReviewHistoryEntry> rows = service.history(search.getValue(), HISTORY_LIMIT);
    history.setItems(rows);
    historyCount.setText(t.t("review.history.count", rows.size()));
    historyCount.getElement().setAttribute("data-count", String.valueOf(rows.size()));
  }

  private void refresh() {
    List<InboxEntry> entries = service.inbox();
    long overdue = entries.stream().filter(InboxEntry::overdue).count();
    summary.setText(t.t("review.summary", entries.size(), overdue));
    summary.getElement().setAttribute("data-count", String.valueOf(entries.size()));
    cards.removeAll();
    for (InboxEntry e : entries) {
      cards.add(new ReviewCard(e, t, this::decide, this::claim, this::unclaim,
          CurrentUser.name()));
    }
    refreshHistory();
  }

  private boolean unclaim(InboxEntry entry) {
    try {
      service.unclaim(entry.item().packId(), entry.item().role());
      Notices.ok(t.t("review.unclaimed", entry.item().packId(),
          t.t("review.role." + entry.item().role().wire())));
      refresh();
      return true;
    } catch (RuntimeException e) {
      Notices.error(e instanceof AccessDeniedException ? t.t("review.unclaim.notYours")
          : refusal(t, e));
      refresh();
      return false;
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
