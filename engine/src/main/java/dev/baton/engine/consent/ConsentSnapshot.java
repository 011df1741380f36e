package dev.baton.engine.consent;

import java.time.Instant;
import java.util.List;

/**
 * A customer's consent in force at one time, for every channel and purpose.
 *
 * @param customerId the customer
 * @param at the time it was worked out for
 * @param consents one entry per {@link ConsentPair#all() pair}, in that order
 */
public record ConsentSnapshot(String customerId, Instant at, List<CurrentConsent> consents) {

  public ConsentSnapshot {
    consents = List.copyOf(consents);
  }

  /** The consent in force for this pair ({@link EffectiveStatus#NONE} when there is none). */
  public CurrentConsent get(ConsentPair pair) {
    return consents.stream().filter(c -> c.pair().equals(pair)).findFirst()
        .orElse(new CurrentConsent(pair, EffectiveStatus.NONE, null));
  }

  /** The consent in force for this channel and purpose. */
  public CurrentConsent get(Channel channel, Purpose purpose) {
    return get(new ConsentPair(channel, purpose));
  }
}
