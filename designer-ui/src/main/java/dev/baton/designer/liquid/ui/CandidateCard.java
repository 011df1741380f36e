package dev.baton.designer.liquid.ui;

import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.liquid.CandidateVerdict;
import dev.baton.engine.liquid.Reason;
import java.util.Locale;
import java.util.stream.Collectors;

/** A person considered for a role, draggable onto a role column, with the verdict and why. */
final class CandidateCard extends Div {
  private static final long serialVersionUID = 1L;
  private final transient CandidateVerdict verdict;

  CandidateCard(CandidateVerdict verdict, Texts t) {
    this.verdict = verdict;
    setId("card-" + verdict.role() + "-" + verdict.personId());
    addClassName("kpi-card");
    getElement().setAttribute("data-person", verdict.personId());
    getElement().setAttribute("data-verdict", verdict.verdict().name());
    getStyle().set("cursor", "grab").set("margin", "4px").set("minWidth", "200px")
        .set("maxWidth", "22em").set("display", "flex").set("flexDirection", "column")
        .set("gap", "2px").set("padding", "8px").set("borderRadius", "8px")
        .set("border", "1px solid var(--lumo-contrast-20pct)")
        .set("background", verdict.verdict() == CandidateVerdict.Verdict.NOT_ELIGIBLE
            ? "var(--lumo-error-color-10pct)" : "var(--lumo-base-color)");
    Span name = new Span(verdict.name() + " (" + verdict.personId() + ")");
    name.addClassName("kpi-title");
    name.getStyle().set("fontWeight", "700");
    Span state = new Span(new dev.baton.designer.i18n.EngineTexts(t).named("liquid.role.",
        verdict.role()) + ": " + t.t("liquid.verdict."
        + verdict.verdict().name(), verdict.points().stripTrailingZeros().toPlainString()));
    state.getStyle().set("fontWeight", "600");
    state.addClassName("kpi-state");
    Span why = new Span(verdict.reasons().stream().map(r -> reason(r, t))
        .collect(Collectors.joining("; ")));
    why.addClassName("kpi-basis");
    why.getStyle().set("fontSize", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    why.getElement().setAttribute("data-role", "reasons");
    add(name, state, why);
    if (verdict.verdict() == CandidateVerdict.Verdict.NOT_ELIGIBLE) {
      addClassName("kpi-not-met");
    }
    DragSource<CandidateCard> drag = DragSource.create(this);
    drag.setDragData(verdict);
  }

  CandidateVerdict verdict() {
    return verdict;
  }

  /** A reason in the user's language: the code's text and the values compared. */
  static String reason(Reason r, Texts t) {
    String values = r.values().entrySet().stream()
        .map(e -> valueName(e.getKey(), t) + " " + e.getValue())
        .collect(Collectors.joining(", "));
    String code = t.t("liquid.reason." + r.code().toUpperCase(Locale.ROOT).replace(':', '_'));
    return values.isEmpty() ? code : code + " (" + values + ")";
  }

  /**
   * The name of a compared value in the user's language; a name a pack author added without a
   * text shows as written (a pack's own parameter name).
   */
  static String valueName(String name, Texts t) {
    String text = t.t("liquid.compared." + name);
    return text.startsWith("!") ? name : text;
  }
}
