package dev.baton.designer.liquid;

import dev.baton.designer.api.ApiException;
import dev.baton.designer.api.ApiInput;
import dev.baton.designer.api.ApiProblems;
import dev.baton.designer.security.Role;
import dev.baton.engine.Problem;
import dev.baton.engine.liquid.Campaign;
import dev.baton.engine.liquid.CampaignStatus;
import dev.baton.engine.liquid.CapabilityPassport;
import dev.baton.engine.liquid.Certification;
import dev.baton.engine.liquid.CollaborationEvent;
import dev.baton.engine.liquid.ContributionSummary;
import dev.baton.engine.liquid.CustomerOutcome;
import dev.baton.engine.liquid.DemandRole;
import dev.baton.engine.liquid.ExitRule;
import dev.baton.engine.liquid.FormationMode;
import dev.baton.engine.liquid.Formation;
import dev.baton.engine.liquid.FormedUnit;
import dev.baton.engine.liquid.LedgerVerifyReport;
import dev.baton.engine.liquid.LiquidInputException;
import dev.baton.engine.liquid.LiquidKpis;
import dev.baton.engine.liquid.LiquidRuntime;
import dev.baton.engine.liquid.LiquidServices;
import dev.baton.engine.liquid.Person;
import dev.baton.engine.liquid.RecordedEvent;
import dev.baton.engine.liquid.Unit;
import dev.baton.engine.liquid.UnitMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The liquid organisation: people and their capability passports, campaigns and their demand
 * lists, battle units (formed by the unit-formation pack, with the reasons for every candidate),
 * the collaboration ledger, contribution points, the KPIs, and the customer-event trigger that
 * forms a micro unit at once. Refusals are 400 with the reason; nothing changes.
 */
@RestController
@RequestMapping(path = "/api/v1/liquid", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "liquid", description = "The liquid organisation: campaigns, units, events, points")
public class LiquidApi {
  /** The most events one {@code POST /events/batch} takes. */
  public static final int MAX_BATCH = 1_000;

  private final LiquidServices liquid;
  private final LiquidRuntime runtime;

  public LiquidApi(LiquidServices liquid, LiquidRuntime runtime) {
    this.liquid = liquid;
    this.runtime = runtime;
  }

  /** The engine refused the input: 400 with its message. */
  @ExceptionHandler(LiquidInputException.class)
  public ProblemDetail refused(LiquidInputException e) {
    ProblemDetail pd = ApiProblems.of(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
    return e.problems().isEmpty() ? pd : ApiProblems.withProblems(pd, e.problems());
  }

  // ------------------------------------------------------------------------------ people

  /** A certification with validity (ISO-8601 instants; validUntil optional). */
  public record CertificationBody(String name, String validFrom, String validUntil) {}

  /** A person and their capability passport. */
  public record PersonBody(String name, String department, String region, List<String> roles,
      Map<String, Integer> skills, List<CertificationBody> certifications) {}

  /** Adds or replaces a person and their capability passport. */
  @Operation(summary = "Add or replace a person", description = "Role OPS.")
  @PutMapping(path = "/people/{personId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public Person putPerson(@PathVariable String personId, @RequestBody PersonBody body) {
    ApiInput.id("personId", personId);
    List<Problem> problems = new ArrayList<>();
    required(problems, "name", body.name());
    List<Certification> certs = new ArrayList<>();
    List<CertificationBody> given = body.certifications() == null ? List.of()
        : body.certifications();
    for (int i = 0; i < given.size(); i++) {
      CertificationBody c = given.get(i);
      Instant from = instant(problems, "certifications[" + i + "].validFrom", c.validFrom(), true);
      Instant until = instant(problems, "certifications[" + i + "].validUntil", c.validUntil(),
          false);
      required(problems, "certifications[" + i + "].name", c.name());
      if (from != null && c.name() != null) {
        certs.add(new Certification(c.name(), from, until));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The person is not valid; nothing was stored.", problems);
    }
    Person p = new Person(personId, body.name(), body.department(), body.region(),
        new CapabilityPassport(new java.util.TreeSet<>(body.roles() == null ? List.of()
            : body.roles()), body.skills() == null ? Map.of() : body.skills(), certs));
    liquid.directory().savePerson(p);
    return p;
  }

  /** Everyone with their passports. */
  @Operation(summary = "People and their capability passports")
  @GetMapping("/people")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public List<Person> people() {
    return liquid.directory().people();
  }

  // --------------------------------------------------------------------------- campaigns

  /** A demand line: role, count, entry threshold. */
  public record DemandBody(String role, Integer count, String requiredSkill,
      Integer minSkillLevel, String requiredCertification) {}

  /** An exit rule: TIME_BOX_ENDS, DEAL_SIGNED, or INACTIVE_FOR with an ISO-8601 duration. */
  public record ExitRuleBody(String kind, String after) {}

  /** A campaign's demand list, exit rules and time box. */
  public record CampaignBody(String id, String name, String customerId, String region,
      List<DemandBody> demand, List<ExitRuleBody> exitRules, String endsAt, String sla) {}

  /** Posts a campaign's demand list (the demand time is now). */
  @Operation(summary = "Post a campaign's demand list", description = "Role OPS. `sla` is an"
      + " ISO-8601 duration (default PT72H); `endsAt` an instant (default: now + 30 days).")
  @PostMapping(path = "/campaigns", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public ResponseEntity<Campaign> postCampaign(@RequestBody CampaignBody body) {
    List<Problem> problems = new ArrayList<>();
    if (body.id() != null) {
      add(problems, ApiInput.idProblem("id", body.id()));
    } else {
      problems.add(ApiProblems.field("id", "is missing", null));
    }
    required(problems, "name", body.name());
    if (body.demand() == null || body.demand().isEmpty()) {
      problems.add(ApiProblems.field("demand", "is missing", "at least one role"));
    }
    Instant now = liquid.clock().instant();
    Instant endsAt = body.endsAt() == null ? now.plus(Duration.ofDays(30))
        : instant(problems, "endsAt", body.endsAt(), true);
    Duration sla = Duration.ofHours(72);
    if (body.sla() != null) {
      try {
        sla = Duration.parse(body.sla());
      } catch (DateTimeParseException e) {
        problems.add(ApiProblems.field("sla", "is not an ISO-8601 duration", "e.g. PT72H"));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The campaign is not valid; nothing was stored.", problems);
    }
    List<DemandRole> demand = new ArrayList<>();
    for (DemandBody d : body.demand()) {
      demand.add(new DemandRole(d.role(), d.count() == null ? 1 : d.count(), d.requiredSkill(),
          d.minSkillLevel() == null ? 0 : d.minSkillLevel(), d.requiredCertification()));
    }
    List<ExitRule> exits = new ArrayList<>();
    for (ExitRuleBody e : body.exitRules() == null ? List.<ExitRuleBody>of() : body.exitRules()) {
      try {
        exits.add(new ExitRule(ExitRule.Kind.valueOf(e.kind()),
            e.after() == null ? null : Duration.parse(e.after())));
      } catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
        throw ApiException.invalid("The campaign is not valid; nothing was stored.", List.of(
            ApiProblems.field("exitRules", "has a bad rule " + e, "kind one of "
                + java.util.Arrays.toString(ExitRule.Kind.values()) + ", after e.g. P7D")));
      }
    }
    Campaign c = liquid.postCampaign(new Campaign(body.id(), body.name(), body.customerId(),
        body.region(), demand, exits, now, endsAt, sla, CampaignStatus.OPEN));
    return ResponseEntity.created(URI.create("/api/v1/liquid/campaigns/" + c.id())).body(c);
  }

  /** Every campaign, the latest demand first. */
  @Operation(summary = "Campaigns")
  @GetMapping("/campaigns")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public List<Campaign> campaigns() {
    return liquid.directory().campaigns();
  }

  /** A campaign. */
  @Operation(summary = "A campaign")
  @GetMapping("/campaigns/{campaignId}")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public Campaign campaign(@PathVariable String campaignId) {
    ApiInput.id("campaignId", campaignId);
    return liquid.directory().campaign(campaignId).orElseThrow(() -> ApiException.notFound(
        "No campaign '" + campaignId + "'."));
  }

  /** What the formation pack would pick now, with every candidate's reasons; stores nothing. */
  @Operation(summary = "Preview a formation", description = "Evaluates the unit-formation pack"
      + " for the campaign against everyone; nothing is stored or recorded.")
  @GetMapping("/campaigns/{campaignId}/formation")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.ADMIN_})
  public Formation preview(@PathVariable String campaignId) {
    campaign(campaignId);
    return liquid.propose(campaignId);
  }

  /** How to form a unit. */
  public record FormBody(String mode, Boolean workflow, String sla) {}

  /** What forming returned: the unit, the formation, and the workflow instance (or 0). */
  public record FormedBody(Unit unit, Formation formation, long processInstanceKey) {}

  /**
   * Forms the campaign's unit: AUTOMATIC (default) or LEAD_CONFIRMS; with {@code workflow}
   * (default true) through the battle-unit workflow (commitments, SLA, dissolution).
   */
  @Operation(summary = "Form a campaign's unit", description = "Role OPS. The formation decision"
      + " is recorded in the decision log. With `workflow` (default true) the battle-unit"
      + " workflow runs the unit: one commitment task per member, the SLA timer, dissolution.")
  @PostMapping(path = "/campaigns/{campaignId}/units")
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public ResponseEntity<FormedBody> form(@PathVariable String campaignId,
      @RequestBody(required = false) FormBody body, Principal user) {
    campaign(campaignId);
    FormationMode mode = FormationMode.AUTOMATIC;
    if (body != null && body.mode() != null) {
      try {
        mode = FormationMode.valueOf(body.mode());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("The formation is not valid; nothing was formed.", List.of(
            ApiProblems.field("mode", "is not a formation mode", "AUTOMATIC or LEAD_CONFIRMS")));
      }
    }
    Duration sla = null;
    if (body != null && body.sla() != null) {
      try {
        sla = Duration.parse(body.sla());
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("The formation is not valid; nothing was formed.", List.of(
            ApiProblems.field("sla", "is not an ISO-8601 duration", "e.g. PT72H")));
      }
    }
    FormedUnit formed = liquid.formUnit(campaignId, mode, user == null ? null : user.getName());
    long key = 0;
    if (body == null || body.workflow() == null || body.workflow()) {
      key = runtime.startUnit(formed.unit(), sla);
    }
    return ResponseEntity.created(URI.create("/api/v1/liquid/units/" + formed.unit().id()))
        .body(new FormedBody(formed.unit(), formed.formation(), key));
  }

  // ------------------------------------------------------------------------------ units

  /** Every unit, the latest first. */
  @Operation(summary = "Units")
  @GetMapping("/units")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public List<Unit> units() {
    return liquid.directory().units();
  }

  /** A unit with its members. */
  @Operation(summary = "A unit")
  @GetMapping("/units/{unitId}")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public Unit unit(@PathVariable String unitId) {
    ApiInput.id("unitId", unitId);
    return liquid.directory().unit(unitId).orElseThrow(() -> ApiException.notFound(
        "No unit '" + unitId + "'."));
  }

  /** A member for confirmation. */
  public record MemberBody(String personId, String role) {}

  /** A lead confirms a proposed unit (without a workflow), possibly with other members. */
  @Operation(summary = "Confirm a proposed unit", description = "Role OPS.")
  @PostMapping(path = "/units/{unitId}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public Unit confirm(@PathVariable String unitId, @RequestBody List<MemberBody> members,
      Principal user) {
    Unit unit = unit(unitId);
    List<UnitMember> list = new ArrayList<>();
    for (MemberBody m : members) {
      if (m.personId() == null || m.role() == null) {
        throw ApiException.invalid("The confirmation is not valid; nothing changed.", List.of(
            ApiProblems.field("members", "need personId and role", null)));
      }
      list.add(new UnitMember(m.personId(), m.role(), unit.formedAt(), null));
    }
    return liquid.confirm(unitId, list, user == null ? "lead" : user.getName());
  }

  /** Dissolves a unit and returns its campaign's contribution summary. */
  @Operation(summary = "Dissolve a unit", description = "Role OPS. Idempotent.")
  @PostMapping("/units/{unitId}/dissolution")
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public LiquidServices.Dissolution dissolve(@PathVariable String unitId) {
    unit(unitId);
    return liquid.dissolve(unitId);
  }

  // ----------------------------------------------------------------------------- events

  /** A collaboration event. */
  public record EventBody(String eventId, String occurredAt, String personId, String campaignId,
      String customerId, String kind, List<String> inputs, List<String> outputs,
      String counterpartDepartment) {}

  /** Records a collaboration event in the hash-chained ledger, durably; idempotent by id. */
  @Operation(summary = "Record a collaboration event", description = "Roles OPS, DEVELOPER"
      + " (services record events). The same eventId is recorded once.")
  @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.DEVELOPER_, Role.ADMIN_})
  public ResponseEntity<RecordedEvent> record(@RequestBody EventBody body, Principal user) {
    List<Problem> problems = new ArrayList<>();
    CollaborationEvent event = event("", body, problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The event is not valid; nothing was recorded.", problems);
    }
    RecordedEvent e = liquid.record(event, user == null ? null : user.getName());
    return ResponseEntity.created(URI.create("/api/v1/liquid/events?campaignId="
        + (body.campaignId() == null ? "" : body.campaignId()))).body(e);
  }

  /**
   * Records a list of collaboration events (an import), all or nothing: every event is checked
   * first and any problem refuses the whole list, each problem at {@code [index].field}.
   */
  @Operation(summary = "Record collaboration events in bulk", description = "Roles OPS, DEVELOPER"
      + " (services record events). A JSON array of at most " + MAX_BATCH + " events, each as"
      + " for POST /events. All or nothing: every event is checked first (fields, person and"
      + " campaign exist) and any problem refuses the whole list (400, problems at"
      + " `[index].field`). Recorded in chunks of " + LiquidServices.RECORD_CHUNK + ", each"
      + " durable before the next; the same eventId is recorded once, so re-sending a list"
      + " after a failure is safe. 201 with the recorded events in input order.")
  @PostMapping(path = "/events/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.DEVELOPER_, Role.ADMIN_})
  public ResponseEntity<List<RecordedEvent>> recordAll(@RequestBody List<EventBody> bodies,
      Principal user) {
    if (bodies.isEmpty()) {
      throw ApiException.invalid("The list of events is empty; nothing was recorded.", List.of(
          ApiProblems.field("", "has no event", "a JSON array of 1 to " + MAX_BATCH
              + " events")));
    }
    if (bodies.size() > MAX_BATCH) {
      throw ApiException.invalid("The list has " + bodies.size() + " events, more than the "
          + MAX_BATCH + " one request takes; nothing was recorded. Send it in parts of at most "
          + MAX_BATCH + " (re-sending is safe: the same eventId is recorded once).", List.of(
          ApiProblems.field("", "has " + bodies.size() + " events", "at most " + MAX_BATCH
              + " per request")));
    }
    List<Problem> problems = new ArrayList<>();
    List<CollaborationEvent> events = new ArrayList<>(bodies.size());
    Set<String> bad = new HashSet<>();
    for (int i = 0; i < bodies.size(); i++) {
      String at = "[" + i + "]";
      int before = problems.size();
      CollaborationEvent event = null;
      if (bodies.get(i) == null) {
        problems.add(ApiProblems.field(at, "is missing", "an event object, not null"));
      } else {
        try {
          event = event(at + ".", bodies.get(i), problems);
        } catch (LiquidInputException e) {
          problems.add(ApiProblems.field(at, e.getMessage(), null));
        }
      }
      if (problems.size() > before) {
        bad.add(at);
      }
      events.add(event);
    }
    if (!problems.isEmpty()) {
      // the person and campaign checks of the others, so that one answer names every problem
      // (a list without field problems gets them from recordAll, which checks before it writes)
      for (Problem p : liquid.checkAll(events)) {
        if (!bad.contains(p.path().substring(0, p.path().indexOf(']') + 1))) {
          problems.add(p);
        }
      }
      throw ApiException.invalid(problems.size() + (problems.size() == 1 ? " problem" :
          " problems") + " in the list of " + bodies.size() + " events; nothing was recorded."
          + " Fix them and send the whole list again.", problems);
    }
    List<RecordedEvent> recorded = liquid.recordAll(events, user == null ? null
        : user.getName());
    return ResponseEntity.created(URI.create("/api/v1/liquid/events")).body(recorded);
  }

  /**
   * The event of a request body, or null when a field is missing or malformed: then its problems
   * are added, each field named after {@code prefix} (e.g. {@code [3].occurredAt}).
   *
   * @throws LiquidInputException when an id or the kind is not valid (the engine's check)
   */
  private static CollaborationEvent event(String prefix, EventBody body, List<Problem> problems) {
    int before = problems.size();
    Instant at = instant(problems, prefix + "occurredAt", body.occurredAt(), true);
    add(problems, ApiInput.timeProblem(prefix + "occurredAt", at,
        Instant.now().plus(Duration.ofDays(1))));
    required(problems, prefix + "eventId", body.eventId());
    required(problems, prefix + "personId", body.personId());
    required(problems, prefix + "kind", body.kind());
    if (problems.size() > before) {
      return null;
    }
    return new CollaborationEvent(body.eventId(), at, body.personId(), body.campaignId(),
        body.customerId(), body.kind(), body.inputs(), body.outputs(),
        body.counterpartDepartment());
  }

  /** A campaign's events in chain order, or the latest events (newest first). */
  @Operation(summary = "Collaboration events")
  @GetMapping("/events")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.DEVELOPER_, Role.ADMIN_})
  public List<RecordedEvent> events(@RequestParam(required = false) String campaignId,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be 1 to 10000.");
    }
    return campaignId == null || campaignId.isBlank() ? liquid.ledger().latest(limit)
        : liquid.ledger().eventsOf(ApiInput.id("campaignId", campaignId));
  }

  /** Checks the ledger's hash chain. */
  @Operation(summary = "Verify the collaboration ledger")
  @GetMapping("/events/verification")
  @RolesAllowed({Role.AUDITOR_, Role.OPS_, Role.ADMIN_})
  public LedgerVerifyReport verify() {
    return liquid.ledger().verify();
  }

  /** A customer's long-term outcome (weighs contribution points). */
  public record OutcomeBody(Boolean renewed, Integer partnersAdded) {}

  /** Records a customer's long-term outcome. */
  @Operation(summary = "Record a customer's outcome", description = "Role OPS.")
  @PutMapping(path = "/outcomes/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.ADMIN_})
  public CustomerOutcome outcome(@PathVariable String customerId, @RequestBody OutcomeBody body) {
    CustomerOutcome o = new CustomerOutcome(ApiInput.id("customerId", customerId),
        Boolean.TRUE.equals(body.renewed()), body.partnersAdded() == null ? 0
            : body.partnersAdded());
    liquid.directory().saveOutcome(o);
    return o;
  }

  /** Contribution points (液态积分) of a campaign, or of every event. */
  @Operation(summary = "Contribution points")
  @GetMapping("/contributions")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.ADMIN_})
  public ContributionSummary contributions(@RequestParam(required = false) String campaignId) {
    return liquid.contributions(campaignId == null || campaignId.isBlank() ? null
        : ApiInput.id("campaignId", campaignId));
  }

  /** The KPIs against their targets. */
  @Operation(summary = "Liquid-organisation KPIs", description = "Average minutes from demand to"
      + " formed unit (target 23) and the share of contributions attributable to a role and a"
      + " campaign (target 100%).")
  @GetMapping("/kpis")
  @RolesAllowed({Role.OPS_, Role.ANALYST_, Role.AUDITOR_, Role.ADMIN_})
  public Map<String, Object> kpis() {
    LiquidKpis k = liquid.kpis();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unitsFormed", k.unitsFormed());
    out.put("averageMinutesToForm", Double.isNaN(k.averageMinutesToForm()) ? null
        : k.averageMinutesToForm());
    out.put("targetMinutesToForm", LiquidKpis.TARGET_MINUTES_TO_FORM);
    out.put("formationOnTarget", k.formationOnTarget());
    out.put("attributableShare", k.attributableShare());
    out.put("targetAttributableShare", LiquidKpis.TARGET_ATTRIBUTABLE_SHARE);
    out.put("attributionOnTarget", k.attributionOnTarget());
    out.put("events", k.events());
    return out;
  }

  // ---------------------------------------------------------------------- customer events

  /** A customer event from the REST API or a chat-workplace bot. */
  public record CustomerEventBody(String requestId, String customerId, String event,
      String occurredAt, String region) {}

  /**
   * A customer event: decided by the ai-trigger pack (recorded); {@code FORM_MICRO_TEAM} forms a
   * micro unit at once and starts its battle-unit workflow (72 hours to iterate and sign).
   */
  @Operation(summary = "A customer event (webhook)", description = "Roles OPS, DEVELOPER. E.g."
      + " `VIEW_AI_FINANCING_PLAN` forms a micro unit (AI trainer, risk expert, account manager)"
      + " at once. The same requestId is decided once.")
  @PostMapping(path = "/customer-events", consumes = MediaType.APPLICATION_JSON_VALUE)
  @RolesAllowed({Role.OPS_, Role.DEVELOPER_, Role.ADMIN_})
  public LiquidRuntime.Triggered customerEvent(@RequestBody CustomerEventBody body,
      Principal user) {
    List<Problem> problems = new ArrayList<>();
    add(problems, body.requestId() == null ? ApiProblems.field("requestId", "is missing",
        "an id of the event, so a retry decides once") : ApiInput.idProblem("requestId",
        body.requestId()));
    add(problems, body.customerId() == null ? ApiProblems.field("customerId", "is missing", null)
        : ApiInput.idProblem("customerId", body.customerId()));
    required(problems, "event", body.event());
    Instant at = instant(problems, "occurredAt", body.occurredAt(), true);
    if (!problems.isEmpty()) {
      throw ApiException.invalid("The customer event is not valid; nothing was decided.",
          problems);
    }
    return runtime.onCustomerEvent(body.customerId(), body.event(), at, body.region(),
        body.requestId(), user == null ? null : user.getName());
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

  private static Instant instant(List<Problem> problems, String field, String value,
      boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(ApiProblems.field(field, "is missing", "an ISO-8601 instant, e.g."
            + " 2026-12-07T02:00:00Z"));
      }
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(ApiProblems.field(field, "is not an ISO-8601 instant",
          "e.g. 2026-12-07T02:00:00Z"));
      return null;
    }
  }
}
