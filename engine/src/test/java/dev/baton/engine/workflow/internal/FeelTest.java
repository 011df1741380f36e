package dev.baton.engine.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain-variable shortcut and the parse cache give what FEEL itself gives. */
class FeelTest {
  private final Feel feel = new Feel();

  @Test
  void shouldReturnWhatFeelReturnsWhenExpressionIsAPlainVariable() {
    // given
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("n", 2.0);
    nested.put("xs", List.of(1, 2.5));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("i", 21);
    vars.put("d", 2.0);
    vars.put("f", 1.5);
    vars.put("s", "x");
    vars.put("m", nested);
    vars.put("none", null);

    for (String name : vars.keySet()) {
      // when
      Object shortcut = feel.evaluate("=" + name, vars);
      Object full = feel.evaluate("=(" + name + ")", vars); // not a plain name: goes to FEEL

      // then
      assertThat(shortcut).as(name).isEqualTo(full);
    }
  }

  @Test
  void shouldEvaluateAgainWithNewVariablesWhenExpressionIsCached() {
    // when
    Object first = feel.evaluate("=a + \":x\"", Map.of("a", "p1"));
    Object second = feel.evaluate("=a + \":x\"", Map.of("a", "p2"));

    // then
    assertThat(first).isEqualTo("p1:x");
    assertThat(second).isEqualTo("p2:x");
  }
}
