package dev.baton.designer.liquid.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.baton.designer.base.ui.EChart;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.BatonException;
import dev.baton.engine.liquid.Campaign;
import dev.baton.engine.liquid.CampaignStatus;
import dev.baton.engine.liquid.CandidateVerdict;
import dev.baton.engine.liquid.ContributionSummary;
import dev.baton.engine.liquid.DemandRole;
import dev.baton.engine.liquid.EventPoints;
import dev.baton.engine.liquid.Formation;
import dev.baton.engine.liquid.FormationMode;
import dev.baton.engine.liquid.FormedUnit;
import dev.baton.engine.liquid.LiquidServices;
import dev.baton.engine.liquid.Unit;
import dev.baton.engine.liquid.UnitMember;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The campaign board (战役编组中心): pick a campaign, see the formation pack's picks per role and
 * every candidate with their eligibility and reason, drag people onto roles (a person the pack
 * refuses for a role is refused with the reason), and form the unit with that assignment (OPS).
 * Below, the value view (价值分布图): contribution points by person as a chart and every event's
 * points with their reasons as a table.
 */
@Route(value = "campaigns", layout = MainLayout.class)
@Menu(title = "nav.campaigns", order = 9)
@RolesAllowed({"OPS", "ANALYST", "ADMIN"})
public class CampaignBoardView extends VerticalLayout implements HasDynamicTitle {
  private static final long serialVersionUID = 1L;
  private final transient LiquidServices liquid;
  private final Texts t = Texts.current();
  private final Select<Campaign> campaign = new Select<>();
  private final HorizontalLayout roles = new HorizontalLayout();
  private final Div pool = new Div();
  private final Button form = new Button();
  private final EChart byPerson = new EChart("liquid-value-chart");
  private final Grid<EventPoints> events = new Grid<>();
  private final Paragraph summary = new Paragraph();
  private final Paragraph staffedNote = new Paragraph();
  private transient Formation formation;
  /** person id by role: the assignment the board shows. */
  private final Map<String, List<String>> assignment = new LinkedHashMap<>();

  public CampaignBoardView(LiquidServices liquid) {
    this.liquid = liquid;
    setWidthFull();
    configureCampaigns();
    configureForm();
    configureValueView();
    roles.setId("liquid-roles");
    roles.setWidthFull();
    pool.setId("liquid-pool");
    pool.getStyle().set("display", "flex").set("flexWrap", "wrap");
    add(new H2(t.t("liquid.board.title")), new Paragraph(t.t("liquid.board.help")), campaign,
        staffedNote, roles, form, new H3(t.t("liquid.board.candidates")), pool,
        new H2(t.t("liquid.value.title")), summary, byPerson, events);
    List<Campaign> all = liquid.directory().campaigns();
    all.stream().filter(c -> c.status() == CampaignStatus.OPEN).findFirst()
        .or(() -> all.stream().findFirst()).ifPresent(campaign::setValue);
  }

  private void configureCampaigns() {
    campaign.setId("liquid-campaign");
    campaign.setLabel(t.t("liquid.board.campaign"));
    campaign.setWidth("40em");
    campaign.setItems(liquid.directory().campaigns());
    campaign.setItemLabelGenerator(c -> c.id() + " · " + c.name() + " · "
        + t.t("liquid.status." + c.status().name()));
    campaign.addValueChangeListener(e -> {
      if (e.getValue() != null) {
        show(e.getValue());
      }
    });
  }

  private void configureForm() {
    form.setId("liquid-form");
    form.setText(t.t("liquid.board.form"));
    form.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    form.setVisible(CurrentUser.hasAnyRole(Role.OPS, Role.ADMIN));
    form.addClickListener(e -> formUnit());
  }

  private void configureValueView() {
    events.setId("liquid-value-events");
    events.addColumn(EventPoints::eventId).setHeader(t.t("liquid.value.event")).setAutoWidth(true);
    events.addColumn(EventPoints::personId).setHeader(t.t("liquid.value.person"))
        .setAutoWidth(true);
    events.addColumn(p -> p.role() == null ? "-"
        : new dev.baton.designer.i18n.EngineTexts(t).named("liquid.role.", p.role())).setHeader(t.t("liquid.value.role"))
        .setAutoWidth(true);
    events.addColumn(EventPoints::kind).setHeader(t.t("liquid.value.kind")).setAutoWidth(true);
    events.addColumn(p -> p.points().toPlainString()).setHeader(t.t("liquid.value.points"))
        .setAutoWidth(true);
    events.addColumn(p -> p.reasons().stream().map(r -> CandidateCard.reason(r, t))
        .collect(Collectors.joining("; "))).setHeader(t.t("liquid.value.why")).setFlexGrow(1);
    events.setAllRowsVisible(true);
  }

  private void show(Campaign c) {
    formation = liquid.propose(c.id());
    assignment.clear();
    formation.roles().forEach(r -> assignment.put(r.demand().role(),
        new ArrayList<>(r.picked())));
    if (c.status() != CampaignStatus.OPEN) {
      // a staffed or closed campaign shows its unit's members
      liquid.directory().unitsOf(c.id()).stream().findFirst().ifPresent(u -> {
        assignment.replaceAll((role, people) -> new ArrayList<>());
        u.members().forEach(m -> assignment.computeIfAbsent(m.role(), k -> new ArrayList<>())
            .add(m.personId()));
      });
    }
    form.setEnabled(c.status() == CampaignStatus.OPEN);
    staffedNote.setId("liquid-staffed-note");
    staffedNote.setText(t.t("liquid.board.staffedNote"));
    staffedNote.setVisible(c.status() != CampaignStatus.OPEN);
    drawBoard(c);
    drawValue(c);
  }

  private void drawBoard(Campaign c) {
    roles.removeAll();
    for (DemandRole d : c.demand()) {
      VerticalLayout column = new VerticalLayout();
      column.setId("role-" + d.role());
      column.getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)")
          .set("borderRadius", "8px").set("minHeight", "8em");
      List<String> people = assignment.getOrDefault(d.role(), List.of());
      column.getElement().setAttribute("data-members", String.join(",", people));
      column.add(new H4(t.t("liquid.board.role", new dev.baton.designer.i18n.EngineTexts(t)
          .named("liquid.role.", d.role()), people.size(), d.count())));
      column.add(new Paragraph(t.t("liquid.board.threshold", d.requiredSkill(),
          d.minSkillLevel(), d.requiredCertification().isEmpty() ? "-"
              : d.requiredCertification())));
      for (String person : people) {
        formation.verdict(person, d.role()).ifPresent(v -> column.add(new CandidateCard(v, t)));
      }
      DropTarget<VerticalLayout> drop = DropTarget.create(column);
      drop.addDropListener(e -> e.getDragData().ifPresent(data ->
          assign((CandidateVerdict) data, d, c)));
      roles.add(column);
    }
    pool.removeAll();
    formation.candidates().forEach(v -> pool.add(new CandidateCard(v, t)));
  }

  /** A person dropped on a role: taken when the pack says they are eligible for it. */
  private void assign(CandidateVerdict dragged, DemandRole role, Campaign c) {
    CandidateVerdict forRole = formation.verdict(dragged.personId(), role.role()).orElse(null);
    if (forRole == null || forRole.verdict() == CandidateVerdict.Verdict.NOT_ELIGIBLE) {
      String why = forRole == null ? t.t("liquid.board.notCandidate")
          : forRole.reasons().stream().map(r -> CandidateCard.reason(r, t))
              .collect(Collectors.joining("; "));
      Notification n = Notification.show(t.t("liquid.board.refused", dragged.name(),
          new dev.baton.designer.i18n.EngineTexts(t).named("liquid.role.", role.role()), why), 6000, Notification.Position.MIDDLE);
      n.addThemeVariants(NotificationVariant.LUMO_ERROR);
      n.setId("liquid-refused");
      return;
    }
    assignment.values().forEach(people -> people.remove(dragged.personId()));
    assignment.computeIfAbsent(role.role(), k -> new ArrayList<>()).add(dragged.personId());
    drawBoard(c);
  }

  private void formUnit() {
    Campaign c = campaign.getValue();
    List<UnitMember> members = new ArrayList<>();
    assignment.forEach((role, people) -> people.forEach(p -> members.add(
        new UnitMember(p, role, liquid.clock().instant(), null))));
    try {
      if (members.isEmpty()) {
        throw new BatonException(t.t("liquid.board.empty"));
      }
      FormedUnit proposed = liquid.formUnit(c.id(), FormationMode.LEAD_CONFIRMS,
          CurrentUser.name());
      Unit unit = liquid.confirm(proposed.unit().id(), members, CurrentUser.name());
      Notification.show(t.t("liquid.board.formed", unit.id(), unit.members().size()), 5000,
          Notification.Position.BOTTOM_START).setId("liquid-formed");
      List<Campaign> all = liquid.directory().campaigns();
      campaign.setItems(all);
      all.stream().filter(x -> x.id().equals(c.id())).findFirst().ifPresent(campaign::setValue);
    } catch (BatonException e) {
      Notification n = Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE);
      n.addThemeVariants(NotificationVariant.LUMO_ERROR);
      n.setId("liquid-form-error");
    }
  }

  private void drawValue(Campaign c) {
    ContributionSummary s = liquid.contributions(c.id());
    summary.setId("liquid-value-summary");
    summary.setText(t.t("liquid.value.summary", s.pack(), s.events().size(),
        s.total().toPlainString(), s.attributableShare() * 100));
    List<String> people = new ArrayList<>(s.byPerson().keySet());
    byPerson.draw(EChart.bars(people, t.t("liquid.value.points"), List.of(new EChart.Series(
        t.t("liquid.value.series"), "#2e7d32", people.stream()
            .map(p -> (Number) s.byPerson().get(p)).toList())), false),
        Map.of("people", s.byPerson().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().toPlainString())
            .collect(Collectors.joining(","))));
    events.setItems(s.events());
  }

  @Override
  public String getPageTitle() {
    return t.t("liquid.board.title");
  }
}
