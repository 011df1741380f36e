package dev.baton.designer.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.baton.designer.security.CurrentUser;
import dev.baton.designer.security.Role;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.VisitRequest;
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
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
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
 * <p>Idempotent per {@code requestId}: the request id is stored with the instance in the same
 * transaction that starts it, so the same request sent again (a bot's retry) answers 200 with
 * the same instance and starts nothing; the same id with other content is refused with 409. If
 * the workflow cannot be started nothing is stored and the call may be retried.
 */
@RestController
@RequestMapping(path = "/api/v1/visit-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "visit requests", description = "Webhook for chat bots: starts the battle-pack workflow")
public class VisitRequestsApi {
  private final BattlePackRuntime runtime;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final ObjectMapper canonical;

  public VisitRequestsApi(BattlePackRuntime runtime, JdbcTemplate jdbc, TransactionTemplate tx,
      ObjectMapper json) {
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.tx = tx;
    this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
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
    long key;
    try {
      key = tx.execute(status -> {
        jdbc.update("insert into designer_visit_request (request_id, payload_hash,"
            + " process_instance_key, requested_by, requested_at) values (?, ?, 0, ?, ?)",
            request.requestId(), hash, CurrentUser.name(), Timestamp.from(Instant.now()));
        long k = runtime.startVisit(request);
        jdbc.update("update designer_visit_request set process_instance_key = ?"
            + " where request_id = ?", k, request.requestId());
        return k;
      });
    } catch (DuplicateKeyException e) {
      Map<String, Object> other = existing(request.requestId());
      if (other == null) {
        throw ApiException.conflict("The visit request " + request.requestId() + " is being"
            + " started by another call; retry in a moment.");
      }
      return repeat(request, hash, other);
    }
    return ResponseEntity.accepted().location(URI.create("/api/v1/visit-requests/"
        + request.requestId())).body(answer(request.requestId(), key, false));
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
    Map<String, Object> out = answer(requestId, ((Number) row.get("key")).longValue(), false);
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
    return ResponseEntity.ok(answer(request.requestId(),
        ((Number) earlier.get("key")).longValue(), true));
  }

  private Map<String, Object> existing(String requestId) {
    List<Map<String, Object>> rows = jdbc.query("select payload_hash, process_instance_key,"
        + " requested_by, requested_at from designer_visit_request where request_id = ?",
        (rs, i) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("hash", rs.getString(1));
          m.put("key", rs.getLong(2));
          m.put("by", rs.getString(3));
          m.put("at", rs.getTimestamp(4).toInstant());
          return m;
        }, requestId);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static Map<String, Object> answer(String requestId, long key, boolean duplicate) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("requestId", requestId);
    out.put("processInstanceKey", String.valueOf(key));
    out.put("duplicate", duplicate);
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", "/api/v1/visit-requests/" + requestId);
    links.put("legalReviews", "/api/v1/reviews?role=legal");
    links.put("financeReviews", "/api/v1/reviews?role=finance");
    out.put("links", links);
    return out;
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
