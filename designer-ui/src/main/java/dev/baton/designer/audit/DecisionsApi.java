package dev.baton.designer.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiProblems;
import dev.baton.designer.security.Role;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.audit.ReplayReport;
import dev.baton.engine.audit.ReplayScope;
import dev.baton.engine.audit.VerifyReport;
import dev.baton.engine.runtime.Baton;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision log, for auditors: search, one decision, replay, verify the hash chain. */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "decisions", description = "The decision log (role AUDITOR)")
@RolesAllowed({Role.AUDITOR_, Role.ADMIN_})
public class DecisionsApi {
  /** The most decisions one page holds. */
  public static final int MAX_LIMIT = 500;
  private final Baton baton;
  private final ObjectMapper json;

  public DecisionsApi(Baton baton, ObjectMapper json) {
    this.baton = baton;
    this.json = json;
  }

  /** One page of matching decisions, in chain order, with the total count. */
  @Operation(summary = "Search decisions", description = "Every filter is optional; `requestId` is one request id, or the start"
      + " of request ids followed by `*` (e.g. `VR-DEMO-*`); `from`"
      + " and `to` are ISO-8601 instants of recording, `to` exclusive.")
  @GetMapping
  public Map<String, Object> search(
      @RequestParam(required = false) String customerId,
      @RequestParam(required = false) String packId,
      @RequestParam(required = false) String packVersion,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String requestId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") long offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("The limit must be between 1 and " + MAX_LIMIT + ".",
          List.of(ApiProblems.field("limit", "is " + limit, "1 to " + MAX_LIMIT)));
    }
    DecisionQuery query = new DecisionQuery(blank(customerId), blank(packId),
        blank(packVersion), blank(action), from, to, limit, offset, blank(requestId));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", baton.decisions().count(query));
    out.put("offset", offset);
    out.put("limit", limit);
    out.put("items", baton.decisions().find(query).stream().map(DecisionsApi::summary).toList());
    return out;
  }

  /** One decision with its recorded input and the decision (inputs, fired rules, why not). */
  @Operation(summary = "One decision with input and result")
  @GetMapping("/{decisionId}")
  public Map<String, Object> get(@PathVariable String decisionId) {
    DecisionRecord r = record(decisionId);
    Map<String, Object> out = summary(r);
    try {
      out.put("input", json.readTree(r.inputJson()));
      out.put("decision", json.readTree(r.decisionJson()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored decision " + decisionId + " is not JSON", e);
    }
    return out;
  }

  /** Replays one decision with the exact pack versions it used. */
  @Operation(summary = "Replay one decision", description = "`identical` is true when the"
      + " replay reproduced the recorded decision exactly; otherwise `report.differences`"
      + " lists every field.")
  @PostMapping("/{decisionId}/replay")
  public Map<String, Object> replay(@PathVariable String decisionId) {
    record(decisionId);
    ReplayReport report = baton.decisions().replayer().replay(ReplayScope.decision(decisionId));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("decisionId", decisionId);
    out.put("identical", report.allIdentical() && report.total() == 1);
    out.put("report", report);
    return out;
  }

  /** Replays the decisions recorded in a time range (both bounds optional). */
  @Operation(summary = "Replay decisions recorded in [from, to)")
  @PostMapping("/replay")
  public ReplayReport replayRange(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    return baton.decisions().replayer().replay(ReplayScope.between(from, to));
  }

  /** Verifies the whole hash chain. */
  @Operation(summary = "Verify the hash chain", description = "`ok` is false with the first"
      + " record that fails and why when a record was changed or removed.")
  @PostMapping("/verify")
  public VerifyReport verify() {
    return baton.decisions().verify();
  }

  private DecisionRecord record(String decisionId) {
    return baton.decisions().get(decisionId).orElseThrow(() -> ApiException.notFound(
        "No decision '" + decisionId + "' in the log: search with GET /api/v1/decisions."));
  }

  private static Map<String, Object> summary(DecisionRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sequence", r.sequence());
    m.put("decisionId", r.decisionId());
    m.put("requestId", r.requestId());
    m.put("recordedAt", r.recordedAt());
    m.put("evaluatedAt", r.evaluatedAt());
    m.put("actor", r.actor());
    m.put("customerId", r.customerId());
    m.put("packs", r.packs());
    m.put("actions", r.actions());
    m.put("hash", r.hash());
    return m;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
