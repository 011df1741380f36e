package dev.baton.engine.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One consent event of one customer for one channel and purpose, as the customer gave it: the
 * input to {@link ConsentLedger#record(ConsentRecord)}. Once recorded it never changes; a later
 * change of mind is a new record.
 *
 * <p>Times are kept to the millisecond (finer parts are dropped here), the precision rules
 * compare them at, so that the ledger and the consent-check pack order records the same way.
 * The ledger checks the rest when recording (text lengths, {@code expiresAt} after {@code
 * recordedAt} and only on grants, a unique evidence id, a known customer).
 *
 * @param customerId the customer's id (see {@link Customer#id()})
 * @param channel the channel
 * @param purpose the purpose
 * @param status granted, denied or withdrawn
 * @param source where the consent was given
 * @param evidenceId the id of the evidence (form submission, WeChat authorization, QR scan,
 *     call recording); unique in the ledger, and the proof a decision cites
 * @param recordedAt when the customer gave it
 * @param expiresAt when a grant ends (at that instant it no longer counts), or null for a grant
 *     that does not expire; always null for a refusal or withdrawal
 */
public record ConsentRecord(
    String customerId,
    Channel channel,
    Purpose purpose,
    ConsentStatus status,
    ConsentSource source,
    String evidenceId,
    Instant recordedAt,
    Instant expiresAt) {

  public ConsentRecord {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(evidenceId, "evidenceId");
    recordedAt = Objects.requireNonNull(recordedAt, "recordedAt").truncatedTo(ChronoUnit.MILLIS);
    expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The channel and purpose of this record. */
  public ConsentPair pair() {
    return new ConsentPair(channel, purpose);
  }
}
