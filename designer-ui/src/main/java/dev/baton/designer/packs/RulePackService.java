package dev.baton.designer.packs;

import dev.baton.designer.security.CurrentUser;
import dev.baton.engine.audit.BacktestReport;
import dev.baton.engine.audit.BacktestScope;
import dev.baton.engine.audit.Cancellation;
import dev.baton.engine.audit.ProgressListener;
import dev.baton.engine.repository.Draft;
import dev.baton.engine.repository.DraftRef;
import dev.baton.engine.repository.MergeResult;
import dev.baton.engine.repository.PackDiff;
import dev.baton.engine.repository.PackEvent;
import dev.baton.engine.repository.PackRefusedException;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.repository.PackSummary;
import dev.baton.engine.repository.PublishedVersion;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.PackExample;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.ExampleResult;
import dev.baton.engine.runtime.Baton;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What the designer's views may do with rule packs, each method checked for its role (the views
 * check the same roles to show or hide their buttons). Every refusal changes nothing: the
 * engine's repository validates and checks revisions inside one transaction.
 */
@Service
public class RulePackService {
  static final String ANALYST = "ANALYST";
  static final String OPS = "OPS";
  static final String REVIEWER = "REVIEWER";
  static final String AUDITOR = "AUDITOR";
  static final String DEVELOPER = "DEVELOPER";
  static final String ADMIN = "ADMIN";

  private final Baton baton;
  private final TemplateCatalogue catalogue;

  public RulePackService(Baton baton, TemplateCatalogue catalogue) {
    this.baton = baton;
    this.catalogue = catalogue;
  }

  /** Every pack. */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public List<PackSummary> list() {
    return baton.packs().list();
  }

  /** The latest draft of a pack. */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public Optional<Draft> draft(String packId) {
    return baton.packs().draft(packId);
  }

  /** The template catalogue. */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public List<TemplateCatalogue.Template> templates() {
    return catalogue.templates();
  }

  /**
   * Imports a template with parameter values as a new pack; its examples come along as a second
   * draft revision, so that the test panel can run them.
   */
  @RolesAllowed({OPS, ADMIN})
  public DraftRef importTemplate(String templateId, Map<String, Object> values) {
    TemplateCatalogue.Template t = template(templateId);
    DraftRef ref = baton.packs().importTemplate(t.pack(), values, CurrentUser.name());
    if (t.examples() == null) {
      return ref;
    }
    RulePack draft = baton.packs().draft(t.pack().id()).orElseThrow().pack();
    return baton.packs().importDraft(PackSource.bytes(templateId + ".zip",
        PackZips.of(draft, t.examples())), CurrentUser.name(), "examples of template "
        + t.pack().coordinates());
  }

  /** Upgrades a pack to the catalogue's template version with a three-way merge. */
  @RolesAllowed({OPS, ADMIN})
  public MergeResult upgradeTemplate(String templateId,
      Map<String, MergeResult.Resolution> resolutions) {
    TemplateCatalogue.Template t = template(templateId);
    return baton.packs().upgradeTemplate(t.pack().id(), t.pack(), CurrentUser.name(),
        resolutions);
  }

  /** The current parameter values of a pack's draft, by name (empty when it has no draft). */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public Map<String, Object> parameterValues(String packId) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    baton.packs().draft(packId).ifPresent(d -> d.pack().parameters().forEach(p ->
        out.put(p.name(), dev.baton.designer.packs.ui.ValueEditor.treeValue(p.value()))));
    return out;
  }

  /**
   * Sets parameter values of a pack's draft (the template form of an existing pack) and saves
   * it as the next revision; the reader checks every value, and a bad one changes nothing.
   */
  @RolesAllowed({OPS, ADMIN})
  public DraftRef setParameters(String packId, Map<String, Object> values) {
    Draft d = baton.packs().draft(packId).orElseThrow();
    dev.baton.designer.packs.model.PackModel m =
        dev.baton.designer.packs.model.PackModel.of(d.pack());
    values.forEach((name, v) -> {
      Map<String, Object> p = m.parameters().get(name);
      if (p == null) {
        throw new dev.baton.engine.ValidationException("parameters of " + packId, List.of(
            new dev.baton.engine.Problem(packId, 0, 0, null, "parameters." + name,
                "The pack has no parameter '" + name + "'.",
                "Choose one of " + m.parameters().keySet() + ".")));
      }
      p.put("value", v);
    });
    return baton.packs().saveDraft(withPublishableVersion(m.toPack()), d.revision(),
        CurrentUser.name());
  }

  /** Imports an uploaded pack file (YAML or JSON) or zip as a draft. */
  @RolesAllowed({OPS, ANALYST, ADMIN})
  public DraftRef importFile(String fileName, byte[] content) {
    return baton.packs().importDraft(PackSource.bytes(fileName, content), CurrentUser.name(),
        "upload " + fileName);
  }

  /** Creates a new pack whose draft holds one starter rule (which the analyst then edits). */
  @RolesAllowed({ANALYST, OPS, ADMIN})
  public DraftRef create(String id, String kind, String titleEn, String titleZh) {
    if (baton.packs().draft(id).isPresent()) {
      throw new PackRefusedException(id, PackRefusedException.Reason.ALREADY_EXISTS,
          "A pack '" + id + "' exists already.");
    }
    String yaml = "id: " + q(id) + "\nversion: 0.1.0\nkind: " + q(kind) + "\ntitle: {en: "
        + q(titleEn) + ", zh-CN: " + q(titleZh) + "}\nfacts:\n  Customer:\n    customerId: string\n"
        + "rules:\n  - id: first-rule\n    title: {en: First rule, zh-CN: 第一条规则}\n"
        + "    when:\n      - Customer as customer: {}\n    then:\n"
        + "      - emit: {action: CREATE_SALES_TASK, customerId: $customer.customerId}\n";
    RulePack pack = RulePacks.parse("new pack " + id, yaml);
    return baton.packs().saveDraft(pack, 0, CurrentUser.name());
  }

  private static String q(String s) {
    return "\"" + (s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
  }

  /**
   * Saves an edited pack as the next draft revision. A draft whose version is not above the
   * latest published version gets the next patch version, so that it can be published.
   *
   * @throws dev.baton.engine.repository.ConcurrentEditException when someone saved meanwhile
   */
  @RolesAllowed({ANALYST, ADMIN})
  public DraftRef saveDraft(RulePack pack, long expectedRevision) {
    return baton.packs().saveDraft(withPublishableVersion(pack), expectedRevision,
        CurrentUser.name());
  }

  /** The pack with a version above every published one (unchanged when it is already). */
  public RulePack withPublishableVersion(RulePack pack) {
    String latest = baton.packs().versions(pack.id()).stream().map(PublishedVersion::version)
        .reduce((a, b) -> Versions.compare(a, b) >= 0 ? a : b).orElse(null);
    if (latest == null || Versions.compare(pack.version(), latest) > 0) {
      return pack;
    }
    return new RulePack(pack.id(), Versions.nextPatch(latest), pack.kind(), pack.title(),
        pack.description(), pack.parameters(), pack.scores(), pack.factTypes(), pack.rules(),
        pack.hitPolicy());
  }

  /**
   * Stores new examples with the saved draft (as a new revision with the same rules).
   *
   * @throws dev.baton.engine.repository.ConcurrentEditException when the draft moved on
   */
  @RolesAllowed({ANALYST, ADMIN})
  public DraftRef saveExamples(String packId, long expectedRevision, String examplesYaml) {
    Draft d = baton.packs().draft(packId).orElseThrow();
    if (d.revision() != expectedRevision) {
      throw new dev.baton.engine.repository.ConcurrentEditException(packId, expectedRevision,
          d.revision(), d.savedBy(), d.savedAt());
    }
    RulePacks.parseExamples("examples", examplesYaml);
    return baton.packs().importDraft(PackSource.bytes(packId + ".zip",
        PackZips.of(d.pack(), examplesYaml)), CurrentUser.name(), "examples saved in the designer");
  }

  /** Runs examples on a pack (which need not be saved). */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public List<ExampleResult> runExamples(RulePack pack, List<PackExample> examples) {
    return baton.rules().runExamples(pack, examples);
  }

  /** Evaluates a pack alone on facts, without recording. */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public Decision evaluate(RulePack pack, List<Fact> facts, Instant now) {
    return baton.rules().evaluate(Evaluation.of(List.of(pack), facts, now));
  }

  /** Publishes the draft as a new active version. */
  @RolesAllowed({OPS, ADMIN})
  public PublishedVersion publish(String packId, String note) {
    return baton.packs().publish(packId, CurrentUser.name(), note);
  }

  /** Makes another published version active again. */
  @RolesAllowed({OPS, ADMIN})
  public PublishedVersion rollback(String packId, String version, String why) {
    return baton.packs().rollback(packId, version, CurrentUser.name(), why);
  }

  /** Published versions, lowest first. */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public List<PublishedVersion> versions(String packId) {
    return baton.packs().versions(packId);
  }

  /** The pack's history, oldest first. */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public List<PackEvent> history(String packId) {
    return baton.packs().history(packId);
  }

  /** The semantic diff between two versions ({@code draft} for the draft). */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public PackDiff diff(String packId, String from, String to) {
    return baton.packs().diff(packId, from, to);
  }

  /** A published version's content. */
  @RolesAllowed({ANALYST, OPS, REVIEWER, AUDITOR, DEVELOPER, ADMIN})
  public Optional<RulePack> version(String packId, String version) {
    return baton.packs().get(packId, version);
  }

  /** Backtests the draft against every recorded decision that used the pack. */
  @RolesAllowed({ANALYST, OPS, AUDITOR, ADMIN})
  public BacktestReport backtestDraft(String packId, ProgressListener progress,
      Cancellation cancellation) {
    RulePack draft = baton.packs().draft(packId).orElseThrow().pack();
    return baton.decisions().replayer().backtest(draft, BacktestScope.all(), progress,
        cancellation);
  }

  private TemplateCatalogue.Template template(String id) {
    return catalogue.template(id).orElseThrow(() ->
        new IllegalArgumentException("No template '" + id + "' in the catalogue."));
  }
}
