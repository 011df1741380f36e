package dev.baton.designer.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.review.InboxEntry;
import dev.baton.engine.battlepack.BattlePack;
import dev.baton.engine.battlepack.Evidence;
import dev.baton.engine.battlepack.PricingStrategy;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.RiskHint;
import java.util.List;

/**
 * One review in the inbox: the pack's customer, queue and due time (overdue highlighted), its 3
 * pricing strategies and 2 compliance risk hints with their evidence, a comment and approve /
 * reject. Rejecting needs a comment; the card says so before anything is sent.
 */
public class ReviewCard extends Div {
  private static final long serialVersionUID = 1L;

  /** What the card asks the view to do. */
  @FunctionalInterface
  public interface Decider {
    /** Decide the entry's review; true when the verdict was recorded. */
    boolean decide(InboxEntry entry, boolean approve, String comment);
  }

  /** Claims the entry's review user task for the signed-in user. */
  @FunctionalInterface
  public interface Claimer {
    /** Claim the entry's task; true when claimed. */
    boolean claim(InboxEntry entry);
  }

  private final TextArea comment = new TextArea();

  public ReviewCard(InboxEntry entry, Texts t, Decider decider) {
    this(entry, t, decider, e -> false);
  }

  public ReviewCard(InboxEntry entry, Texts t, Decider decider, Claimer claimer) {
    this(entry, t, decider, claimer, e -> false, null);
  }

  /**
   * A card whose claimed task the signed-in user {@code me} can give back ({@code unclaimer}:
   * unassign) when they hold it.
   */
  public ReviewCard(InboxEntry entry, Texts t, Decider decider, Claimer claimer,
      Claimer unclaimer, String me) {
    ReviewItem item = entry.item();
    String role = item.role().wire();
    addClassName("review-card");
    setId("review-" + item.packId() + "-" + role);
    getElement().setAttribute("data-role", role);
    getElement().setAttribute("data-pack", item.packId());
    entry.pack().ifPresent(p -> getElement().setAttribute("data-customer", p.pack().customerId()));
    if (entry.overdue()) {
      addClassName("overdue");
      getElement().setAttribute("data-overdue", "true");
    }
    String customer = entry.pack().map(p -> p.pack().customerId()).orElse("?");
    H4 title = new H4(t.t("review.card.title", customer, t.t("review.role." + role),
        item.packId()));
    Span due = new Span(t.t("review.card.due", t.time(item.dueAt())));
    due.addClassName("review-due");
    HorizontalLayout head = new HorizontalLayout(title, due);
    head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    if (entry.overdue()) {
      Span badge = new Span(t.t(item.status().name().equals("ESCALATED")
          ? "review.card.escalated" : "review.card.overdue"));
      badge.addClassName("badge-overdue");
      badge.getElement().getThemeList().add("badge error");
      head.add(badge);
    }
    add(head);
    if (item.escalatedAt() != null) {
      Span escalated = new Span(t.t("review.card.escalatedAt", t.time(item.escalatedAt())));
      escalated.addClassName("review-escalated-at");
      add(escalated);
    }
    add(taskLine(entry, t, claimer, unclaimer, me));
    if (!entry.otherReviews().isEmpty()) {
      add(otherReviews(entry, t));
    }
    entry.pack().ifPresentOrElse(p -> addPack(p.pack(), t),
        () -> add(new Span(t.t("review.card.noPack"))));
    comment.setLabel(t.t("review.comment"));
    comment.setWidthFull();
    comment.setMaxLength(4000);
    comment.addClassName("review-comment");
    Button approve = new Button(t.t("review.approve"));
    approve.addClassName("review-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button reject = new Button(t.t("review.reject"));
    reject.addClassName("review-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    approve.addClickListener(e -> send(entry, true, decider, t));
    reject.addClickListener(e -> send(entry, false, decider, t));
    add(comment, new HorizontalLayout(approve, reject));
  }

  /** Who holds the review's user task, and the claim button while no one does. */
  private static HorizontalLayout taskLine(InboxEntry entry, Texts t, Claimer claimer,
      Claimer unclaimer, String me) {
    HorizontalLayout line = new HorizontalLayout();
    line.addClassName("review-task");
    line.setAlignItems(HorizontalLayout.Alignment.BASELINE);
    if (entry.userTaskKey() == null) {
      line.add(new Span(t.t("review.card.noTask")));
      return line;
    }
    line.getElement().setAttribute("data-task", String.valueOf(entry.userTaskKey()));
    Span who = new Span(entry.assignee() == null ? t.t("review.card.unclaimed")
        : t.t("review.card.assignee", entry.assignee()));
    who.addClassName("review-assignee");
    if (entry.assignee() != null) {
      who.getElement().setAttribute("data-assignee", entry.assignee());
    }
    line.add(who);
    if (entry.assignee() == null) {
      Button claim = new Button(t.t("review.claim"), e -> claimer.claim(entry));
      claim.addClassName("review-claim");
      line.add(claim);
    } else if (me != null && entry.assignee().equalsIgnoreCase(me)) {
      Button release = new Button(t.t("review.unclaim"), e -> unclaimer.claim(entry));
      release.addClassName("review-unclaim");
      line.add(release);
    }
    return line;
  }

  /**
   * The pack's other reviews: their verdict (who, when, comment) or that they are still open,
   * with a warning when one rejected the pack (it will not be released whatever this verdict).
   */
  private static Div otherReviews(InboxEntry entry, Texts t) {
    Div box = new Div();
    box.addClassName("review-others");
    if (entry.otherRejected()) {
      box.addClassName("rejected");
      Span warn = new Span(t.t("review.other.rejectedWarning"));
      warn.addClassName("review-other-warning");
      warn.getElement().getThemeList().add("badge error");
      box.add(warn);
    }
    for (ReviewItem other : entry.otherReviews()) {
      String role = t.t("review.role." + other.role().wire());
      String text = other.status().open()
          ? t.t("review.other.open", role, t.time(other.dueAt()))
          : t.t(other.status().name().equals("APPROVED") ? "review.other.approved"
              : "review.other.rejected", role, other.reviewer(), t.time(other.decidedAt()),
              other.comment() == null || other.comment().isBlank() ? "—" : other.comment());
      Div line = new Div(new Span(text));
      line.addClassName("review-other");
      line.getElement().setAttribute("data-role", other.role().wire());
      line.getElement().setAttribute("data-status", other.status().name());
      box.add(line);
    }
    return box;
  }

  private void send(InboxEntry entry, boolean approve, Decider decider, Texts t) {
    String text = comment.getValue() == null ? "" : comment.getValue().strip();
    if (!approve && text.isEmpty()) {
      comment.setInvalid(true);
      comment.setErrorMessage(t.t("review.rejectNeedsComment"));
      return;
    }
    comment.setInvalid(false);
    decider.decide(entry, approve, text);
  }

  private void addPack(BattlePack pack, Texts t) {
    add(new Span(t.t("review.card.meta", pack.repId(), pack.visitRequestId(), pack.decisionId(),
        dev.baton.engine.battlepack.BattlePackGenerators.DETERMINISTIC.equals(pack.generator())
            ? t.t("review.generator.deterministic") : pack.generator())));
    // the generator's texts in the reader's language (stored as generated, in English)
    dev.baton.designer.i18n.EngineTexts texts = new dev.baton.designer.i18n.EngineTexts(t);
    Div strategies = new Div();
    strategies.addClassName("review-strategies");
    strategies.add(new H4(t.t("review.strategies", pack.pricingStrategies().size())));
    for (PricingStrategy s : pack.pricingStrategies()) {
      Div box = new Div();
      box.addClassName("review-strategy");
      box.add(new Span(t.t("review.strategy", texts.packTitle(s.name()), s.discountPct(),
          s.price())));
      box.add(new Div(new Span(localTimes(texts.packSentences(s.rationale()), t))));
      box.add(evidence(s.evidence(), t));
      strategies.add(box);
    }
    Div hints = new Div();
    hints.addClassName("review-hints");
    hints.add(new H4(t.t("review.hints", pack.riskHints().size())));
    for (RiskHint h : pack.riskHints()) {
      Div box = new Div();
      box.addClassName("review-hint");
      box.getElement().setAttribute("data-severity", h.severity());
      box.add(new Span(t.t("review.hint", texts.packTitle(h.title()),
          t.t("review.severity." + h.severity()))));
      box.add(new Div(new Span(localTimes(texts.packSentences(h.detail()), t))));
      box.add(evidence(h.evidence(), t));
      hints.add(box);
    }
    HorizontalLayout body = new HorizontalLayout(strategies, hints);
    body.setWidthFull();
    body.setFlexGrow(1, strategies, hints);
    add(body);
  }

  private static final java.util.regex.Pattern ISO_INSTANT = java.util.regex.Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

  /**
   * The text with every ISO instant (as the generator writes them, e.g. {@code
   * 2026-11-10T02:00:00Z}) in the reader's language and style.
   */
  static String localTimes(String text, Texts t) {
    if (text == null) {
      return "";
    }
    return ISO_INSTANT.matcher(text).replaceAll(m -> {
      try {
        return java.util.regex.Matcher.quoteReplacement(
            t.time(java.time.Instant.parse(m.group())));
      } catch (java.time.format.DateTimeParseException e) {
        return java.util.regex.Matcher.quoteReplacement(m.group());
      }
    });
  }

  private static UnorderedList evidence(List<Evidence> evidence, Texts t) {
    UnorderedList list = new UnorderedList();
    list.addClassName("review-evidence");
    for (Evidence e : evidence) {
      list.add(new ListItem(t.t("review.evidence", t.t("review.evidence." + e.kind().name()),
          e.id(), localTimes(new dev.baton.designer.i18n.EngineTexts(t).pack(
              dev.baton.engine.battlepack.PackText.evidence(e)), t))));
    }
    return list;
  }
}
