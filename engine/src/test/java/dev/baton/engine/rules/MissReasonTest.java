package dev.baton.engine.rules;

import static dev.baton.engine.rules.Packs.fact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.AggregateFunction;
import dev.baton.engine.rulepack.Operator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissReasonTest {
  private static final RulesEngine ENGINE = RulesEngine.create();
  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @Test
  void shouldGiveTheFailedConditionAsKeyAndArgumentsWhenTheEngineExplainsAMiss() {
    // given
    var facts = List.of(
        fact("OutreachRequest", "customerId", "C1", "channel", "VOICE", "actor", "AI"),
        fact("Consent", "customerId", "C1", "channel", "VOICE", "status", "GRANTED",
            "evidenceId", "EV-8", "recordedAt", "2026-10-01T08:00:00Z"));
    // when
    Decision d = ENGINE.evaluate(Evaluation.of(List.of(Packs.pack(Packs.CONSENT)), facts, NOW));
    // then: the stored sentence is unchanged, the reason is derived from it
    Decision.NearestMiss miss = d.nearestMisses().get(0);
    MissReason r = MissReason.of(miss);
    assertThat(r.key()).isEqualTo("miss.field");
    assertThat(r.args()).containsExactly("Consent #1", "status", "GRANTED", Operator.EQ,
        "DENIED");
    assertThat(miss.explanation()).isEqualTo("Consent #1: status is GRANTED, needs = DENIED");
  }

  @Test
  void shouldRecogniseEveryShapeTheExplainerWrites() {
    assertThat(MissReason.of("no Customer fact"))
        .isEqualTo(new MissReason("miss.noFact", List.of("Customer")));
    assertThat(MissReason.of("Score(CMI): value is missing, needs ≥ 70")).isEqualTo(
        new MissReason("miss.fieldMissing", List.of("Score(CMI)", "value", Operator.GTE, "70")));
    assertThat(MissReason.of("Customer #2: tags is [A], needs is not empty")).isEqualTo(
        new MissReason("miss.field", List.of("Customer #2", "tags", "[A]", Operator.NOT_EMPTY,
            "")));
    assertThat(MissReason.of("Deal #1: region is EAST, needs not in [NORTH, WEST]")).isEqualTo(
        new MissReason("miss.field", List.of("Deal #1", "region", "EAST", Operator.NOT_IN,
            "[NORTH, WEST]")));
    assertThat(MissReason.of("count of Deal.amount is 2, needs ≥ 3")).isEqualTo(
        new MissReason("miss.aggregate", List.of(AggregateFunction.COUNT, "Deal.amount", "2",
            Operator.GTE, "3")));
    assertThat(MissReason.of("a matching Consent #1 exists, and the rule requires none"))
        .isEqualTo(new MissReason("miss.exists", List.of("Consent #1")));
    assertThat(MissReason.of("Deal #1: no alternative holds"))
        .isEqualTo(new MissReason("miss.noAlternative", List.of("Deal #1")));
    assertThat(MissReason.of("none of the alternatives holds (first: no Deal fact)")).isEqualTo(
        new MissReason("miss.noneOf", List.of(new MissReason("miss.noFact", List.of("Deal")))));
    assertThat(MissReason.of("not all hold: Deal #1: amount is 5, needs > 9")).isEqualTo(
        new MissReason("miss.notAll", List.of(new MissReason("miss.field",
            List.of("Deal #1", "amount", "5", Operator.GT, "9")))));
    assertThat(MissReason.of("every condition holds, yet the rule did not fire").key())
        .isEqualTo("miss.allHold");
    assertThat(MissReason.of("too many combinations to explain").key())
        .isEqualTo("miss.tooMany");
  }

  @Test
  void shouldKeepAnUnknownSentenceAsTextWhenItHasNoKnownShape() {
    assertThat(MissReason.of("something else"))
        .isEqualTo(new MissReason("miss.text", List.of("something else")));
  }
}
