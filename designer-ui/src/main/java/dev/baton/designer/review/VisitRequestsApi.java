package dev.baton.designer.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiInput;
import dev.baton.designer.api.ApiProblems;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.VisitRequest;
import dev.baton.engine.battlepack.VisitRequests;
import dev.baton.engine.workflow.InstanceQuery;
import dev.baton.engine.workflow.ProcessInstanceSummary;
import dev.baton.engine.workflow.WorkflowInspector;
import dev.baton.engine.workflow.WorkflowMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visit-request webhook that a DingTalk, WeCom or Feishu bot calls: validates the request,
 * starts the battle-pack workflow and answers 202 with the process instance key.
 *
 * <p>Idempotent per {@code requestId}, across crashes: a request id accepted once is never
 * started twice. The request is recorded durably first (its intent: id, content hash, no
 * instance yet, claimed by this call), then the workflow is started with the request id in its
 * variables, then the instance key is recorded durably, and only then 202 is answered. The same
 * request sent again (a bot's retry) answers 200 with the first instance and starts nothing; the
 * same id with other content is refused with 409. A retry that finds the intent without an
 * instance — the first call failed, or the process died between starting the workflow and
 * recording its key — first looks for the instance started for that request id (in the embedded
 * engine's records) and answers with it; only when there is none does it start the workflow. While
 * another call holds the claim (for {@code baton.api.visit-start-claim}, default 30 s, longer than
 * a start takes) the retry is answered 409 "retry in a moment".
 */
@RestController
@RequestMapping(path = "/api/v1/visit-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "visit requests", description = "Webhook for chat bots: starts the battle-pack workflow")
public class VisitRequestsApi {
  private final BattlePackRuntime runtime;
  private final JdbcTemplate jdbc;
  private final ObjectMapper canonical;
  private final ObjectMapper json;
  private final WorkflowInspector inspector;
  private final WorkflowMode mode;
  private final Duration claim;
  /** The request ids this process is starting now, with the token of its claim. */
  private final Map<String, String> starting = new ConcurrentHashMap<>();

  public VisitRequestsApi(BattlePackRuntime runtime, JdbcTemplate jdbc, ObjectMapper json,
      WorkflowInspector inspector, WorkflowMode mode,
      @Value("${baton.api.visit-start-claim:PT30S}") Duration claim) {
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.json = json;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    this.inspector = inspector;
    this.mode = mode;
    this.claim = claim;
  }

  /** The webhook's JSON payload (documented for the bots; unknown fields are refused). */
  @Schema(description = "A rep's visit request")
  public record VisitRequestBody(
      @Schema(description = "The bot's id of the request, for idempotent retries (1-100 chars:"
          + " letters, digits, - _ . :); generated when absent", example = "VR-2026-1127-001")
      String requestId,
      @Schema(description = "The customer, as in the consent ledger", example = "C-2002",
          requiredMode = Schema.RequiredMode.REQUIRED) String customerId,
      @Schema(description = "The sales rep", example = "REP-07",
          requiredMode = Schema.RequiredMode.REQUIRED) String repId,
      @Schema(description = "ISO date of the visit", example = "2026-12-02",
          requiredMode = Schema.RequiredMode.REQUIRED) String plannedDate,
      @Schema(description = "Where the request was filed", allowableValues = {"DINGTALK",
          "WECOM", "FEISHU"}, requiredMode = Schema.RequiredMode.REQUIRED) String channel,
      @Schema(description = "Deal size; absent: the open deal's amount", example = "480000")
      BigDecimal dealSize,
      @Schema(description = "Risk level; absent: the open deal's",
          allowableValues = {"LOW", "MEDIUM", "HIGH"}) String riskLevel,
      @Schema(description = "Customer channel for the follow-up, checked against consent;"
          + " absent: the open deal's next step", allowableValues = {"EMAIL", "SMS", "VOICE",
          "WECHAT"}) String contactChannel) {}

  /** Takes a visit request and starts the battle-pack workflow. */
  @Operation(summary = "Start the battle-pack workflow for a visit request",
      description = "Roles DEVELOPER, OPS (give a bot an API token of a user with one of them)."
          + " 202 with the process instance key; the same request again: 200 with the same"
          + " instance; the same requestId with other content: 409; invalid fields: 400 listing"
          + " every field.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
          @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation =
              VisitRequestBody.class))))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.DEVELOPER_, Role.OPS_, Role.ADMIN_})
  public ResponseEntity<Map<String, Object>> create(@RequestBody Object body) {
    if (!(body instanceof Map<?, ?> raw)) {
      throw ApiException.invalid("The body must be a JSON object; nothing was started.",
          List.of(ApiProblems.field("", "is not a JSON object", "send {\"customerId\","
              + " \"repId\", \"plannedDate\", \"channel\"}")));
    }
    Map<String, Object> map = new LinkedHashMap<>();
    raw.forEach((k, v) -> map.put(String.valueOf(k), v));
    if (map.get("requestId") == null) {
      map.put("requestId", "API-" + UUID.randomUUID());
    }
    VisitRequest request = VisitRequestChecks.parse(map, runtime.services().clock());
    String hash = hash(request.toJsonMap());
    Map<String, Object> earlier = existing(request.requestId());
    if (earlier != null) {
      return repeat(request, hash, earlier);
    }
    String token = UUID.randomUUID().toString();
    try {
      // the intent, durable before anything starts (the data source makes commits durable)
      jdbc.update("insert into designer_visit_request (request_id, payload_hash,"
          + " process_instance_key, requested_by, requested_at, claim_token, claimed_at)"
          + " values (?, ?, 0, ?, ?, ?, ?)", request.requestId(), hash, CurrentUser.name(),
          Timestamp.from(Instant.now()), token, Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException e) {
      return repeat(request, hash, existing(request.requestId()));
    }
    long key = startClaimed(request, token, false);
    return ResponseEntity.accepted().location(URI.create("/api/v1/visit-requests/"
        + request.requestId())).body(answer(request.requestId(), key, false));
  }

  /**
   * Starts the workflow for a request whose claim this call holds (or finds the instance an
   * earlier attempt started) and records its key durably; releases the claim when it fails.
   */
  private long startClaimed(VisitRequest request, String token, boolean mayHaveStarted) {
    String id = request.requestId();
    starting.put(id, token);
    try {
      long key = mayHaveStarted ? startedFor(id).orElseGet(() -> runtime.startVisit(request))
          : runtime.startVisit(request);
      jdbc.update("update designer_visit_request set process_instance_key = ?, claim_token ="
          + " null, claimed_at = null where request_id = ? and claim_token = ?", key, id, token);
      return key;
    } catch (RuntimeException e) {
      // whether the start happened is unknown (a timeout): a retry looks for the instance first
      jdbc.update("update designer_visit_request set claim_token = null, claimed_at = null"
          + " where request_id = ? and claim_token = ?", id, token);
      throw e;
    } finally {
      starting.remove(id, token);
    }
  }

  /**
   * The instance started for a request id whose start was not recorded: the newest instances
   * of the battle-pack workflow, back to a minute before the request was taken, searched for
   * the request id in their variables. The embedded engine's records hold every instance it
   * acknowledged; on a Camunda cluster they are not here, so nothing is found.
   */
  private Optional<Long> startedFor(String requestId) {
    if (!mode.embedded()) {
      return Optional.empty();
    }
    Map<String, Object> row = existing(requestId);
    Instant from = ((Instant) row.get("at")).minus(Duration.ofMinutes(1));
    int page = 100;
    for (int offset = 0; ; offset += page) {
      List<ProcessInstanceSummary> instances = inspector.instances(new InstanceQuery(null,
          VisitRequests.PROCESS_ID, page, offset));
      for (ProcessInstanceSummary s : instances) {
        if (s.startedAt().isBefore(from)) {
          return Optional.empty();
        }
        boolean same = inspector.instance(s.processInstanceKey()).map(d -> {
          try {
            return requestId.equals(json.readTree(d.variables()).path(VisitRequest.VARIABLE)
                .path("requestId").asText(null));
          } catch (JsonProcessingException e) {
            return false;
          }
        }).orElse(false);
        if (same) {
          return Optional.of(s.processInstanceKey());
        }
      }
      if (instances.size() < page) {
        return Optional.empty();
      }
    }
  }

  /** A visit request taken earlier: its process instance and links. */
  @Operation(summary = "A visit request taken by the webhook")
  @GetMapping("/{requestId}")
  @RolesAllowed({Role.DEVELOPER_, Role.OPS_, Role.ADMIN_})
  public Map<String, Object> get(@PathVariable String requestId) {
    ApiInput.id("requestId", requestId);
    Map<String, Object> row = existing(requestId);
    if (row == null) {
      throw ApiException.notFound("No visit request '" + requestId + "' was taken by this"
          + " webhook.");
    }
    long key = ((Number) row.get("key")).longValue();
    if (key == 0) { // taken, its start not recorded (yet): the instance if one was started
      key = startedFor(requestId).orElse(0L);
    }
    Map<String, Object> out = answer(requestId, key, false);
    out.put("requestedBy", row.get("by"));
    out.put("requestedAt", row.get("at"));
    return out;
  }

  private ResponseEntity<Map<String, Object>> repeat(VisitRequest request, String hash,
      Map<String, Object> earlier) {
    if (!hash.equals(earlier.get("hash"))) {
      throw ApiException.conflict("The request id " + request.requestId() + " was used before"
          + " for another visit request; nothing was started. Use a new request id for a new"
          + " request.");
    }
    long key = ((Number) earlier.get("key")).longValue();
    if (key == 0) {
      key = resume(request, earlier);
    }
    return ResponseEntity.ok(answer(request.requestId(), key, true));
  }

  /**
   * A request taken before whose instance was not recorded: takes over the claim once nobody
   * holds it (in this process, or recently in another), then finds or starts its instance.
   */
  private long resume(VisitRequest request, Map<String, Object> row) {
    String id = request.requestId();
    String held = (String) row.get("token");
    Instant claimedAt = (Instant) row.get("claimedAt");
    boolean claimedHere = held != null && held.equals(starting.get(id));
    boolean claimedRecently = claimedAt != null && claimedAt.isAfter(Instant.now().minus(claim));
    if (claimedHere || claimedRecently) {
      throw ApiException.conflict("The visit request " + id + " is being started by another"
          + " call; retry in a moment.");
    }
    String token = UUID.randomUUID().toString();
    int taken = held == null
        ? jdbc.update("update designer_visit_request set claim_token = ?, claimed_at = ? where"
            + " request_id = ? and process_instance_key = 0 and claim_token is null", token,
            Timestamp.from(Instant.now()), id)
        : jdbc.update("update designer_visit_request set claim_token = ?, claimed_at = ? where"
            + " request_id = ? and process_instance_key = 0 and claim_token = ?", token,
            Timestamp.from(Instant.now()), id, held);
    if (taken == 0) {
      long key = ((Number) existing(id).get("key")).longValue();
      if (key != 0) {
        return key;
      }
      throw ApiException.conflict("The visit request " + id + " is being started by another"
          + " call; retry in a moment.");
    }
    return startClaimed(request, token, true);
  }

  private Map<String, Object> existing(String requestId) {
    List<Map<String, Object>> rows = jdbc.query("select payload_hash, process_instance_key,"
        + " requested_by, requested_at, claim_token, claimed_at from designer_visit_request"
        + " where request_id = ?",
        (rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("hash", rs.getString(1));
          m.put("key", rs.getLong(2));
          m.put("by", rs.getString(3));
          m.put("at", rs.getTimestamp(4).toInstant());
          m.put("token", rs.getString(5));
          Timestamp claimed = rs.getTimestamp(6);
          m.put("claimedAt", claimed == null ? null : claimed.toInstant());
          return m;
        }, requestId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static Map<String, Object> answer(String requestId, long key, boolean duplicate) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("requestId", requestId);
    out.put("processInstanceKey", key == 0 ? null : String.valueOf(key));
    out.put("duplicate", duplicate);
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/v1/visit-requests/" + requestId);
    links.put("legalReviews", "/api/v1/reviews?role=legal");
    links.put("financeReviews", "/api/v1/reviews?role=finance");
    out.put("links", links);
    return out;
  }

  /** The content hash a request id is bound to (package-private for tests). */
  String hash(VisitRequest request) {
    return hash(request.toJsonMap());
  }

  private String hash(Map<String, Object> request) {
    try {
      byte[] bytes = canonical.writeValueAsString(new TreeMap<>(request))
          .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
