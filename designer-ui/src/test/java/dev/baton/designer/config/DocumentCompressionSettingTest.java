package dev.baton.designer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.audit.DocumentCompression;
import org.junit.jupiter.api.Test;

/** The designer's {@code baton.decision-log.documents} setting. */
class DocumentCompressionSettingTest {

  @Test
  void shouldReadEitherWayOfStoringWhateverTheCase() {
    assertThat(BatonConfiguration.documentCompression("deflate"))
        .isEqualTo(DocumentCompression.DEFLATE);
    assertThat(BatonConfiguration.documentCompression(" STORE "))
        .isEqualTo(DocumentCompression.STORE);
  }

  @Test
  void shouldRefuseAnUnknownValueNamingTheSettingAndTheChoices() {
    assertThatThrownBy(() -> BatonConfiguration.documentCompression("zip"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BATON_DECISION_DOCUMENTS")
        .hasMessageContaining("'zip'")
        .hasMessageContaining("deflate")
        .hasMessageContaining("store");
  }
}
