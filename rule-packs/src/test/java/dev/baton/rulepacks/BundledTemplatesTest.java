package dev.baton.rulepacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.BatonException;
import dev.baton.engine.rulepack.BundledTemplates;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The templates the engine reads from the class path are the packs of this folder. */
class BundledTemplatesTest {

  @Test
  void shouldReadEveryTemplateInPipelineOrderWhenTheJarIsOnTheClassPath() throws IOException {
    // when
    List<RulePack> pipeline = BundledTemplates.pipeline();

    // then
    assertThat(pipeline).extracting(RulePack::id)
        .containsExactly("cmi-threshold", "ai-trigger", "consent-check");
    for (RulePack p : pipeline) {
      Path folder = Path.of(p.id());
      assertThat(p).isEqualTo(RulePacks.parse(p.id(),
          Files.readString(folder.resolve("pack.yaml"))));
      assertThat(BundledTemplates.examples(p.id()))
          .contains(Files.readString(folder.resolve("examples.yaml")));
    }
  }

  @Test
  void shouldNameTheMissingJarWhenATemplateIsNotOnTheClassPath() {
    // when / then
    assertThatThrownBy(() -> BundledTemplates.pack("no-such-template"))
        .isInstanceOf(BatonException.class)
        .hasMessageContaining("baton/rule-packs/no-such-template/pack.yaml")
        .hasMessageContaining("baton-rule-packs jar");
    assertThat(BundledTemplates.examples("no-such-template")).isEmpty();
  }
}
