package dev.baton.engine.battlepack;

import java.time.Instant;

/**
 * A battle pack as stored.
 *
 * @param pack the pack
 * @param hash the SHA-256 of its canonical JSON as stored when it was generated
 * @param status {@code IN_REVIEW}, {@code RELEASED} or {@code RETURNED}
 * @param processInstanceKey the workflow instance that generated it
 * @param createdAt when it was generated
 * @param updatedAt when its status last changed
 */
public record StoredPack(
    BattlePack pack, String hash, String status, long processInstanceKey, Instant createdAt,
    Instant updatedAt) {}
