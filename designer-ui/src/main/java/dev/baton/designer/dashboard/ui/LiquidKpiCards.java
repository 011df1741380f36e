package dev.baton.designer.dashboard.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.liquid.LiquidKpis;

/**
 * The liquid organisation's two KPIs as dashboard cards: average minutes from demand to formed
 * unit (target ≤ 23) and the share of contributions attributable to a role and a campaign (target
 * 100%), computed by the engine over every unit and event.
 */
final class LiquidKpiCards extends Div {
  private static final long serialVersionUID = 1L;
  private final Texts t;

  LiquidKpiCards(Texts t) {
    this.t = t;
    setId("dashboard-liquid");
  }

  /** Shows these KPIs. */
  void show(LiquidKpis k) {
    removeAll();
    Div cards = new Div();
    cards.addClassName("kpi-cards");
    boolean noUnits = k.unitsFormed() == 0;
    cards.add(card("liquid-formation", "kpi.LIQUID_FORMATION.title",
        noUnits ? t.t("kpi.noData") : t.t("dashboard.liquid.minutes", k.averageMinutesToForm()),
        noUnits ? "NO_DATA" : k.formationOnTarget() ? "MET" : "NOT_MET",
        t.t("dashboard.liquid.minutesTarget", LiquidKpis.TARGET_MINUTES_TO_FORM),
        t.t("kpi.LIQUID_FORMATION.basis", k.unitsFormed())));
    boolean noEvents = k.events() == 0;
    cards.add(card("liquid-attribution", "kpi.LIQUID_ATTRIBUTION.title",
        noEvents ? t.t("kpi.noData") : t.t("percent", k.attributableShare() * 100),
        noEvents ? "NO_DATA" : k.attributionOnTarget() ? "MET" : "NOT_MET",
        t.t("kpi.target.atLeast", LiquidKpis.TARGET_ATTRIBUTABLE_SHARE * 100),
        t.t("kpi.LIQUID_ATTRIBUTION.basis", k.events())));
    add(new H3(t.t("dashboard.liquid.title")), cards);
  }

  private Div card(String id, String titleKey, String figureText, String state, String target,
      String basisText) {
    Div card = new Div();
    card.setId("kpi-" + id);
    card.addClassNames("kpi-card", "kpi-" + state.toLowerCase(java.util.Locale.ROOT)
        .replace('_', '-'));
    card.getElement().setAttribute("data-state", state);
    Span title = new Span(t.t(titleKey));
    title.addClassName("kpi-title");
    Span figure = new Span(figureText);
    figure.addClassName("kpi-figure");
    figure.getElement().setAttribute("data-role", "figure");
    Span stateText = new Span(t.t("kpi.state." + state));
    stateText.addClassName("kpi-state");
    Span targetText = new Span(target);
    targetText.addClassName("kpi-target");
    Span basis = new Span(basisText);
    basis.addClassName("kpi-basis");
    card.add(title, figure, stateText, targetText, basis);
    return card;
  }
}
