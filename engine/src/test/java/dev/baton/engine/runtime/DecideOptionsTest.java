package dev.baton.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.DecideOptions.ConsentSource;
import dev.baton.engine.store.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One call decides for every entry point; the options say how. */
class DecideOptionsTest {
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final RulePack CONSENT = RulePacks.read(Path.of("../rule-packs/consent-check"));

  /** An e-mail contact and, in the facts, a grant that the (empty) ledger does not have. */
  private static Evaluation evaluation(String requestId) {
    return Evaluation.of(List.of(CONSENT), List.of(
        fact("OutreachRequest", "requestId", "REQ-1", "customerId", "C-1", "channel", "EMAIL",
            "purpose", "MARKETING", "actor", "HUMAN"),
        fact("Consent", "customerId", "C-1", "channel", "EMAIL", "purpose", "MARKETING",
            "status", "GRANTED", "source", "WEBSITE_OPT_IN", "evidenceId", "EV-1",
            "recordedAt", "2026-09-01T08:00:00Z")), NOW).by(requestId, "tester");
  }

  @Test
  void shouldUseTheFactsConsentAndRecordNothingWhenTheOptionsSaySo() {
    try (var ds = TestDatabases.fresh("h2"); Baton baton = Baton.open(ds, true)) {
      // given
      DecideOptions options = new DecideOptions(false, ConsentSource.FACTS, true);
      // when
      Decided decided = baton.decide(evaluation("R-1"), options);
      // then
      assertThat(decided.record()).isNull();
      assertThat(decided.decision().firedRuleIds()).containsExactly("consent-granted");
      assertThat(decided.decision().nearestMisses()).isNotEmpty();
      assertThat(baton.decisions().count(DecisionQuery.all())).isZero();
    }
  }

  @Test
  void shouldReplaceTheFactsConsentByTheLedgerAndRecordWhenDecidingAsTheProduct() {
    try (var ds = TestDatabases.fresh("h2"); Baton baton = Baton.open(ds, true)) {
      // when
      Decided decided = baton.decide(evaluation("R-2"), DecideOptions.defaults());
      Decided again = baton.decide(evaluation("R-2"), DecideOptions.defaults());
      // then
      assertThat(decided.decision().firedRuleIds()).containsExactly("no-consent-record");
      assertThat(decided.decision().blocked()).isTrue();
      assertThat(decided.record()).isNotNull();
      assertThat(again.record().duplicate()).isTrue();
      assertThat(again.record().decisionId()).isEqualTo(decided.record().decisionId());
      assertThat(baton.decisions().count(DecisionQuery.all())).isEqualTo(1);
    }
  }

  @Test
  void shouldLeaveTheNearestMissesOutWhenNotExplaining() {
    try (var ds = TestDatabases.fresh("h2"); Baton baton = Baton.open(ds, true)) {
      // when
      Decided explained = baton.decide(evaluation("R-3"),
          DecideOptions.defaults().withRecord(false));
      Decided bare = baton.decide(evaluation("R-3"),
          DecideOptions.defaults().withRecord(false).withExplain(false));
      // then
      assertThat(explained.decision().nearestMisses()).isNotEmpty();
      assertThat(bare.decision().nearestMisses()).isEmpty();
      assertThat(bare.decision().withoutNearestMisses())
          .isEqualTo(explained.decision().withoutNearestMisses());
      assertThat(bare.record()).isNull();
    }
  }

  private static Fact fact(String type, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return new Fact(type, m);
  }
}
