package dev.baton.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.internal.RecordJson;
import dev.baton.engine.rules.Decision;
import org.junit.jupiter.api.Test;

class CompactDecisionJsonTest {

  @Test
  void shouldEqualTheIndentedJsonWithoutWhitespaceWhenWrittenCompact() {
    int checked = 0;
    for (AuditFixtures.Profile profile : AuditFixtures.Profile.values()) {
      for (boolean consent : new boolean[] {true, false}) {
        // given
        Decision d = AuditFixtures.engine().evaluate(AuditFixtures.evaluation("R-" + checked,
            AuditFixtures.customer("C-" + checked, profile, consent)));
        // when
        String compact = d.toCompactJson();
        // then
        assertThat(compact).isEqualTo(RecordJson.compact(d.toJson()));
        assertThat(d.nearestMisses()).isNotEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }
}
