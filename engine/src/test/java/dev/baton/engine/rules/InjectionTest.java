package dev.baton.engine.rules;

import static dev.baton.engine.rules.Packs.fact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePackInvalidException;
import dev.baton.engine.rulepack.RulePacks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings crafted to break out of DRL stay data, or are refused; they never run. */
class InjectionTest {
  private static final RulesEngine ENGINE = RulesEngine.create();

  /** A pack in JSON, so that the crafted text arrives exactly as written. */
  private static String pack(String literal) {
    String q = json(literal);
    return """
        {"id": "inj", "version": "1.0.0", "kind": "custom", "title": {"en": "T", "zh-CN": "测试"},
         "facts": {"Req": {"name": "string"}},
         "rules": [{"id": "r1", "title": {"en": "R", "zh-CN": "规则"},
           "when": [{"Req as r": {"name": %s}}],
           "then": [{"block": {"reason": %s, "proof": %s}}, {"emit": {"action": "CUSTOM", "note": %s}}]}]}
        """.formatted(q, q, q, q);
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"); System.exit(0); //",
      "\\\"); System.exit(0); //",
      "\\u0022); System.exit(0); //",
      "${java.lang.Runtime.getRuntime().exec('x')}",
      "@{System.exit(0)}",
      "end\nrule \"evil\" when then System.exit(0); end",
      "\" || true || \"",
      "中文 \\ \\\\ ' $x #{y}"})
  void shouldTreatCraftedTextAsDataWhenItIsALiteral(String crafted) {
    // given
    RulePack p;
    try {
      p = RulePacks.parse("inj.json", pack(crafted));
    } catch (RulePackInvalidException e) {
      // refused with a located problem (control characters): never compiled
      assertThat(e.problems()).isNotEmpty().allSatisfy(x -> assertThat(x.line()).isPositive());
      return;
    }
    // when
    Decision match = ENGINE.evaluate(Evaluation.of(List.of(p),
        List.of(fact("Req", "name", crafted)), Instant.EPOCH));
    Decision noMatch = ENGINE.evaluate(Evaluation.of(List.of(p),
        List.of(fact("Req", "name", crafted + "x")), Instant.EPOCH));
    // then
    assertThat(match.blocked()).isTrue();
    assertThat(match.blocks().get(0).reason()).isEqualTo(crafted);
    assertThat(match.blocks().get(0).proof()).isEqualTo(crafted);
    assertThat(match.actions().get(0).params()).containsEntry("note", crafted);
    assertThat(noMatch.blocked()).isFalse();
    assertThat(ENGINE.drl(p)).doesNotContain("System.exit(0); //\"\n").doesNotContain("rule \"evil\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Req; System", "Req(name == x)", "Req as r) eval(true", "req"})
  void shouldRefuseCraftedNamesWhenTheyAreNotDeclared(String typeKey) {
    // given
    String yaml = pack("x").replace("\"Req as r\"", json(typeKey));
    // when
    RulePackInvalidException e = catchThrowableOfType(RulePackInvalidException.class,
        () -> RulePacks.parse("inj.json", yaml));
    // then
    assertThat(e.problems()).isNotEmpty();
  }
}
