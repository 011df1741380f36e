package dev.baton.designer.dashboard;

import static dev.baton.designer.security.Role.ADMIN_;
import static dev.baton.designer.security.Role.ANALYST_;
import static dev.baton.designer.security.Role.AUDITOR_;
import static dev.baton.designer.security.Role.DEVELOPER_;
import static dev.baton.designer.security.Role.OPS_;

import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.battlepack.BattlePackRuntime;
import dev.baton.engine.battlepack.BattlePackStore;
import dev.baton.engine.battlepack.ReviewItem;
import dev.baton.engine.battlepack.ReviewQueue;
import dev.baton.engine.battlepack.ReviewStatus;
import dev.baton.engine.battlepack.StoredPack;
import dev.baton.engine.battlepack.WorkflowStep;
import dev.baton.engine.consent.CoverageReport;
import dev.baton.engine.runtime.Baton;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Gathers what the KPIs are computed from ({@link Kpis}) for the last {@value #DAYS} UTC days up
 * to today on the application's clock: the recorded decisions of the period, the battle packs
 * generated in it with their reviews and workflow timeline, and consent coverage now. Read only;
 * for every role but pure reviewers.
 */
@Service
public class DashboardService {
  /** How many days (UTC, today included) the dashboard covers. */
  public static final int DAYS = 14;
  private static final int PAGE = 500;
  private final Baton baton;
  private final BattlePackStore packs;
  private final ReviewQueue reviews;
  private final Clock clock;
  private final Duration releaseTarget;
  private final BigDecimal packsPerDayTarget;

  public DashboardService(Baton baton, BattlePackRuntime runtime,
      @Value("${baton.dashboard.release-target:${baton.workflow.review-timeout:PT4H}}")
      Duration releaseTarget,
      @Value("${baton.dashboard.packs-per-day-target:}") String packsPerDayTarget) {
    this.baton = baton;
    this.packs = runtime.services().packs();
    this.reviews = runtime.services().reviews();
    this.clock = runtime.services().clock();
    this.releaseTarget = releaseTarget;
    this.packsPerDayTarget = packsPerDayTarget == null || packsPerDayTarget.isBlank() ? null
        : new BigDecimal(packsPerDayTarget.strip());
  }

  /** The KPIs of the last {@value #DAYS} days. */
  @RolesAllowed({ANALYST_, OPS_, AUDITOR_, DEVELOPER_, ADMIN_})
  public Kpis.Dashboard dashboard() {
    Instant now = clock.instant();
    LocalDate today = Kpis.utcDay(now);
    LocalDate first = today.minusDays(DAYS - 1L);
    Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long[] autonomy = autonomy(from, to);
    List<PackFacts> facts = packs.packsCreated(from, to).stream().map(this::facts).toList();
    CoverageReport coverage = baton.consent().coverage(now);
    return Kpis.compute(new Kpis.Input(first, today, autonomy[0], autonomy[1], facts,
        coverage.covered(), coverage.customers(), coverage.target(), releaseTarget,
        packsPerDayTarget));
  }

  /** {AI, HUMAN} counts of the decisions recorded in [from, to), read a page at a time. */
  private long[] autonomy(Instant from, Instant to) {
    long[] counts = new long[2];
    DecisionQuery query = DecisionQuery.all().recorded(from, to);
    for (long offset = 0; ; offset += PAGE) {
      List<DecisionRecord> page = baton.decisions().find(query.page(offset, PAGE));
      for (DecisionRecord r : page) {
        switch (DecisionAutonomy.of(r.decisionJson())) {
          case AI -> counts[0]++;
          case HUMAN -> counts[1]++;
          case NO_ACTION -> { } // nothing to do: not a scenario
        }
      }
      if (page.size() < PAGE) {
        return counts;
      }
    }
  }

  private PackFacts facts(StoredPack p) {
    List<ReviewItem> items = reviews.forPack(p.pack().packId());
    PackFacts.Review review;
    if (items.stream().anyMatch(i -> i.status() == ReviewStatus.REJECTED)) {
      review = PackFacts.Review.VETOED;
    } else if (!items.isEmpty()
        && items.stream().allMatch(i -> i.status() == ReviewStatus.APPROVED)) {
      review = PackFacts.Review.APPROVED;
    } else {
      review = PackFacts.Review.OPEN;
    }
    List<WorkflowStep> steps = new ArrayList<>(packs.timeline(p.pack().decisionId()));
    Instant requested = steps.isEmpty() ? null : steps.get(0).occurredAt();
    Instant released = "RELEASED".equals(p.status()) ? p.updatedAt() : null;
    return new PackFacts(p.pack().packId(), p.createdAt(), requested, review, released);
  }
}
