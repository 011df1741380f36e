package dev.baton.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.designer.packs.RulePackService;
import dev.baton.engine.repository.ConcurrentEditException;
import dev.baton.engine.repository.Draft;
import dev.baton.engine.repository.PackRefusedException;
import dev.baton.engine.repository.PackSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** The service checks roles and refuses bad input without changing anything. */
class RulePackServiceTest extends DesignerTestBase {
  @Autowired RulePackService service;

  @Test
  @WithMockUser(username = "auditor", roles = "AUDITOR")
  void shouldRefuseSavingWhenTheUserIsAnAuditor() {
    // given
    Draft d = service.draft("cmi-threshold").orElseThrow();
    // when / then
    assertThatThrownBy(() -> service.saveDraft(d.pack(), d.revision()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(service.draft("cmi-threshold").orElseThrow().revision()).isEqualTo(d.revision());
  }

  @Test
  @WithMockUser(username = "analyst", roles = "ANALYST")
  void shouldRefusePublishingWhenTheUserIsAnAnalyst() {
    // when / then
    assertThatThrownBy(() -> service.publish("cmi-threshold", "no"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithMockUser(username = "analyst", roles = "ANALYST")
  void shouldRefuseTheSecondSaveWhenBothStartedFromTheSameRevision() {
    // given
    Draft d = service.draft("cmi-threshold").orElseThrow();
    service.saveDraft(d.pack(), d.revision());
    long after = service.draft("cmi-threshold").orElseThrow().revision();
    // when / then
    assertThatThrownBy(() -> service.saveDraft(d.pack(), d.revision()))
        .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("not saved");
    assertThat(service.draft("cmi-threshold").orElseThrow().revision()).isEqualTo(after);
  }

  @Test
  @WithMockUser(username = "ops", roles = "OPS")
  void shouldRefuseAZipWithPathsOutsideItsRootWhenImported() throws Exception {
    // given
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("../evil/pack.yaml"));
      zip.write("id: evil".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    int before = service.list().size();
    // when / then
    assertThatThrownBy(() -> service.importFile("evil.zip", bytes.toByteArray()))
        .hasMessageContaining("../evil/pack.yaml");
    assertThat(service.list()).hasSize(before);
    assertThat(PackSource.bytes("x", new byte[0])).isNotNull();
  }

  @Test
  @WithMockUser(username = "ops", roles = "OPS")
  void shouldRefuseImportingATemplateTwice() {
    // when / then
    assertThatThrownBy(() -> service.importTemplate("cmi-threshold", java.util.Map.of()))
        .isInstanceOf(PackRefusedException.class);
  }
}
