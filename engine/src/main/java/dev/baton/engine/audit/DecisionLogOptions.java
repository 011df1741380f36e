package dev.baton.engine.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link DecisionLog}; {@link #defaults()} suits production.
 *
 * @param clock the clock of {@link DecisionRecord#recordedAt()} (never of the evaluation)
 * @param maxBatch at most this many records are committed in one transaction (group commit)
 * @param ackTimeout how long {@link DecisionLog#record} waits for the commit
 * @param replayThreads threads that evaluate during replay and backtest
 * @param progressEvery replay and backtest report progress after every this many records
 * @param maxListed at most this many differences or affected decisions are listed in a report;
 *     the counts are always complete
 * @param documents how new records store their JSON documents (records stored either way are
 *     read alike)
 */
public record DecisionLogOptions(
    Clock clock,
    int maxBatch,
    Duration ackTimeout,
    int replayThreads,
    int progressEvery,
    int maxListed,
    DocumentCompression documents) {

  public DecisionLogOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(documents, "documents");
    if (maxBatch < 1 || replayThreads < 1 || progressEvery < 1 || maxListed < 0
        || ackTimeout.isNegative() || ackTimeout.isZero()) {
      throw new IllegalArgumentException("Decision log options need maxBatch, replayThreads and"
          + " progressEvery >= 1, maxListed >= 0 and a positive ackTimeout; found " + this + ".");
    }
  }

  /**
   * The system UTC clock, batches of up to 512, 30 s timeout, 2 replay threads, documents
   * compressed ({@link DocumentCompression#DEFLATE}).
   */
  public static DecisionLogOptions defaults() {
    return new DecisionLogOptions(Clock.systemUTC(), 512, Duration.ofSeconds(30), 2, 1000,
        10_000, DocumentCompression.DEFLATE);
  }

  /** The same options with another clock (tests). */
  public DecisionLogOptions withClock(Clock newClock) {
    return new DecisionLogOptions(newClock, maxBatch, ackTimeout, replayThreads, progressEvery,
        maxListed, documents);
  }

  /** The same options with another progress interval. */
  public DecisionLogOptions withProgressEvery(int records) {
    return new DecisionLogOptions(clock, maxBatch, ackTimeout, replayThreads, records, maxListed,
        documents);
  }

  /** The same options with another batch size. */
  public DecisionLogOptions withMaxBatch(int records) {
    return new DecisionLogOptions(clock, records, ackTimeout, replayThreads, progressEvery,
        maxListed, documents);
  }

  /** The same options with another way of storing new records' documents. */
  public DecisionLogOptions withDocuments(DocumentCompression compression) {
    return new DecisionLogOptions(clock, maxBatch, ackTimeout, replayThreads, progressEvery,
        maxListed, compression);
  }
}
