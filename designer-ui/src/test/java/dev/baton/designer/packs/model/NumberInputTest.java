package dev.baton.designer.packs.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Numbers as analysts type them: normalised, or refused with a reason. */
class NumberInputTest {

  @Test
  void shouldReadFullWidthDigitsAsTheirAsciiForm() {
    // when
    NumberInput.Parsed p = NumberInput.parse("７０", false);
    // then
    assertThat(p.ok()).isTrue();
    assertThat(p.value()).isEqualTo(70L);
    assertThat(p.text()).isEqualTo("70");
    assertThat(NumberInput.parse("－０．５", false).value()).isEqualTo(new BigDecimal("-0.5"));
  }

  @Test
  void shouldRefuseOverflowingNonNumericAndFractionalIntegerInputWithAReason() {
    assertThat(NumberInput.parse("1e400", false).error()).isEqualTo("value.tooLarge");
    assertThat(NumberInput.parse("1e16", false).error()).isEqualTo("value.tooLarge");
    assertThat(NumberInput.parse("seventy", false).error()).isEqualTo("value.notNumber");
    assertThat(NumberInput.parse("NaN", false).error()).isEqualTo("value.notNumber");
    assertThat(NumberInput.parse("70 %", false).error()).isEqualTo("value.notNumber");
    assertThat(NumberInput.parse("1.5", true).error()).isEqualTo("value.notInteger");
    assertThat(NumberInput.parse("1e-20", false).error()).isEqualTo("value.tooPrecise");
  }

  @Test
  void shouldReadPlainNumbersAndEmptyInput() {
    assertThat(NumberInput.parse("0.25", false).value()).isEqualTo(new BigDecimal("0.25"));
    assertThat(NumberInput.parse(" 60 ", true).value()).isEqualTo(60L);
    assertThat(NumberInput.parse("1e3", false).value()).isEqualTo(1000L);
    assertThat(NumberInput.parse("", false).ok()).isTrue();
    assertThat(NumberInput.parse("", false).value()).isNull();
  }
}
