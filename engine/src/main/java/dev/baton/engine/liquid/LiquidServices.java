package dev.baton.engine.liquid;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The liquid organisation's operations on one Baton: post campaigns, form units through the
 * formation pack (recording the formation decision in the decision log), record collaboration
 * events, compute contribution points and the KPIs, dissolve units. Decisions go through {@link
 * Baton#decide}, the one evaluation path. Thread-safe; close it to stop the ledger's writer.
 */
public final class LiquidServices implements AutoCloseable {
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
