package dev.baton.engine.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.ValidationException;
import org.junit.jupiter.api.Test;

class PackRefTest {

  @Test
  void shouldParseAndFormatWhenTheReferenceNamesAVersionOrNot() {
    // when
    PackRef pinned = PackRef.parse(" consent-check@1.1.0 ");
    PackRef active = PackRef.parse("ai-trigger");
    // then
    assertThat(pinned).isEqualTo(PackRef.of("consent-check", "1.1.0"));
    assertThat(pinned.format()).isEqualTo("consent-check@1.1.0");
    assertThat(active).isEqualTo(PackRef.active("ai-trigger"));
    assertThat(active.pinnedVersion()).isEmpty();
    assertThat(PackRef.parse(pinned.format())).isEqualTo(pinned);
    assertThat(PackRef.parse("p@2.0.0-rc.1").version()).isEqualTo("2.0.0-rc.1");
  }

  @Test
  void shouldNameTheProblemWhenTheReferenceIsMalformed() {
    assertThatThrownBy(() -> PackRef.parse("Consent-Check"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'Consent-Check' is not a"
            + " pack id");
    assertThatThrownBy(() -> PackRef.parse("consent-check@"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("version after '@' is"
            + " missing");
    assertThatThrownBy(() -> PackRef.parse("consent-check@latest"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("'latest' is not a"
            + " semantic version");
    assertThatThrownBy(() -> PackRef.parse(" ")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new PackId("a/b")).isInstanceOf(ValidationException.class);
    assertThat(PackRef.tryParse("rule-packs/consent-check")).isEmpty();
  }
}
