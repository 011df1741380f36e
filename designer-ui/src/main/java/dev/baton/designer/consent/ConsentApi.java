package dev.baton.designer.consent;

import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiInput;
import dev.baton.designer.api.ApiProblems;
import dev.baton.designer.security.Role;
import dev.baton.engine.Problem;
import dev.baton.engine.consent.Channel;
import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.ConsentSource;
import dev.baton.engine.consent.ConsentStatus;
import dev.baton.engine.consent.CoverageReport;
import dev.baton.engine.consent.Customer;
import dev.baton.engine.consent.CustomerStatus;
import dev.baton.engine.consent.LedgerEntry;
import dev.baton.engine.consent.Purpose;
import dev.baton.engine.runtime.Baton;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The consent ledger: customers, consent records (OPS), status and coverage. */
@RestController
@RequestMapping(path = "/api/v1/consent", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "consent", description = "The consent ledger")
public class ConsentApi {
  private final Baton baton;

  public ConsentApi(Baton baton) {
    this.baton = baton;
  }

  /** A customer's name, region and owner. */
  public record CustomerBody(String name, String region, String owner) {}

  /** Adds or updates a customer (consent can only be recorded for known customers). */
  @Operation(summary = "Add or update a customer", description = "Role OPS.")
  @PutMapping(path = "/customers/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public Customer putCustomer(@PathVariable String customerId, @RequestBody CustomerBody body) {
    List<Problem> problems = new ArrayList<>();
    add(problems, ApiInput.idProblem("customerId", customerId));
    required(problems, "name", body.name());
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The customer is not valid; nothing was stored.", problems);
    }
    Customer c = new Customer(customerId, body.name(), body.region(), body.owner());
    baton.consent().upsertCustomer(c);
    return baton.consent().customer(customerId).orElse(c);
  }

  /**
   * A consent record as the customer gave it; enum values as in docs/consent.md, times as
   * ISO-8601 instants.
   */
  public record ConsentBody(String customerId, String channel, String purpose, String status,
      String source, String evidenceId, String recordedAt, String expiresAt) {}

  /** Appends a consent record to the ledger (append-only; a change of mind is a new record). */
  @Operation(summary = "Record a consent", description = "Role OPS. Every problem is listed by"
      + " field; an evidence id already in the ledger or an unknown customer is refused.")
  @PostMapping(path = "/records", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public ResponseEntity<LedgerEntry> record(@RequestBody ConsentBody body) {
    List<Problem> problems = new ArrayList<>();
    add(problems, ApiInput.idProblem("customerId", body.customerId()));
    add(problems, ApiInput.idProblem("evidenceId", body.evidenceId()));
    Channel channel = enumOf(problems, "channel", body.channel(), Channel.class);
    Purpose purpose = enumOf(problems, "purpose", body.purpose(), Purpose.class);
    ConsentStatus status = enumOf(problems, "status", body.status(), ConsentStatus.class);
    ConsentSource source = enumOf(problems, "source", body.source(), ConsentSource.class);
    Instant recordedAt = instant(problems, "recordedAt", body.recordedAt(), true);
    Instant expiresAt = instant(problems, "expiresAt", body.expiresAt(), false);
    // consent is recorded when it was given: not in the future (a day of clock skew allowed)
    add(problems, ApiInput.timeProblem("recordedAt", recordedAt,
        Instant.now().plus(java.time.Duration.ofDays(1))));
    add(problems, ApiInput.timeProblem("expiresAt", expiresAt, ApiInput.LATEST));
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The consent record is not valid; nothing was recorded.",
          problems);
    }
    LedgerEntry entry = baton.consent().record(new ConsentRecord(body.customerId(), channel,
        purpose, status, source, body.evidenceId(), recordedAt, expiresAt));
    return ResponseEntity.created(URI.create("/api/v1/consent/customers/"
        + body.customerId() + "/records")).body(entry);
  }

  /** A customer's red / yellow / green status with reasons. */
  @Operation(summary = "A customer's consent status", description = "`at` defaults to now.")
  @GetMapping("/customers/{customerId}/status")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public CustomerStatus status(@PathVariable String customerId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
    ApiInput.id("customerId", customerId);
    return baton.consent().status(customerId, at == null ? Instant.now() : at).orElseThrow(() ->
        ApiException.notFound("No customer '" + customerId + "' in the consent ledger."));
  }

  /** Every consent record of a customer, oldest first. */
  @Operation(summary = "A customer's consent records")
  @GetMapping("/customers/{customerId}/records")
  @RolesAllowed({Role.OPS_, Role.AUDITOR_, Role.ADMIN_})
  public List<LedgerEntry> records(@PathVariable String customerId) {
    ApiInput.id("customerId", customerId);
    if (baton.consent().customer(customerId).isEmpty()) {
      throw ApiException.notFound("No customer '" + customerId + "' in the consent ledger.");
    }
    return baton.consent().history(customerId);
  }

  /** Coverage of all customers against the policy's target. */
  @Operation(summary = "Consent coverage", description = "`at` defaults to now.")
  @GetMapping("/coverage")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.ADMIN_})
  public CoverageReport coverage(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
    return baton.consent().coverage(at == null ? Instant.now() : at);
  }

  private static void add(List<Problem> problems, Problem p) {
    if (p != null) {
      problems.add(p);
    }
  }

  private static void required(List<Problem> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(ApiProblems.field(field, "is missing", null));
    }
  }

  private static <E extends Enum<E>> E enumOf(List<Problem> problems, String field, String value,
      Class<E> type) {
    String allowed = Arrays.toString(type.getEnumConstants());
    if (value == null) {
      problems.add(ApiProblems.field(field, "is missing", "one of " + allowed));
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.add(ApiProblems.field(field, "'" + value + "' is not allowed", "one of " + allowed));
      return null;
    }
  }

  private static Instant instant(List<Problem> problems, String field, String value,
      boolean required) {
    if (value == null) {
      if (required) {
        problems.add(ApiProblems.field(field, "is missing", "an ISO-8601 instant, e.g."
            + " 2026-11-20T08:00:00Z"));
      }
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(ApiProblems.field(field, "'" + value + "' is not an instant",
          "an ISO-8601 instant, e.g. 2026-11-20T08:00:00Z"));
      return null;
    }
  }
}
