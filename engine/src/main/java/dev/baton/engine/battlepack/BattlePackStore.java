package dev.baton.engine.battlepack;

import dev.baton.engine.battlepack.internal.JdbcBattlePackStore;
import dev.baton.engine.store.BatonStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the battle-pack workflow leaves behind: the generated packs, the workflow timeline of each
 * decision, and the outbox of actions it carried out. Written by the job workers; read by the
 * designer, the CLI and auditors. Thread-safe.
 */
public interface BattlePackStore {

  /** The store in a Baton database. */
  static BattlePackStore on(BatonStore store) {
    return new JdbcBattlePackStore(store);
  }

  /** A pack by id. */
  Optional<StoredPack> pack(String packId);

  /** The packs generated for a decision, oldest first. */
  List<StoredPack> packsForDecision(String decisionId);

  /**
   * The packs generated in {@code [from, to)} (by {@link StoredPack#createdAt()}), oldest first
   * (ties by pack id), whatever their status: for reports over a period, e.g. packs per day,
   * veto rate and time to release. Either bound may be null for an open end.
   *
   * @throws IllegalArgumentException when both bounds are given and {@code from} is after
   *     {@code to}
   */
  List<StoredPack> packsCreated(Instant from, Instant to);

  /** The workflow steps of a decision, in the order they completed. */
  List<WorkflowStep> timeline(String decisionId);

  /** The workflow steps of a process instance, in the order they completed. */
  List<WorkflowStep> timelineOfInstance(long processInstanceKey);

  /** The actions carried out for a decision, in order. */
  List<OutboxEntry> outbox(String decisionId);
}
