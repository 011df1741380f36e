package dev.baton.engine.liquid;

import java.time.Instant;

/**
 * A collaboration event as the ledger holds it.
 *
 * @param sequence its position in the hash chain (1, 2, ...)
 * @param actor who recorded it (a user, a service), or null
 * @param hash {@code SHA-256(previousHash ":" sequence ":" recordedAt ":" contentHash)}
 */
public record RecordedEvent(long sequence, Instant recordedAt, String actor,
    CollaborationEvent event, String hash) {}
