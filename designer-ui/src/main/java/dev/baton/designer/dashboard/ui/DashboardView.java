package dev.baton.designer.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.baton.designer.base.ui.EChart;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.dashboard.DashboardService;
import dev.baton.designer.dashboard.DurationText;
import dev.baton.designer.dashboard.Kpis;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.liquid.LiquidServices;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The KPIs of the domain brief over the last 14 days, each with its target and whether it is
 * met: AI autonomy coverage, human veto rate, consent coverage, battle packs per day (with a
 * chart) and the median time from visit request to release. For every role but pure reviewers.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@Menu(title = "nav.dashboard", order = 6)
@StyleSheet("context://styles/insights.css")
@RolesAllowed({"ANALYST", "OPS", "AUDITOR", "DEVELOPER", "ADMIN"})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private final transient DashboardService service;
  private final Texts t = Texts.current();
  private final Span period = new Span();
  private final Div cards = new Div();
  private final EChart perDay = new EChart("dashboard-per-day");
  private final transient LiquidServices liquid;
  private final LiquidKpiCards liquidCards = new LiquidKpiCards(t);

  public DashboardView(DashboardService service, LiquidServices liquid) {
    this.service = service;
    this.liquid = liquid;
    setWidthFull();
    period.setId("dashboard-period");
    cards.setId("dashboard-kpis");
    cards.addClassName("kpi-cards");
    Button refresh = new Button(t.t("dashboard.refresh"), e -> refresh());
    refresh.setId("dashboard-refresh");
    add(new H2(t.t("dashboard.title")), period, refresh, cards,
        new H3(t.t("dashboard.perDay")), perDay,
        new Paragraph(t.t("dashboard.definitions")), liquidCards);
    refresh();
  }

  private void refresh() {
    Kpis.Dashboard d = service.dashboard();
    DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(t.locale());
    period.setText(t.t("dashboard.period", days.format(d.firstDay()), days.format(d.lastDay())));
    cards.removeAll();
    for (Kpis.Kpi k : d.kpis()) {
      cards.add(card(k));
    }
    DateTimeFormatter shortDay = DateTimeFormatter.ofPattern(t.chinese() ? "M月d日" : "MMM d",
        t.locale());
    List<String> labels = d.perDay().stream().map(c -> shortDay.format(c.day())).toList();
    perDay.draw(EChart.bars(labels, t.t("dashboard.perDay.axis"), List.of(new EChart.Series(
        t.t("dashboard.perDay.series"), "#1565c0",
        d.perDay().stream().map(Kpis.DayCount::packs).toList())), false),
        Map.of("days", d.perDay().stream().map(c -> c.day() + "=" + c.packs())
            .collect(Collectors.joining(","))));
    liquidCards.show(liquid.kpis());
  }

  private Div card(Kpis.Kpi k) {
    String id = k.id().name().toLowerCase(Locale.ROOT).replace('_', '-');
    Div card = new Div();
    card.setId("kpi-" + id);
    card.addClassNames("kpi-card", "kpi-" + k.state().name().toLowerCase(Locale.ROOT)
        .replace('_', '-'));
    Span title = new Span(t.t("kpi." + k.id().name() + ".title"));
    title.addClassName("kpi-title");
    Span figure = new Span(figure(k));
    figure.addClassName("kpi-figure");
    figure.getElement().setAttribute("data-role", "figure");
    Span state = new Span(t.t("kpi.state." + k.state().name()));
    state.addClassName("kpi-state");
    Span target = new Span(target(k));
    target.addClassName("kpi-target");
    Span basis = new Span(basis(k));
    basis.addClassName("kpi-basis");
    card.add(title, figure, state, target, basis);
    card.getElement().setAttribute("data-state", k.state().name());
    card.getElement().setAttribute("data-part", String.valueOf(k.part()));
    card.getElement().setAttribute("data-whole", String.valueOf(k.whole()));
    if (k.value() != null) {
      card.getElement().setAttribute("data-value", k.value().toPlainString());
    }
    if (k.duration() != null) {
      card.getElement().setAttribute("data-millis", String.valueOf(k.duration().toMillis()));
    }
    return card;
  }

  private String figure(Kpis.Kpi k) {
    if (k.state() == Kpis.State.NO_DATA) {
      return t.t("kpi.noData");
    }
    return switch (k.id()) {
      case PACKS_PER_DAY -> t.t("dashboard.perDayFigure", k.value());
      case RELEASE_MEDIAN -> DurationText.of(k.duration(), t);
      default -> t.t("percent", k.value());
    };
  }

  private String target(Kpis.Kpi k) {
    if (k.durationTarget() != null) {
      return t.t("kpi.target.atMostTime", DurationText.of(k.durationTarget(), t));
    }
    if (k.target() == null) {
      return t.t("kpi.target.none");
    }
    if (k.id() == Kpis.Id.PACKS_PER_DAY) {
      return t.t("kpi.target.atLeastPerDay", k.target());
    }
    return t.t(k.atLeast() ? "kpi.target.atLeast" : "kpi.target.atMost", k.target());
  }

  private String basis(Kpis.Kpi k) {
    return t.t("kpi." + k.id().name() + ".basis", k.part(), k.whole());
  }

  @Override
  public String getPageTitle() {
    return t.t("dashboard.title");
  }
}
