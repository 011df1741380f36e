package dev.baton.engine.liquid.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The ledger's hand-written JSON of string lists is Jackson's, character for character: the
 * ledger hashes that text, and events recorded before it was written by hand were hashed over
 * Jackson's.
 */
class LiquidJsonTest {

  @Property(tries = 2000)
  void shouldWriteStringListsExactlyAsJacksonWhenItemsAreAnyText(
      @ForAll("items") List<String> items) {
    assertThat(LiquidJson.strings(items)).isEqualTo(LiquidJson.write(items));
  }

  @Test
  void shouldEscapeQuotesBackslashesAndControlCharactersWhenWritingStringLists() {
    // given
    List<String> items = List.of("标书 \"v1\"", "a\\b", "\b\t\n\f\r\u0000\u001f\u007f", "");
    // when
    String json = LiquidJson.strings(items);
    // then
    assertThat(json).isEqualTo(LiquidJson.write(items))
        .isEqualTo("[\"标书 \\\"v1\\\"\",\"a\\\\b\",\"\\b\\t\\n\\f\\r\\u0000\\u001F\u007f\",\"\"]");
    assertThat(LiquidJson.strings(List.of())).isEqualTo("[]");
    assertThat(LiquidJson.strings(List.of("x"))).isEqualTo(LiquidJson.write(List.of("x")));
  }

  @Provide
  Arbitrary<List<String>> items() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> tricky = Arbitraries.strings()
        .withChars("\"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080\u2028\u2029é标书😀")
        .withCharRange('\ud800', '\udfff').ofMaxLength(20);
    return Arbitraries.oneOf(any, tricky).list().ofMaxSize(6);
  }
}
