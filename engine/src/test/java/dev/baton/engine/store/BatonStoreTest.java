package dev.baton.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BatonStoreTest {
  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldStorePackContentByHashWhenSchemaIsMigrated(String db) {
    try (var ds = TestDatabases.fresh(db)) {
      // given
      BatonStore store = BatonStore.open(ds);
      BatonStore.open(ds); // a second start migrates nothing and fails nothing
      RulePack pack = RulePacks.read(Path.of("../rule-packs/consent-check"));
      // when
      String hash = store.contents().put(pack);
      store.contents().put(pack);
      // then
      assertThat(hash).isEqualTo(RulePacks.contentHash(pack));
      assertThat(store.contents().get(hash)).hasValueSatisfying(p ->
          assertThat(RulePacks.contentHash(p)).isEqualTo(hash));
      assertThat(store.contents().get("0".repeat(64))).isEmpty();
      assertThat(store.dialect().name().toLowerCase()).isEqualTo(
          db.equals("h2") ? "h2" : "postgresql");
    }
  }
}
