package dev.baton.designer.consent;

import dev.baton.engine.consent.Channel;
import dev.baton.engine.consent.ConsentSnapshot;
import dev.baton.engine.consent.CurrentConsent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Consent per channel at one time: for every channel, how many of the customers' channel and
 * purpose pairs are granted, refused (denied or withdrawn) and without consent (no record, or
 * an expired grant). Each customer counts once per purpose, so every channel's three counts add
 * up to customers × purposes.
 *
 * @param rows one row per channel, in the channels' order
 */
public record ChannelBreakdown(List<Row> rows) {

  public ChannelBreakdown {
    rows = List.copyOf(rows);
  }

  /**
   * One channel.
   *
   * @param channel the channel
   * @param granted pairs granted now
   * @param refused pairs denied or withdrawn
   * @param none pairs without a record or with an expired grant
   */
  public record Row(Channel channel, int granted, int refused, int none) {}

  /** The breakdown of the customers' consent snapshots (all taken at the same time). */
  public static ChannelBreakdown of(List<ConsentSnapshot> snapshots) {
    Map<Channel, int[]> counts = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      counts.put(c, new int[3]);
    }
    for (ConsentSnapshot s : snapshots) {
      for (CurrentConsent c : s.consents()) {
        int[] n = counts.get(c.pair().channel());
        if (c.status().isGranted()) {
          n[0]++;
        } else if (c.status().isRefusal()) {
          n[1]++;
        } else {
          n[2]++;
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    counts.forEach((channel, n) -> rows.add(new Row(channel, n[0], n[1], n[2])));
    return new ChannelBreakdown(rows);
  }

  /** The row of a channel. */
  public Row row(Channel channel) {
    return rows.stream().filter(r -> r.channel() == channel).findFirst().orElseThrow();
  }
}
