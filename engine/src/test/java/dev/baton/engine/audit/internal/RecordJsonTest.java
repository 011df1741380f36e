package dev.baton.engine.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.rulepack.Fact;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a stored input back gives the plain values the facts held, exactly. */
class RecordJsonTest {
  @Test
  void shouldReadEveryKindOfValueExactlyWhenReadingAStoredInput() {
    // given: decimals as written (trailing zeros kept), integers, nested lists and maps
    String json = "{\"actor\":\"ops\",\"facts\":[{\"type\":\"Deal\",\"values\":{"
        + "\"amount\":1.50,\"count\":7,\"big\":12345678901234567890,\"ok\":true,\"no\":false,"
        + "\"none\":null,\"name\":\"示例 \\\"quoted\\\"\",\"tags\":[\"a\",2,[3.0]],"
        + "\"nested\":{\"z\":1,\"a\":{\"x\":\"y\"}}}},{\"type\":\"Empty\",\"values\":{}}],"
        + "\"now\":\"2026-11-27T09:00:00.123Z\",\"requestId\":\"R-1\"}";

    // when
    RecordJson.Input input = RecordJson.input(json);

    // then
    assertThat(input.requestId()).isEqualTo("R-1");
    assertThat(input.actor()).isEqualTo("ops");
    assertThat(input.now()).isEqualTo(Instant.parse("2026-11-27T09:00:00.123Z"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("amount", new BigDecimal("1.50"));
    values.put("count", new BigDecimal("7"));
    values.put("big", new BigDecimal("12345678901234567890"));
    values.put("ok", true);
    values.put("no", false);
    values.put("none", null);
    values.put("name", "示例 \"quoted\"");
    values.put("tags", Arrays.asList("a", new BigDecimal("2"), List.of(new BigDecimal("3.0"))));
    values.put("nested", Map.of("z", new BigDecimal("1"), "a", Map.of("x", "y")));
    assertThat(input.facts()).containsExactly(new Fact("Deal", values),
        new Fact("Empty", Map.of()));
    assertThat(((BigDecimal) input.facts().get(0).values().get("amount")).scale()).isEqualTo(2);
    assertThat(input.facts().get(0).values().keySet()).containsExactly("amount", "count", "big",
        "ok", "no", "none", "name", "tags", "nested");
  }

  @Test
  void shouldReadTheCanonicalInputBackWhenItWasWrittenByCanonicalInput() {
    // given
    List<Fact> facts = List.of(new Fact("Customer", Map.of("customerId", "C-1", "score",
        new BigDecimal("0.75"))));
    String json = RecordJson.canonicalInput("R-2", null, Instant.parse("2026-11-27T09:00:00Z"),
        facts);

    // when
    RecordJson.Input input = RecordJson.input(json);

    // then
    assertThat(input).isEqualTo(new RecordJson.Input("R-2", null,
        Instant.parse("2026-11-27T09:00:00Z"), facts));
  }

  @Test
  void shouldSayTheStoredJsonIsInvalidWhenItIsNotJson() {
    // when / then
    assertThatThrownBy(() -> RecordJson.input("{\"facts\": [")).isInstanceOf(
        UncheckedIOException.class).hasMessageContaining("Stored JSON is not valid");
  }
}
