package dev.baton.designer.rules.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import dev.baton.designer.base.ui.MainLayout;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.base.ui.UnloadGuard;
import dev.baton.designer.base.ui.UnsavedWork;
import dev.baton.designer.rules.WorkingCopies;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.baton.designer.packs.model.Blocks;
import dev.baton.designer.packs.model.EditHistory;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.designer.packs.model.PaletteItem;
import dev.baton.designer.i18n.ProblemTexts;
import dev.baton.designer.packs.model.Translations;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.packs.RulePackService;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.designer.packs.ui.PackRoutes;
import dev.baton.designer.packs.ui.VersionsView;
import dev.baton.engine.Problem;
import dev.baton.engine.repository.Draft;
import dev.baton.engine.repository.DraftRef;
import dev.baton.engine.rulepack.CheckReport;
import dev.baton.engine.rulepack.RulePackChecks;
import dev.baton.engine.rules.Decision;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule designer: palette, rule cards with their blocks, live validation on the blocks, the
 * test panel, the decision table, fact types and the YAML. Analysts edit and save drafts; the
 * other roles read.
 */
@Route(value = PackRoutes.DESIGN, layout = MainLayout.class)
@RolesAllowed({"ANALYST", "OPS", "REVIEWER", "AUDITOR", "DEVELOPER", "ADMIN"})
public class DesignerView extends VerticalLayout implements BeforeEnterObserver,
    BeforeLeaveObserver, HasDynamicTitle, UnsavedWork {
  private static final long serialVersionUID = 1L;
  private static final Pattern PATH = Pattern.compile("^rules\\[(\\d+)\\](?:\\.(when|then)\\[(\\d+)\\])?.*");

  private final transient RulePackService service;
  private final Texts t = Texts.current();
  private transient PackModel model;
  private transient EditorContext ctx;
  private transient Draft draft;
  private long revision;
  private final Div rulesArea = new Div();
  private final Div headerProblems = new Div();
  private final Div translationWarnings = new Div();
  private final Span problemCount = new Span();
  private final Span status = new Span();
  private final TextField version = new TextField();
  private final TextArea yaml = new TextArea();
  private transient Palette palette;
  private transient Map<String, List<BlockFrame>> blocks = new HashMap<>();
  private final transient List<RuleCard> cards = new ArrayList<>();
  private final transient java.util.Set<String> firedRules = new java.util.HashSet<>();
  private final transient Map<String, Details> ruleDetails = new HashMap<>();
  private final transient List<Span> summaries = new ArrayList<>();
  private final transient Map<String, Span> findingBadges = new HashMap<>();
  private final transient java.util.Set<String> openRules = new java.util.HashSet<>();
  private transient TestPanel testPanel;
  private transient DecisionTableView tableView;
  private transient FactTypesEditor factTypes;
  private transient ParametersEditor parameters;
  private final SplitLayout split = new SplitLayout();
  private String packId;
  private final transient EditHistory history = new EditHistory();
  private final Button undo = new Button();
  private final Button redo = new Button();
  private final Span unsaved = new Span();
  private boolean restoring;
  private final transient WorkingCopies workingCopies;
  private transient WorkingCopies.Autosave autosave;
  private final Div restoreOffer = new Div();
  private boolean handedOver;
  private Boolean guardShown;

  public DesignerView(RulePackService service, WorkingCopies workingCopies) {
    this.service = service;
    this.workingCopies = workingCopies;
    setSizeFull();
    setPadding(true);
    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo the last designer edit
    Shortcuts.addShortcutListener(this, this::undo, Key.KEY_Z, KeyModifier.CONTROL);
    Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Z, KeyModifier.CONTROL,
        KeyModifier.SHIFT);
    Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Y, KeyModifier.CONTROL);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    packId = event.getRouteParameters().get("packId").orElse("");
    var d = service.draft(packId);
    if (d.isEmpty()) {
      removeAll();
      add(new H3(t.t("designer.noDraft", packId)));
      return;
    }
    load(d.get());
  }

  private void load(Draft d) {
    draft = d;
    revision = d.revision();
    model = PackModel.of(d.pack());
    ctx = new EditorContext(model, t, CurrentUser.hasAnyRole(Role.ANALYST));
    ctx.onChange(this::changed);
    // an analyst's edits are kept as a working copy a moment after each edit (autosave)
    autosave = ctx.editable() ? workingCopies.autosave(CurrentUser.name(), packId) : null;
    removeAll();
    translationWarnings.setId("translation-warnings");
    restoreOffer.setId("restore-offer");
    restoreOffer.setVisible(false);
    add(toolbar(), restoreOffer, headerProblems, translationWarnings);
    palette = new Palette(ctx);
    palette.addAddListener(e -> {
      List<Object> when = model.when(e.rule());
      boolean added = e.condition() < 0 ? Blocks.addToRule(model, e.rule(), e.item())
          : e.condition() < when.size() && Blocks.addToCondition(model, when, e.condition(),
              when.get(e.condition()), e.item());
      if (added) {
        String ruleId = String.valueOf(model.rule(e.rule()).get("id"));
        openRules.add(ruleId);
        changed(EditorContext.Change.STRUCTURE);
        // keyboard users land on the block that changed
        int block = e.condition() >= 0 ? e.condition() : e.item().kind().isAction()
            ? model.then(e.rule()).size() - 1 : when.size() - 1;
        BlockFrame.focus((e.item().kind().isAction() && e.condition() < 0 ? "action-" : "cond-")
            + ruleId + "-" + block);
      } else {
        Notices.error(t.t("palette.doesNotFit"));
      }
    });
    testPanel = new TestPanel(service, t, () -> model, () -> draft, this::showDecision,
        this::examplesSaved, ctx.editable());
    tableView = new DecisionTableView(ctx, service::evaluate);
    factTypes = new FactTypesEditor(ctx);
    parameters = new ParametersEditor(ctx);
    TabSheet tabs = new TabSheet();
    tabs.setSizeFull();
    tabs.add(t.t("designer.tab.rules"), rulesPanel()).setId("tab-rules");
    tabs.add(t.t("designer.tab.params"), parameters).setId("tab-params");
    tabs.add(t.t("designer.tab.test"), testPanel).setId("tab-test");
    tabs.add(t.t("designer.tab.table"), tableView).setId("tab-table");
    tabs.add(t.t("designer.tab.facts"), factTypes).setId("tab-facts");
    yaml.setReadOnly(true);
    yaml.setId("yaml");
    yaml.setWidthFull();
    yaml.addClassName("yaml");
    yaml.setLabel(t.t("designer.yaml.label"));
    tabs.add(t.t("designer.tab.yaml"), yaml).setId("tab-yaml");
    tabs.addSelectedChangeListener(e -> {
      yaml.setValue(model.toYaml());
      tableView.render();
    });
    split.removeAll();
    split.addToPrimary(palette);
    split.addToSecondary(tabs);
    split.setSplitterPosition(20);
    split.setSizeFull();
    add(split);
    renderRules();
    history.reset(model.root());
    validate();
    if (!restoreWorkingCopy()) {
      offerStoredCopy();
    }
    updateUnsaved();
  }

  /** Undoes the last edit (button, Ctrl+Z). */
  void undo() {
    if (model != null && ctx.editable()) {
      history.undo().ifPresent(this::restore);
    }
  }

  /** Redoes the last undone edit (button, Ctrl+Shift+Z, Ctrl+Y). */
  void redo() {
    if (model != null && ctx.editable()) {
      history.redo().ifPresent(this::restore);
    }
  }

  private void restore(Map<String, Object> tree) {
    restoring = true;
    try {
      model.replaceRoot(tree);
      version.setValue(model.version());
      changed(EditorContext.Change.STRUCTURE);
    } finally {
      restoring = false;
    }
  }

  /** Asks before leaving the designer with unsaved edits: discard and leave, or stay. */
  @Override
  public void beforeLeave(BeforeLeaveEvent event) {
    if (!hasUnsavedChanges()) {
      return;
    }
    BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
    ConfirmDialog ask = new ConfirmDialog();
    ask.setId("leave-dialog");
    ask.setHeader(t.t("designer.leave.title"));
    ask.setText(t.t("designer.leave.text"));
    ask.setConfirmText(t.t("designer.leave.discard"));
    ask.setConfirmButtonTheme("error primary");
    ask.addConfirmListener(e -> {
      history.reset(model.root());
      if (autosave != null) {
        autosave.clear();
      }
      action.proceed();
    });
    ask.setCancelable(true);
    ask.setCancelText(t.t("designer.leave.stay"));
    ask.open();
  }

  /** True when the editor holds edits that are not saved. */
  @Override
  public boolean hasUnsavedChanges() {
    return model != null && history.unsaved(model.root());
  }

  /**
   * Keeps the working copy in the session, so that a reload (switching the language) brings
   * the edits back; {@link #restoreWorkingCopy} takes it when the same draft opens again.
   */
  @Override
  public void keepWorkingCopy() {
    if (hasUnsavedChanges()) {
      VaadinSession.getCurrent().setAttribute(workingCopyKey(), new WorkingCopy(revision,
          model.toYaml(), new java.util.HashSet<>(openRules)));
      // the view after the reload takes over; this one writes no more working copies
      if (autosave != null) {
        autosave.flush(revision, model.toYaml());
      }
      handedOver = true;
      UnloadGuard.set(UI.getCurrent(), false);
    }
  }

  /** Drops the unsaved edits and the working copy kept of them (sign-out, language switch). */
  @Override
  public void discardWorkingCopy() {
    if (model == null) {
      return;
    }
    history.reset(model.root());
    if (autosave != null) {
      autosave.clear();
    }
    updateUnsaved();
  }

  private String workingCopyKey() {
    return "designer.workingCopy." + packId;
  }

  private boolean restoreWorkingCopy() {
    VaadinSession session = VaadinSession.getCurrent();
    if (session == null || !ctx.editable()) {
      return false;
    }
    Object kept = session.getAttribute(workingCopyKey());
    session.setAttribute(workingCopyKey(), null);
    if (kept instanceof WorkingCopy w && w.revision() == revision) {
      restoring = true;
      try {
        model.replaceRoot(PackModel.parseYaml(w.yaml()).root());
        openRules.addAll(w.openRules());
        version.setValue(model.version());
      } finally {
        restoring = false;
      }
      history.record(model.root());
      changed(EditorContext.Change.STRUCTURE);
      Notices.ok(t.t("designer.restored"));
      return true;
    }
    return false;
  }

  /**
   * Offers the working copy kept of this pack (the tab was closed or the server stopped with
   * unsaved edits): restore it or discard it. A copy that cannot be read is discarded, and said.
   */
  private void offerStoredCopy() {
    restoreOffer.removeAll();
    restoreOffer.setVisible(false);
    if (autosave == null) {
      return;
    }
    dev.baton.designer.rules.WorkingCopy kept;
    try {
      kept = workingCopies.find(CurrentUser.name(), packId).orElse(null);
    } catch (RuntimeException e) {
      Notices.error(t, e);
      return;
    }
    if (kept == null) {
      return;
    }
    java.time.Instant keptAt = kept.savedAt();
    PackModel stored;
    try {
      stored = PackModel.parseYaml(kept.content());
      if (stored.root() == null || !packId.equals(String.valueOf(stored.root().get("id")))) {
        throw new IllegalArgumentException("not a working copy of " + packId);
      }
    } catch (RuntimeException e) {
      autosave.clear();
      Notices.error(t.t("designer.workingCopy.corrupt", t.time(kept.savedAt())));
      return;
    }
    if (stored.toYaml().equals(model.toYaml())) {
      autosave.clear(); // nothing differs from the draft
      return;
    }
    String older = kept.baseRevision() == revision ? ""
        : " " + t.t("designer.workingCopy.older", kept.baseRevision(), revision);
    Span text = new Span(t.t("designer.workingCopy.offer", t.time(kept.savedAt())) + older);
    text.setId("restore-offer-text");
    Button restore = new Button(t.t("designer.workingCopy.restore"), e -> {
      closeOffer();
      Map<String, Object> before = model.copy().root();
      // the history records the restored tree only once the editor could show it
      restoring = true;
      try {
        model.replaceRoot(stored.root());
        version.setValue(model.version());
        changed(EditorContext.Change.STRUCTURE);
        restoring = false;
        history.record(model.root());
        updateUnsaved();
        Notices.ok(t.t("designer.workingCopy.restored"));
      } catch (RuntimeException shapeless) {
        // YAML, but not in the shape of a pack the editor can show: back to what was open
        restoring = true;
        model.replaceRoot(before);
        version.setValue(model.version());
        changed(EditorContext.Change.STRUCTURE); // also replaces the stored copy
        Notices.error(t.t("designer.workingCopy.corrupt", t.time(keptAt)));
      } finally {
        restoring = false;
      }
    });
    restore.setId("restore-working-copy");
    restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
    Button discard = new Button(t.t("designer.workingCopy.discard"), e -> {
      closeOffer();
      autosave(); // keeps what was edited since the draft opened, deletes the old copy
      Notices.ok(t.t("designer.workingCopy.discarded"));
    });
    discard.setId("discard-working-copy");
    discard.addThemeVariants(ButtonVariant.LUMO_SMALL);
    restoreOffer.add(text, restore, discard);
    restoreOffer.addClassName("block-warning");
    restoreOffer.getStyle().set("display", "flex").set("flex-wrap", "wrap")
        .set("align-items", "center").set("gap", "var(--lumo-space-s)");
    restoreOffer.setVisible(true);
  }

  private void closeOffer() {
    restoreOffer.removeAll();
    restoreOffer.setVisible(false);
  }

  /** Writes the working copy a moment later, or deletes it when nothing is unsaved. */
  private void autosave() {
    if (autosave == null || handedOver) {
      return;
    }
    if (hasUnsavedChanges()) {
      autosave.edited(revision, model.toYaml());
    } else {
      autosave.clear();
    }
  }

  @Override
  protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
    super.onDetach(event);
    // the tab closed or the view was left: what is unsaved is written now
    if (autosave != null && !handedOver && hasUnsavedChanges()) {
      autosave.flush(revision, model.toYaml());
    }
    UnloadGuard.set(event.getUI(), false);
    guardShown = null;
  }

  /** Unsaved edits kept over a reload, with the draft revision they were made on. */
  private record WorkingCopy(long revision, String yaml, java.util.Set<String> openRules)
      implements java.io.Serializable {}

  private void updateUnsaved() {
    boolean dirty = hasUnsavedChanges();
    unsaved.setText(dirty ? t.t("designer.unsaved") : "");
    unsaved.getElement().setAttribute("data-unsaved", String.valueOf(dirty));
    if (ctx.editable() && !Boolean.valueOf(dirty).equals(guardShown)) {
      UnloadGuard.set(UI.getCurrent(), dirty); // the browser asks before closing the tab
      guardShown = dirty;
    }
    undo.setEnabled(ctx.editable() && history.canUndo());
    redo.setEnabled(ctx.editable() && history.canRedo());
  }

  private HorizontalLayout toolbar() {
    H3 title = new H3(packId);
    title.setId("designer-title");
    version.setLabel(t.t("designer.version"));
    version.setId("draft-version");
    version.setValue(model.version());
    version.setReadOnly(!ctx.editable());
    version.setWidth("9em");
    version.addValueChangeListener(e -> {
      model.setVersion(e.getValue().trim());
      changed(EditorContext.Change.VALUE);
    });
    status.setId("draft-status");
    unsaved.setId("unsaved-mark");
    unsaved.addClassName("unsaved-mark");
    undo.setText(t.t("designer.undo"));
    undo.setIcon(VaadinIcon.ARROW_BACKWARD.create());
    undo.setId("undo");
    undo.setTooltipText(t.t("designer.undoKeys"));
    undo.addClickListener(e -> undo());
    undo.setVisible(ctx.editable());
    redo.setText(t.t("designer.redo"));
    redo.setIcon(VaadinIcon.ARROW_FORWARD.create());
    redo.setId("redo");
    redo.setTooltipText(t.t("designer.redoKeys"));
    redo.addClickListener(e -> redo());
    redo.setVisible(ctx.editable());
    problemCount.setId("problem-count");
    Button save = new Button(t.t("designer.save"), e -> save());
    save.setId("save-draft");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setEnabled(ctx.editable());
    Button versions = new Button(t.t("designer.versions"), e -> UI.getCurrent().navigate(
        VersionsView.class, new RouteParameters("packId", packId)));
    versions.setId("designer-versions");
    Span readOnly = new Span(ctx.editable() ? "" : t.t("designer.readOnly"));
    readOnly.setId("read-only-note");
    HorizontalLayout bar = new HorizontalLayout(title, version, status, unsaved, problemCount,
        readOnly, undo, redo, save, versions);
    bar.setAlignItems(Alignment.BASELINE);
    bar.setWidthFull();
    bar.expand(readOnly);
    updateStatus();
    return bar;
  }

  private void updateStatus() {
    status.setText(t.t("designer.status", revision, draft.savedBy(), t.time(draft.savedAt())));
  }

  private VerticalLayout rulesPanel() {
    Button addRule = new Button(t.t("designer.addRule"), e -> {
      int index = model.addStarterRule(t.t("designer.newRuleEn"), t.t("designer.newRuleZh"));
      openRules.add(String.valueOf(model.rule(index).get("id")));
      changed(EditorContext.Change.STRUCTURE);
    });
    addRule.setId("add-rule");
    addRule.setVisible(ctx.editable());
    rulesArea.setId("rules");
    rulesArea.setWidthFull();
    VerticalLayout v = new VerticalLayout(rulesArea, addRule);
    v.setPadding(false);
    return v;
  }

  private void renderRules() {
    rulesArea.removeAll();
    ruleDetails.clear();
    findingBadges.clear();
    cards.clear();
    summaries.clear();
    blocks = new HashMap<>();
    for (int i = 0; i < model.rules().size(); i++) {
      int index = i;
      String ruleId = String.valueOf(model.rule(i).get("id"));
      Span summary = new Span(ruleId + " — " + ruleTitle(model.rule(i)));
      Span badge = new Span();
      badge.addClassName("block-problem");
      // what the static checks found about the rule, visible while its card is closed
      Span checks = new Span();
      checks.setId("details-" + ruleId + "-checks");
      findingBadges.put(ruleId, checks);
      Details details = new Details(new HorizontalLayout(summary, badge, checks));
      details.setId("details-" + ruleId);
      ruleDetails.put(ruleId, details);
      details.setWidthFull();
      summaries.add(badge);
      // cards are built when opened: a pack with many rules opens fast
      details.addOpenedChangeListener(e -> {
        if (e.isOpened() && details.getContent().findAny().isEmpty()) {
          details.add(card(index));
          validate();
        }
        if (e.isOpened()) {
          openRules.add(ruleId);
        } else {
          openRules.remove(ruleId);
        }
      });
      if (openRules.contains(ruleId) || model.rules().size() <= 3) {
        details.add(card(index));
        details.setOpened(true);
      }
      rulesArea.add(details);
    }
  }

  private RuleCard card(int index) {
    RuleCard card = new RuleCard(ctx, index, (key, block) -> {
      if (block != null) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(block);
      }
    });
    cards.add(card);
    card.setFired(firedRules.contains(card.ruleId()));
    return card;
  }

  @SuppressWarnings("unchecked")
  private String ruleTitle(Map<String, Object> rule) {
    if (rule.get("title") instanceof Map<?, ?> m) {
      Object v = m.get(t.chinese() ? "zh-CN" : "en");
      return v == null ? String.valueOf(((Map<String, Object>) m).get("en")) : String.valueOf(v);
    }
    return "";
  }

  private void changed(EditorContext.Change change) {
    if (!restoring) {
      history.record(model.root());
    }
    if (change == EditorContext.Change.STRUCTURE) {
      renderRules();
      palette.render();
      factTypes.render();
      parameters.render();
      tableView.render();
    }
    testPanel.clearDecision();
    clearDecision();
    validate();
    updateUnsaved();
    autosave();
  }

  /** Runs the reader on the tree and shows each problem on its block. */
  private void validate() {
    // a missing translation is a warning (the other language stands in), not a problem
    PackModel filled = model.copy();
    List<Translations.Filled> missing = Translations.fillMissing(filled.root());
    List<Problem> problems = filled.validate();
    translationWarnings.removeAll();
    missing.forEach(f -> {
      Div d = new Div(t.t("designer.translationMissing", f.where(),
          t.t("language." + f.language()), t.t("language." + f.from())));
      d.addClassName("block-warning");
      translationWarnings.add(d);
    });
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    for (Problem p : problems) {
      String text = ProblemTexts.text(p, t);
      String key = key(p.path());
      if (key != null) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
      } else {
        other.add((p.path() == null ? "" : p.path() + ": ") + text);
      }
    }
    blocks.forEach((key, list) -> {
      list.get(0).showProblems(byKey.getOrDefault(key, List.of()));
      list.stream().skip(1).forEach(b -> b.showProblems(List.of()));
    });
    for (RuleCard card : cards) {
      card.showProblems(byKey.getOrDefault("r" + card.index(), List.of()));
    }
    for (int i = 0; i < summaries.size(); i++) {
      String prefix = "r" + i;
      long n = byKey.entrySet().stream().filter(e -> e.getKey().equals(prefix)
          || e.getKey().startsWith(prefix + ".")).mapToLong(e -> e.getValue().size()).sum();
      summaries.get(i).setText(n == 0 ? "" : t.t("designer.problems", n));
    }
    parameters.showProblems(problems);
    headerProblems.removeAll();
    other.forEach(o -> {
      Div d = new Div(o);
      d.addClassName("block-problem");
      headerProblems.add(d);
    });
    showFindings(problems.isEmpty() ? RulePackChecks.check(filled.toPack()) : null);
    problemCount.setText(problems.isEmpty() ? t.t("designer.valid")
        : t.t("designer.problems", problems.size()));
    problemCount.getElement().setAttribute("data-problems", String.valueOf(problems.size()));
  }

  /**
   * Shows the static checks' findings on the rule cards and in the test panel; null (the pack is
   * not valid yet) clears them.
   */
  private void showFindings(CheckReport report) {
    for (RuleCard card : cards) {
      card.showFindings(report == null ? List.of() : report.forRule(card.ruleId()), t.locale());
    }
    testPanel.showFindings(report);
    if (tableView != null) {
      tableView.showFindings(report);
    }
    findingBadges.forEach((ruleId, badge) -> {
      List<dev.baton.engine.rulepack.Finding> found = report == null ? List.of()
          : report.forRule(ruleId);
      badge.setText(found.isEmpty() ? "" : t.t("checks.badge", found.size()));
      boolean error = found.stream().anyMatch(f -> f.severity()
          == dev.baton.engine.rulepack.Finding.Severity.ERROR);
      badge.setClassName("block-problem", error);
      badge.setClassName("block-warning", !error);
    });
  }

  /** The block key of a problem path: {@code r2.when0}, {@code r2.then1}, {@code r2}, or null. */
  static String key(String path) {
    if (path == null) {
      return null;
    }
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return null;
    }
    return m.group(2) == null ? "r" + m.group(1) : "r" + m.group(1) + "." + m.group(2)
        + m.group(3);
  }

  private void save() {
    try {
      // the language the analyst did not write is filled from the other, and said so
      PackModel filled = model.copy();
      List<Translations.Filled> missing = Translations.fillMissing(filled.root());
      var pack = filled.toPack();
      if (!missing.isEmpty()) {
        Translations.fillMissing(model.root());
        history.record(model.root());
        renderRules();
        validate();
      }
      DraftRef ref = service.saveDraft(pack, revision);
      revision = ref.revision();
      draft = service.draft(packId).orElseThrow();
      boolean bumped = !ref.version().equals(model.version());
      restoring = true;
      try {
        if (bumped) {
          model.setVersion(ref.version());
          version.setValue(ref.version());
        }
      } finally {
        restoring = false;
      }
      history.markSaved(model.root());
      if (autosave != null) {
        autosave.clear();
      }
      updateUnsaved();
      String filledNote = missing.isEmpty() ? "" : " " + t.t("designer.translationsFilled",
          missing.size());
      if (bumped) {
        Notices.ok(t.t("designer.savedBumped", ref.revision(), ref.version()) + filledNote);
      } else {
        Notices.ok(t.t("designer.saved", ref.revision()) + filledNote);
      }
      updateStatus();
    } catch (RuntimeException e) {
      Notices.error(t, e);
    }
  }

  private void examplesSaved(DraftRef ref) {
    revision = ref.revision();
    draft = service.draft(packId).orElseThrow();
    updateStatus();
  }

  private void clearDecision() {
    firedRules.clear();
    ruleDetails.values().forEach(d -> d.removeClassName("fired"));
    ruleDetails.values().forEach(d -> d.removeClassName("missed"));
    cards.forEach(c -> c.setFired(false));
    blocks.values().forEach(l -> l.forEach(b -> b.showMiss(null)));
  }

  /** Highlights the rules that fired and shows each nearest miss on its failing block. */
  void showDecision(Decision d) {
    clearDecision();
    List<String> fired = d.firedRuleIds();
    firedRules.addAll(fired);
    // every rule says whether it fired, also the closed ones (their cards are built later)
    ruleDetails.forEach((id, det) -> {
      if (fired.contains(id)) {
        det.addClassName("fired");
      }
    });
    cards.forEach(c -> c.setFired(fired.contains(c.ruleId())));
    // and whether it was a nearest miss, also when its card is closed
    d.nearestMisses().forEach(m -> {
      Details det = ruleDetails.get(m.rule());
      if (det != null && !fired.contains(m.rule())) {
        det.addClassName("missed");
      }
    });
    for (Decision.NearestMiss miss : d.nearestMisses()) {
      for (int i = 0; i < model.rules().size(); i++) {
        if (String.valueOf(model.rule(i).get("id")).equals(miss.rule())) {
          List<BlockFrame> b = blocks.get("r" + i + ".when" + (miss.condition() - 1));
          if (b != null) {
            b.get(0).showMiss(t.t("designer.miss", new dev.baton.designer.i18n.EngineTexts(t)
                .miss(dev.baton.engine.rules.MissReason.of(miss))));
          }
        }
      }
    }
  }

  @Override
  public String getPageTitle() {
    return t.t("designer.title", packId == null ? "" : packId);
  }
}
