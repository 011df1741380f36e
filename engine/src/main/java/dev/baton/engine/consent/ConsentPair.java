package dev.baton.engine.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A channel and a purpose: the unit consent is held for. Written {@code EMAIL+MARKETING}.
 *
 * @param channel the channel
 * @param purpose the purpose
 */
public record ConsentPair(Channel channel, Purpose purpose) {

  public ConsentPair {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
  }

  /** The pair of this channel and purpose. */
  public static ConsentPair of(Channel channel, Purpose purpose) {
    return new ConsentPair(channel, purpose);
  }

  /** Every pair, channel by channel in enum order, then purpose in enum order (12 pairs). */
  public static List<ConsentPair> all() {
    List<ConsentPair> out = new ArrayList<>();
    for (Channel c : Channel.values()) {
      for (Purpose p : Purpose.values()) {
        out.add(new ConsentPair(c, p));
      }
    }
    return List.copyOf(out);
  }

  /** {@code CHANNEL+PURPOSE}, e.g. {@code VOICE+SALES_FOLLOW_UP}. */
  @Override
  public String toString() {
    return channel + "+" + purpose;
  }
}
