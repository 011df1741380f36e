package dev.baton.engine.battlepack;

import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.runtime.Baton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the battle-pack job workers need: the embedded {@link Baton} (rules, decision log,
 * consent ledger, database; it must record decisions), the rule pipeline, the generator, the
 * clock and the default review timeout. Immutable and thread-safe; the {@code with} methods
 * return copies.
 */
public final class BattlePackServices {
  /** The review timeout when neither the visit nor the services say otherwise. */
  public static final Duration DEFAULT_REVIEW_TIMEOUT = Duration.ofHours(4);

  private final Baton baton;
  private final PackLoader pipeline;
  private final BattlePackGenerator generator;
  private final Clock clock;
  private final Duration reviewTimeout;
  private final BattlePackHistory history;
  private final ReviewQueue reviews;
  private final BattlePackStore packs;

  private BattlePackServices(Baton baton, PackLoader pipeline, BattlePackGenerator generator,
      Clock clock, Duration reviewTimeout, ReviewPolicy reviewPolicy) {
    this.baton = Objects.requireNonNull(baton, "baton");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.generator = Objects.requireNonNull(generator, "generator");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (reviewTimeout.isNegative() || reviewTimeout.isZero()) {
      throw new IllegalArgumentException("The review timeout must be positive, was " + reviewTimeout);
    }
    this.reviewTimeout = reviewTimeout;
    this.history = BattlePackHistory.on(baton.store());
    this.reviews = ReviewQueue.on(baton.store(), Objects.requireNonNull(reviewPolicy,
        "reviewPolicy"));
    this.packs = BattlePackStore.on(baton.store());
  }

  /**
   * Services on Baton with the default pipeline of this loader (read again for every visit
   * request, so that a newly published pack version applies to the next one), the
   * deterministic generator, the system clock, a review timeout of 4 hours and the default
   * review policy (four eyes).
   */
  public static BattlePackServices of(Baton baton, PackLoader pipeline) {
    return new BattlePackServices(baton, pipeline, BattlePackGenerators.deterministic(),
        Clock.systemUTC(), DEFAULT_REVIEW_TIMEOUT, ReviewPolicy.DEFAULT);
  }

  /** The same services with another generator (e.g. a model endpoint's). */
  public BattlePackServices withGenerator(BattlePackGenerator newGenerator) {
    return new BattlePackServices(baton, pipeline, newGenerator, clock, reviewTimeout,
        reviews.policy());
  }

  /** The same services with another clock: the time decisions and history are read for. */
  public BattlePackServices withClock(Clock newClock) {
    return new BattlePackServices(baton, pipeline, generator, newClock, reviewTimeout,
        reviews.policy());
  }

  /** The same services with another default review timeout (ISO-8601 in the BPMN, e.g. PT4H). */
  public BattlePackServices withReviewTimeout(Duration newTimeout) {
    return new BattlePackServices(baton, pipeline, generator, clock, newTimeout,
        reviews.policy());
  }

  /** The same services with another review policy (e.g. four eyes off for a one-person team). */
  public BattlePackServices withReviewPolicy(ReviewPolicy newPolicy) {
    return new BattlePackServices(baton, pipeline, generator, clock, reviewTimeout, newPolicy);
  }

  /** Baton. */
  public Baton baton() {
    return baton;
  }

  /** The rule pipeline as it is now (cmi-threshold → ai-trigger → consent-check). */
  public List<RulePack> pipeline() {
    return pipeline.defaultPipeline();
  }

  /** The generator. */
  public BattlePackGenerator generator() {
    return generator;
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** The default review timeout. */
  public Duration reviewTimeout() {
    return reviewTimeout;
  }

  /** The sales history. */
  public BattlePackHistory history() {
    return history;
  }

  /** The review queue. */
  public ReviewQueue reviews() {
    return reviews;
  }

  /** Packs, timeline and outbox. */
  public BattlePackStore packs() {
    return packs;
  }
}
