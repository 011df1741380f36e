package dev.baton.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: for every workload customer, raw Drools and the
 * hand-written Java decide exactly what Baton decides (actions with their parameters, vetoes,
 * blocks, allows with proofs, the CMI), and the workload exercises every rule. No timing here.
 */
class EquivalenceTest {
  private static Workload workload;
  private static RulesEngine engine;
  private static List<Decision> decisions;

  @BeforeAll
  static void evaluateWithBaton() {
    workload = Workload.create(256);
    engine = RulesEngine.create();
    decisions = new ArrayList<>();
    for (var facts : workload.customers()) {
      decisions.add(engine.evaluate(Evaluation.of(workload.pipeline(), facts, Workload.NOW)));
    }
  }

  @Test
  void rawDroolsDecidesLikeBaton() {
    RawDroolsPipeline raw = new RawDroolsPipeline(engine, workload.pipeline());
    for (int i = 0; i < decisions.size(); i++) {
      Outcome expected = Outcome.of(decisions.get(i)).normalized();
      assertThat(raw.evaluate(workload.customers().get(i), Workload.NOW).normalized())
          .as("customer %d", i).isEqualTo(expected);
    }
  }

  @Test
  void handWrittenDecidesLikeBaton() {
    HandWrittenPipeline hand = new HandWrittenPipeline(workload.pipeline());
    for (int i = 0; i < decisions.size(); i++) {
      Outcome expected = Outcome.of(decisions.get(i)).normalized();
      assertThat(hand.evaluate(workload.customers().get(i), Workload.NOW).normalized())
          .as("customer %d", i).isEqualTo(expected);
    }
  }

  @Test
  void demoCustomerHasItsVoiceFollowUpVetoed() {
    Decision d = decisions.get(0);
    assertThat(d.vetoed()).anySatisfy(v -> {
      assertThat(v.action().action()).isEqualTo("RECOMMEND_FOLLOW_UP_SCRIPT");
      assertThat(v.action().params().get("channel")).isEqualTo("VOICE");
      assertThat(v.proof()).isEqualTo("EV-2026-1008-VOICE");
    });
  }

  @Test
  void workloadFiresEveryRuleOfEveryPack() {
    Set<String> fired = new LinkedHashSet<>();
    decisions.forEach(d -> d.fired().forEach(f -> fired.add(f.pack() + "/" + f.rule())));
    List<String> all = new ArrayList<>();
    for (RulePack p : workload.pipeline()) {
      for (Rule r : p.rules()) {
        all.add(p.id() + "/" + r.id());
      }
    }
    assertThat(fired).containsAll(all);
    assertThat(decisions).anySatisfy(d -> assertThat(d.vetoed()).isNotEmpty());
    assertThat(decisions).anySatisfy(d -> assertThat(d.vetoed()).isEmpty());
    assertThat(decisions).anySatisfy(d -> assertThat(d.blocked()).isTrue());
  }
}
