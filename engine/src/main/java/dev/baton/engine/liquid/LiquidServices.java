package dev.baton.engine.liquid;

import dev.baton.engine.Problem;
import dev.baton.engine.liquid.internal.ContributionFacts;
import dev.baton.engine.liquid.internal.FormationFacts;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.DecideOptions;
import dev.baton.engine.runtime.Decided;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The liquid organisation's operations on one Baton: post campaigns, form units through the
 * formation pack (recording the formation decision in the decision log), record collaboration
 * events, compute contribution points and the KPIs, dissolve units. Decisions go through {@link
 * Baton#decide}, the one evaluation path. Thread-safe; close it to stop the ledger's writer.
 */
public final class LiquidServices implements AutoCloseable {
  /**
   * The most events {@link #recordAll} hands to the ledger in one call (one commit): a longer
   * list is recorded in chunks of this size, so that no call holds a huge transaction.
   */
  public static final int RECORD_CHUNK = 500;

  /** How many problems the message of a refused list names (every one is in its problems). */
  private static final int MESSAGE_PROBLEMS = 20;

  private final Baton baton;
  private final LiquidDirectory directory;
  private final CollaborationLedger ledger;
  private final LiquidPacks packs;
  private final Clock clock;
  private final boolean ownsLedger;

  private LiquidServices(Baton baton, LiquidDirectory directory, CollaborationLedger ledger,
      LiquidPacks packs, Clock clock, boolean ownsLedger) {
    this.baton = baton;
    this.directory = directory;
    this.ledger = ledger;
    this.packs = packs;
    this.clock = clock;
    this.ownsLedger = ownsLedger;
  }

  /** The services on Baton's store, with these packs and the system clock. */
  public static LiquidServices open(Baton baton, LiquidPacks packs) {
    Objects.requireNonNull(baton, "baton");
    Objects.requireNonNull(packs, "packs");
    return new LiquidServices(baton, LiquidDirectory.on(baton.store()),
        CollaborationLedger.open(baton.store()), packs, Clock.systemUTC(), true);
  }

  /** The same services reading the time from this clock (the ledger is shared). */
  public LiquidServices withClock(Clock newClock) {
    return new LiquidServices(baton, directory, ledger, packs, newClock, false);
  }

  /** People, campaigns, units. */
  public LiquidDirectory directory() {
    return directory;
  }

  /** The collaboration ledger. */
  public CollaborationLedger ledger() {
    return ledger;
  }

  /** The packs in use. */
  public LiquidPacks packs() {
    return packs;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** Stores a campaign (a new demand list, or a change to one that has no unit yet). */
  public Campaign postCampaign(Campaign campaign) {
    directory.saveCampaign(campaign);
    return campaign;
  }

  /**
   * Evaluates the formation pack for a stored campaign against everyone in the directory, without
   * recording or storing anything: what the designer's campaign board shows.
   *
   * @throws LiquidInputException when the campaign is unknown
   */
  public Formation propose(String campaignId) {
    Campaign campaign = campaign(campaignId);
    return propose(campaign, directory.people(), directory.activeUnitCounts(),
        recentPoints(), clock.instant(), null, null);
  }

  /**
   * Evaluates the formation pack for a campaign and these people (the building block of {@link
   * #formUnit}; also what a benchmark measures).
   *
   * @param activeUnits active unit memberships by person id
   * @param liquidPoints recent contribution points by person id
   * @param requestId when not null, the formation decision is recorded under this request id
   */
  public Formation propose(Campaign campaign, List<Person> people,
      Map<String, Integer> activeUnits, Map<String, BigDecimal> liquidPoints, Instant now,
      String requestId, String actor) {
    RulePack pack = packs.formation().get();
    FormationFacts.Pool pool = FormationFacts.facts(campaign, people, activeUnits, liquidPoints,
        now);
    Evaluation evaluation = new Evaluation(List.of(pack), pool.facts(), now, requestId, actor);
    Decided decided = baton.decide(evaluation, DecideOptions.defaults()
        .withConsent(DecideOptions.ConsentSource.FACTS).withRecord(requestId != null)
        .withExplain(false));
    return FormationFacts.formation(campaign, pool, decided.decision(),
        pack.id() + "@" + pack.version(),
        decided.record() == null ? null : decided.record().decisionId());
  }

  /**
   * Forms the campaign's unit: evaluates the formation pack, records the decision, and stores the
   * unit with the picked members: ACTIVE at once ({@link FormationMode#AUTOMATIC}) or PROPOSED for
   * a lead to {@linkplain #confirm confirm}. A role that cannot be fully staffed is formed short,
   * and the formation says who came closest.
   *
   * @throws LiquidInputException when the campaign is unknown, already has a unit, or nobody at
   *     all is eligible
   */
  public FormedUnit formUnit(String campaignId, FormationMode mode, String actor) {
    Campaign campaign = campaign(campaignId);
    String unitId = "U-" + UUID.randomUUID().toString().substring(0, 8);
    Instant now = clock.instant();
    Formation formation = propose(campaign, directory.people(), directory.activeUnitCounts(),
        recentPoints(), now, "formation:" + unitId, actor);
    List<UnitMember> members = formation.members(now);
    if (members.isEmpty()) {
      throw new LiquidInputException("Nobody in the directory is eligible for any role of"
          + " campaign " + campaignId + ": " + String.join("; ", formation.roles().stream()
              .flatMap(r -> r.nearestMisses().stream()).limit(3)
              .map(CandidateVerdict::explanation).toList())
          + ". Lower an entry threshold or add people with the skill.");
    }
    Unit unit = new Unit(unitId, campaignId, mode == FormationMode.AUTOMATIC ? UnitStatus.ACTIVE
        : UnitStatus.PROPOSED, mode, now, actor == null ? "formation-pack" : actor,
        formation.decisionId(), null, 0, members);
    directory.saveUnit(unit);
    return new FormedUnit(unit, formation);
  }

  /** A lead confirms a proposed unit, possibly with other members; it becomes ACTIVE. */
  public Unit confirm(String unitId, List<UnitMember> members, String lead) {
    return directory.confirm(unitId, members, lead, clock.instant());
  }

  /**
   * Records a collaboration event in the ledger, durably.
   *
   * @throws LiquidInputException when the person or the campaign is unknown
   */
  public RecordedEvent record(CollaborationEvent event, String actor) {
    if (directory.person(event.personId()).isEmpty()) {
      throw new LiquidInputException("Event " + event.eventId() + ": no person "
          + event.personId() + " in the directory. Add the person first.");
    }
    if (event.campaignId() != null && directory.campaign(event.campaignId()).isEmpty()) {
      throw new LiquidInputException("Event " + event.eventId() + ": no campaign "
          + event.campaignId() + ". Give an existing campaign id, or none.");
    }
    return ledger.append(event, actor);
  }

  /**
   * Records a list of collaboration events (an import from a CRM or a chat workplace): checks
   * every event first as {@link #record} does (the person exists; the campaign exists when one is
   * given) and records nothing when any is refused. Then appends them in input order, in chunks of
   * {@link #RECORD_CHUNK} events, each chunk one durable commit before the next is sent.
   *
   * <p>A failure mid-way (the database gone) leaves the earlier chunks recorded and throws; sending
   * the whole list again is safe, because appends are idempotent by event id: what is recorded is
   * returned as recorded, the rest is appended. An event id that occurs twice in the list is
   * recorded once (the first occurrence; the second is answered with it).
   *
   * @return the events as recorded, in input order
   * @throws LiquidInputException when any event is refused, with one problem per refusal (path
   *     {@code [index].personId} or {@code [index].campaignId}); nothing is recorded
   */
  public List<RecordedEvent> recordAll(List<CollaborationEvent> events, String actor) {
    return recordAll(events, actor, BatchProgress.NONE).events();
  }

  /**
   * {@link #recordAll(List, String)} that tells {@code progress} after every chunk and says how
   * many events were new.
   */
  public RecordedBatch recordAll(List<CollaborationEvent> events, String actor,
      BatchProgress progress) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(progress, "progress");
    List<Problem> problems = checkAll(events);
    if (!problems.isEmpty()) {
      throw new LiquidInputException(refusal(problems, events.size()), problems);
    }
    List<RecordedEvent> head = ledger.latest(1);
    long before = head.isEmpty() ? 0 : head.get(0).sequence();
    List<RecordedEvent> out = new ArrayList<>(events.size());
    for (int from = 0; from < events.size(); from += RECORD_CHUNK) {
      List<CollaborationEvent> chunk = events.subList(from,
          Math.min(events.size(), from + RECORD_CHUNK));
      out.addAll(ledger.appendAll(chunk, actor));
      progress.recorded(out.size(), events.size());
    }
    Set<Long> sequences = new HashSet<>();
    int fresh = 0;
    int known = 0;
    int repeated = 0;
    for (RecordedEvent e : out) {
      if (!sequences.add(e.sequence())) {
        repeated++;
      } else if (e.sequence() > before) {
        fresh++;
      } else {
        known++;
      }
    }
    List<RecordedEvent> last = ledger.latest(1);
    return new RecordedBatch(out, fresh, known, repeated, last.isEmpty() ? null : last.get(0));
  }

  /**
   * A recorded list: the events as recorded in input order; how many were appended by it, were
   * recorded before, or repeated an event id earlier in the list; and the ledger's head after it.
   *
   * @param newlyRecorded events appended after this call began (their sequence is above the
   *     head it found: a concurrent recorder of the same id counts too)
   * @param head the chain's newest event after the list was recorded, null when it is empty
   */
  public record RecordedBatch(List<RecordedEvent> events, int newlyRecorded,
      int alreadyRecorded, int repeatedInList, RecordedEvent head) {
    public RecordedBatch {
      events = List.copyOf(events);
    }
  }

  /** Told after every chunk {@link #recordAll} recorded; called on the recording thread. */
  @FunctionalInterface
  public interface BatchProgress {
    /** Ignores progress. */
    BatchProgress NONE = (done, total) -> { };

    /** {@code done} of the list's {@code total} events are durably recorded. */
    void recorded(int done, int total);
  }

  /**
   * What {@link #recordAll} would refuse the list for, without recording anything: one problem per
   * refusal, its path {@code [index].field} (a null event is {@code [index]}: is missing). Lets an
   * importer report these together with its own checks of the other events.
   */
  public List<Problem> checkAll(List<CollaborationEvent> events) {
    List<Problem> problems = new ArrayList<>();
    Map<String, Boolean> people = new HashMap<>();
    Map<String, Boolean> campaigns = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      CollaborationEvent e = events.get(i);
      if (e == null) {
        problems.add(problem(i, null, "", "is missing.", "Give an event, not null."));
        continue;
      }
      if (!people.computeIfAbsent(e.personId(), id -> directory.person(id).isPresent())) {
        problems.add(problem(i, e.eventId(), "personId", "no person " + e.personId()
            + " in the directory.", "Add the person first, or correct the id."));
      }
      if (e.campaignId() != null && !campaigns.computeIfAbsent(e.campaignId(),
          id -> directory.campaign(id).isPresent())) {
        problems.add(problem(i, e.eventId(), "campaignId", "no campaign " + e.campaignId() + ".",
            "Give an existing campaign id, or none."));
      }
    }
    return problems;
  }

  private static Problem problem(int index, String eventId, String field, String message,
      String hint) {
    return new Problem(eventId == null ? "events" : "event " + eventId, 0, 0, null,
        "[" + index + "]" + (field.isEmpty() ? "" : "." + field), message, hint);
  }

  private static String refusal(List<Problem> problems, int size) {
    long bad = problems.stream().map(Problem::path)
        .map(p -> p.substring(0, p.indexOf(']') + 1)).distinct().count();
    StringBuilder b = new StringBuilder();
    b.append(bad).append(" of ").append(size).append(size == 1 ? " event is" : " events are")
        .append(" not valid; nothing was recorded. Fix ").append(bad == 1 ? "it" : "them")
        .append(" and send the whole list again:");
    problems.stream().limit(MESSAGE_PROBLEMS).forEach(p -> b.append("\n  ").append(p));
    if (problems.size() > MESSAGE_PROBLEMS) {
      b.append("\n  ... and ").append(problems.size() - MESSAGE_PROBLEMS).append(" more.");
    }
    return b.toString();
  }

  /** Contribution points of a campaign's events (null: of every event), not recorded. */
  public ContributionSummary contributions(String campaignId) {
    List<RecordedEvent> events = campaignId == null ? ledger.all() : ledger.eventsOf(campaignId);
    return contributions(campaignId, events);
  }

  private ContributionSummary contributions(String campaignId, List<RecordedEvent> events) {
    RulePack pack = packs.contribution().get();
    String ref = pack.id() + "@" + pack.version();
    if (events.isEmpty()) {
      return new ContributionSummary(campaignId, ref, List.of(), Map.of(), Map.of(),
          BigDecimal.ZERO, 1.0);
    }
    ContributionFacts.Input input = ContributionFacts.facts(events, directory.units(),
        directory.outcomes());
    Decision decision = baton.decide(Evaluation.of(List.of(pack), input.facts(),
        clock.instant()), DecideOptions.defaults().withConsent(DecideOptions.ConsentSource.FACTS)
        .withRecord(false).withExplain(false)).decision();
    return ContributionFacts.summary(campaignId, ref, input, decision);
  }

  /** Contribution points per person over the last 180 days (what formation ranks by). */
  public Map<String, BigDecimal> recentPoints() {
    Instant since = clock.instant().minus(Duration.ofDays(180));
    List<RecordedEvent> recent = ledger.all().stream()
        .filter(e -> !e.event().occurredAt().isBefore(since)).toList();
    return new HashMap<>(contributions(null, recent).byPerson());
  }

  /**
   * Dissolves a unit: members leave, the campaign closes, and the contribution summary of its
   * campaign is returned. Dissolving twice returns the same.
   */
  public Dissolution dissolve(String unitId) {
    Unit unit = directory.dissolve(unitId, clock.instant());
    return new Dissolution(unit, contributions(unit.campaignId()));
  }

  /** A dissolved unit and its campaign's contribution summary. */
  public record Dissolution(Unit unit, ContributionSummary contributions) {}

  /** The KPIs: minutes from demand to formed unit (average), attributable share. */
  public LiquidKpis kpis() {
    Map<String, Campaign> campaigns = new HashMap<>();
    directory.campaigns().forEach(c -> campaigns.put(c.id(), c));
    List<Unit> units = directory.units().stream()
        .filter(u -> u.status() != UnitStatus.PROPOSED).toList();
    double minutes = 0;
    int counted = 0;
    for (Unit u : units) {
      Campaign c = campaigns.get(u.campaignId());
      if (c != null) {
        minutes += Duration.between(c.demandAt(), u.formedAt()).toMillis() / 60_000.0;
        counted++;
      }
    }
    ContributionSummary all = contributions(null);
    return new LiquidKpis(counted, counted == 0 ? Double.NaN : minutes / counted,
        all.attributableShare(), all.events().size());
  }

  /**
   * A micro campaign for a customer event (e.g. the customer viewed the AI financing plan): one
   * person per role, demand posted now, {@code hours} to iterate and sign.
   */
  public Campaign microCampaign(String customerId, List<String> roles, int hours,
      String region) {
    Instant now = clock.instant();
    List<DemandRole> demand = new ArrayList<>();
    for (String role : roles) {
      demand.add(MicroRoles.demand(role));
    }
    String id = "MC-" + customerId + "-" + now.getEpochSecond();
    return new Campaign(id, "Micro unit for " + customerId, customerId, region, demand,
        List.of(new ExitRule(ExitRule.Kind.DEAL_SIGNED, null),
            new ExitRule(ExitRule.Kind.TIME_BOX_ENDS, null)),
        now, now.plus(Duration.ofHours(hours)), Duration.ofHours(hours), CampaignStatus.OPEN);
  }

  private Campaign campaign(String campaignId) {
    return directory.campaign(campaignId).orElseThrow(() -> new LiquidInputException(
        "No campaign " + campaignId + ": post it first (POST /api/v1/liquid/campaigns or 'baton"
            + " liquid campaign post')."));
  }

  @Override
  public void close() {
    if (ownsLedger) {
      ledger.close();
    }
  }
}
