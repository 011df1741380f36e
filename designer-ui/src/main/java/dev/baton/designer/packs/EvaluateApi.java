package dev.baton.designer.packs;

import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiInput;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.BatonException;
import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.PackRef;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.DecideOptions;
import dev.baton.engine.runtime.Decided;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/evaluate}: a pack or a pipeline on a facts document, optionally recorded. */
@RestController
@Tag(name = "evaluate", description = "Evaluate rule packs on facts")
public class EvaluateApi {
  /** The header that names a recorded decision. */
  public static final String DECISION_ID_HEADER = "Baton-Decision-Id";
  private final Baton baton;
  private final PackLoader packs;

  public EvaluateApi(Baton baton, TemplateCatalogue catalogue) {
    this.baton = baton;
    this.packs = PackLoader.on(baton.packs()).withDefaultPipeline(catalogue.pipeline());
  }

  /**
   * Evaluates the pipeline on the facts document {@code {"now", "facts": {"Type": [{...}]}}}.
   * Consent facts come from the consent ledger. Answers the decision (docs/decision-format.md);
   * when recorded, 201 with the decision id in {@value #DECISION_ID_HEADER} and {@code Location}
   * (200 with the earlier decision when the request id was recorded before).
   */
  @Operation(summary = "Evaluate a pack or a pipeline",
      description = "Without `packs`: the standard pipeline cmi-threshold → ai-trigger →"
          + " consent-check (each pack's active published version, or its template). With"
          + " `record=true` the decision is recorded in the decision log (roles DEVELOPER, OPS).")
  @PostMapping(path = "/api/v1/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.DEVELOPER_, Role.ANALYST_, Role.OPS_, Role.ADMIN_})
  public ResponseEntity<String> evaluate(
      @RequestBody String body,
      @Parameter(description = "packs in order, `id` (active version) or `id@version`;"
          + " comma-separated or repeated")
      @RequestParam(name = "packs", required = false) List<String> packs,
      @Parameter(description = "record the decision in the decision log")
      @RequestParam(name = "record", defaultValue = "false") boolean record,
      @Parameter(description = "request id for recording (idempotent: recorded once)")
      @RequestParam(name = "requestId", required = false) String requestId) {
    if (requestId != null) {
      ApiInput.id("requestId", requestId);
    }
    FactsDocument doc = RulePacks.parseFacts("request body", body);
    dev.baton.engine.Problem late = ApiInput.timeProblem("now", doc.now(), ApiInput.LATEST);
    if (late != null) {
      throw ApiException.invalid("The facts document's time is not plausible; nothing was"
          + " evaluated.", List.of(late));
    }
    Instant now = doc.now() != null ? doc.now() : Instant.now();
    Evaluation evaluation = Evaluation.of(pipeline(packs), doc.facts(), now)
        .by(requestId, CurrentUser.name());
    if (record && !CurrentUser.hasAnyRole(Role.DEVELOPER, Role.OPS)) {
      throw new AccessDeniedException("recording needs DEVELOPER or OPS");
    }
    // Consent always comes from the ledger here: the API decides as the product does.
    Decided decided = baton.decide(evaluation, DecideOptions.defaults().withRecord(record));
    if (!record) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
          .body(decided.decision().toJson());
    }
    if (decided.record() == null) {
      throw new BatonException("This server runs with decision recording off: nothing was"
          + " recorded. Evaluate without record=true, or turn recording on.");
    }
    String id = decided.record().decisionId();
    String json = decided.decision().toJson();
    HttpStatus status = HttpStatus.CREATED;
    if (decided.record().duplicate()) {
      status = HttpStatus.OK;
      json = baton.decisions().get(id).map(DecisionRecord::decisionJson).orElse(json);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .header(DECISION_ID_HEADER, id).location(URI.create("/api/v1/decisions/" + id))
        .body(json);
  }

  private List<RulePack> pipeline(List<String> names) {
    if (names == null || names.isEmpty()) {
      return this.packs.defaultPipeline();
    }
    return this.packs.load(names.stream().map(PackRef::parse).toList());
  }
}
