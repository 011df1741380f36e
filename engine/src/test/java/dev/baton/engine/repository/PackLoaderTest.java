package dev.baton.engine.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.rulepack.PackRef;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackLoaderTest {
  private static final Path CMI = Path.of("../rule-packs/cmi-threshold");
  private static final Path CONSENT = Path.of("../rule-packs/consent-check");

  @Test
  void shouldLoadByIdVersionOrPathWhenTheRepositoryHoldsThePack() {
    try (var ds = TestDatabases.fresh("h2")) {
      // given
      PackRepository repo = PackRepository.on(BatonStore.open(ds));
      repo.importDraft(PackSource.path(CMI), "ops.li", null);
      PublishedVersion v = repo.publish("cmi-threshold", "ops.li", null);
      PackLoader loader = PackLoader.on(repo);
      // when
      RulePack active = loader.load("cmi-threshold");
      RulePack pinned = loader.load(PackRef.of("cmi-threshold", v.version()));
      RulePack file = loader.load(CONSENT.toString());
      // then
      assertThat(active.version()).isEqualTo(v.version());
      assertThat(pinned).isEqualTo(active);
      assertThat(file.id()).isEqualTo("consent-check");
      assertThatThrownBy(() -> loader.load("cmi-threshold@9.9.9"))
          .isInstanceOf(UnknownPackException.class)
          .hasMessageContaining("No pack file or folder cmi-threshold@9.9.9")
          .hasMessageContaining("the repository has no cmi-threshold 9.9.9");
      assertThatThrownBy(() -> loader.load(PackRef.active("consent-check")))
          .isInstanceOf(UnknownPackException.class)
          .hasMessageContaining("no active published version");
    }
  }

  @Test
  void shouldPreferThePublishedVersionOverTheTemplateWhenBuildingTheDefaultPipeline() {
    try (var ds = TestDatabases.fresh("h2")) {
      // given
      PackRepository repo = PackRepository.on(BatonStore.open(ds));
      RulePack cmiTemplate = RulePacks.read(CMI);
      RulePack consentTemplate = RulePacks.read(CONSENT);
      repo.importDraft(PackSource.path(CMI), "ops.li", null);
      repo.publish("cmi-threshold", "ops.li", null);
      PackLoader loader = PackLoader.on(repo)
          .withDefaultPipeline(List.of(cmiTemplate, consentTemplate));
      // when
      List<RulePack> pipeline = loader.defaultPipeline();
      // then
      assertThat(pipeline).extracting(RulePack::id)
          .containsExactly("cmi-threshold", "consent-check");
      assertThat(pipeline.get(0)).isEqualTo(repo.active("cmi-threshold").orElseThrow());
      assertThat(pipeline.get(1)).isSameAs(consentTemplate);
      assertThat(PackLoader.fixed(List.of(consentTemplate)).defaultPipeline())
          .containsExactly(consentTemplate);
    }
  }
}
