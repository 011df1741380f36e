package dev.baton.designer.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.consent.Channel;
import dev.baton.engine.consent.ConsentPair;
import dev.baton.engine.consent.ConsentRecord;
import dev.baton.engine.consent.ConsentSnapshot;
import dev.baton.engine.consent.ConsentSource;
import dev.baton.engine.consent.ConsentStatus;
import dev.baton.engine.consent.CurrentConsent;
import dev.baton.engine.consent.EffectiveStatus;
import dev.baton.engine.consent.LedgerEntry;
import dev.baton.engine.consent.Purpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consent per channel from the customers' snapshots. */
class ChannelBreakdownTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static ConsentSnapshot snapshot(String customer, ConsentPair pair,
      EffectiveStatus status) {
    List<CurrentConsent> all = new ArrayList<>();
    for (ConsentPair p : ConsentPair.all()) {
      if (p.equals(pair)) {
        ConsentStatus recorded = status == EffectiveStatus.EXPIRED ? ConsentStatus.GRANTED
            : ConsentStatus.valueOf(status.name());
        all.add(new CurrentConsent(p, status, new LedgerEntry(1, new ConsentRecord(customer,
            p.channel(), p.purpose(), recorded, ConsentSource.SERVICE_HOTLINE, "EV-" + customer,
            NOW.minusSeconds(60), status == EffectiveStatus.EXPIRED ? NOW.minusSeconds(1)
                : null), NOW)));
      } else {
        all.add(new CurrentConsent(p, EffectiveStatus.NONE, null));
      }
    }
    return new ConsentSnapshot(customer, NOW, all);
  }

  @Test
  void shouldCountGrantedRefusedAndNoConsentPerChannelWhenCustomersDiffer() {
    // given: C-1 withdrew voice follow-up, C-2 granted voice marketing, C-3's WeChat grant expired
    List<ConsentSnapshot> snapshots = List.of(
        snapshot("C-1", ConsentPair.of(Channel.VOICE, Purpose.SALES_FOLLOW_UP),
            EffectiveStatus.WITHDRAWN),
        snapshot("C-2", ConsentPair.of(Channel.VOICE, Purpose.MARKETING),
            EffectiveStatus.GRANTED),
        snapshot("C-3", ConsentPair.of(Channel.WECHAT, Purpose.MARKETING),
            EffectiveStatus.EXPIRED));

    // when
    ChannelBreakdown b = ChannelBreakdown.of(snapshots);

    // then: 3 customers × 3 purposes = 9 per channel
    assertThat(b.rows()).extracting(ChannelBreakdown.Row::channel)
        .containsExactly(Channel.values());
    assertThat(b.row(Channel.VOICE)).isEqualTo(new ChannelBreakdown.Row(Channel.VOICE, 1, 1, 7));
    assertThat(b.row(Channel.WECHAT)).isEqualTo(new ChannelBreakdown.Row(Channel.WECHAT, 0, 0, 9));
    assertThat(b.row(Channel.EMAIL)).isEqualTo(new ChannelBreakdown.Row(Channel.EMAIL, 0, 0, 9));
  }
}
