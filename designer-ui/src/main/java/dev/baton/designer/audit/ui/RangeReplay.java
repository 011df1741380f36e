package dev.baton.designer.audit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.baton.designer.audit.AuditService;
import dev.baton.designer.base.ui.BackgroundWork;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.audit.Cancellation;
import dev.baton.engine.audit.ReplayReport;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Replays every decision recorded in the audit filter's day range (or the whole log when no day
 * is given) in the background, with a progress bar, a cancel button and the report: how many
 * were identical, which differ and in which fields.
 */
class RangeReplay extends VerticalLayout {
  private static final long serialVersionUID = 1L;

  /** The range to replay: the audit filter's From and To days, either may be null. */
  record Days(LocalDate from, LocalDate to) {}

  private final transient AuditService service;
  private final transient BackgroundWork work;
  private final transient Supplier<Days> range;
  private final Texts t;
  private final Button start;
  private final Button cancel;
  private final ProgressBar bar = new ProgressBar();
  private final Span status = new Span();
  private final Div differences = new Div();
  private transient Cancellation running;

  RangeReplay(AuditService service, BackgroundWork work, Supplier<Days> range, Texts t) {
    this.service = service;
    this.work = work;
    this.range = range;
    this.t = t;
    setPadding(false);
    setSpacing(false);
    start = new Button(t.t("audit.replayRange"), e -> start());
    start.setId("audit-replay-range");
    start.setTooltipText(t.t("audit.replayRange.tooltip"));
    cancel = new Button(t.t("audit.replayRange.cancel"), e -> {
      if (running != null) {
        running.cancel();
      }
    });
    cancel.setId("audit-replay-range-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    cancel.setVisible(false);
    bar.setId("replay-range-progress");
    bar.setWidth("12rem");
    bar.setVisible(false);
    status.setId("replay-range-result");
    differences.setId("replay-range-differences");
    HorizontalLayout line = new HorizontalLayout(start, bar, cancel, status);
    line.setAlignItems(FlexComponent.Alignment.CENTER);
    add(line, differences);
  }

  private void start() {
    UI ui = UI.getCurrent();
    Days days = range.get();
    if (days.from() != null && days.to() != null && days.to().isBefore(days.from())) {
      Notices.error(t.t("audit.replayRange.badRange", t.date(days.from()), t.date(days.to())));
      return;
    }
    Cancellation cancellation = Cancellation.create();
    running = cancellation;
    start.setEnabled(false);
    cancel.setVisible(true);
    bar.setVisible(true);
    bar.setIndeterminate(true);
    differences.removeAll();
    status.getElement().removeAttribute("data-identical");
    status.setText(t.t("audit.replayRange.running"));
    ui.setPollInterval(300);
    work.submit(() -> {
      try {
        ReplayReport report = service.replayRange(days.from(), days.to(), p -> ui.access(() -> {
          bar.setIndeterminate(false);
          bar.setValue(p.total() == 0 ? 1 : (double) p.done() / p.total());
          status.setText(t.t("audit.replayRange.progress", p.done(), p.total()));
        }), cancellation);
        ui.access(() -> {
          show(report);
          finish(ui);
        });
      } catch (RuntimeException ex) {
        ui.access(() -> {
          Notices.error(t, ex);
          status.setText("");
          finish(ui);
        });
      }
    });
  }

  private void finish(UI ui) {
    running = null;
    start.setEnabled(true);
    cancel.setVisible(false);
    bar.setVisible(false);
    ui.setPollInterval(-1);
  }

  private void show(ReplayReport r) {
    String summary = r.total() == 0 && !r.cancelled() ? t.t("audit.replayRange.none")
        : t.t("audit.replayRange.done", r.total(), r.identical(), r.different(), r.failed());
    status.setText(r.cancelled() ? summary + " " + t.t("audit.replayRange.cancelled") : summary);
    status.getElement().setAttribute("data-identical", String.valueOf(r.identical()));
    status.getElement().setAttribute("data-different", String.valueOf(r.different()));
    r.differences().forEach(d -> {
      Div one = new Div(new Span(t.t("audit.replayRange.differs", d.sequence(),
          d.decisionId())));
      one.addClassName("replay-range-difference");
      d.fields().forEach(f -> one.add(new Div(new Span(t.t("audit.replay.field", f.path(),
          f.recorded(), f.replayed())))));
      differences.add(one);
    });
    r.failures().forEach(f -> differences.add(new Div(new Span(t.t(
        "audit.replayRange.failed", f.sequence(), f.decisionId(), f.problem())))));
  }
}
