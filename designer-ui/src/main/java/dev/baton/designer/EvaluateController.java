package dev.baton.designer;

import dev.baton.engine.ValidationException;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Evaluates the template pipeline on a facts document: {@code POST /api/v1/evaluate}. */
@RestController
public class EvaluateController {
  private final RulesEngine engine = RulesEngine.create();
  private final TemplateCatalogue catalogue;

  public EvaluateController(TemplateCatalogue catalogue) {
    this.catalogue = catalogue;
    catalogue.pipeline().forEach(engine::prepare);
  }

  /** The template packs with their versions and content hashes. */
  @GetMapping(path = "/api/v1/packs", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Map<String, String>> packs() {
    return catalogue.pipeline().stream().map(p -> Map.of("id", p.id(), "version", p.version(),
        "kind", p.kind().label(), "hash", RulePacks.contentHash(p))).toList();
  }

  /** Evaluates the pipeline; the body is a facts document with {@code now}. */
  @PostMapping(path = "/api/v1/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> evaluate(@RequestBody String body) {
    FactsDocument doc = RulePacks.parseFacts("request body", body);
    Instant now = doc.now() != null ? doc.now() : Instant.now();
    List<RulePack> pipeline = catalogue.pipeline();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(engine.evaluate(Evaluation.of(pipeline, doc.facts(), now)).toJson());
  }

  /** Invalid input: every problem, as an RFC 7807 problem detail. */
  @ExceptionHandler(ValidationException.class)
  public ProblemDetail invalid(ValidationException e) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request is not valid; nothing was evaluated.");
    pd.setTitle("Invalid input");
    pd.setProperty("problems", e.problems().stream().map(Object::toString).toList());
    return pd;
  }
}
