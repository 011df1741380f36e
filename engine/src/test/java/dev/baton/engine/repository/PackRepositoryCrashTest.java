package dev.baton.engine.repository;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.CrashHarness;
import dev.baton.engine.store.CrashHarness.CrashDatabase;
import dev.baton.engine.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durability of the pack repository and the content store: a child JVM imports and publishes
 * packs from 2 threads and is killed with SIGKILL while it does; every version whose publication
 * was acknowledged is there once afterwards, with its content.
 */
class PackRepositoryCrashTest {
  private static final int ACKS_BEFORE_KILL = 40;

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void shouldKeepEveryAcknowledgedPublicationWhenTheProcessIsKilled(String db) throws Exception {
    try (CrashDatabase database = CrashDatabase.create(db)) {
      // given: a child importing and publishing packs on 2 threads
      // when: it is killed with SIGKILL while it publishes
      List<String> acknowledged = CrashHarness.run(PackRepositoryCrashTest.class, database,
          ACKS_BEFORE_KILL).acknowledged();

      // then: every acknowledged version is published once, and its content is stored
      try (HikariDataSource ds = database.open()) {
        PackRepository repo = PackRepository.on(BatonStore.open(ds));
        List<String> found = new ArrayList<>();
        for (PackSummary p : repo.list()) {
          for (PublishedVersion v : repo.versions(p.id())) {
            found.add(v.packId() + "@" + v.version());
          }
        }
        CrashHarness.assertKeptOnce(acknowledged, found);
        for (String ack : acknowledged) {
          String[] idVersion = ack.split("@");
          org.assertj.core.api.Assertions.assertThat(repo.get(idVersion[0], idVersion[1]))
              .as("content of %s", ack).isPresent();
        }
      }
    }
  }

  /** The child: imports and publishes new packs until killed; prints ACK id@version. */
  public static void main(String[] args) throws Exception {
    PackRepository repo = PackRepository.on(BatonStore.open(CrashHarness.dataSource(args)));
    String template = Templates.yaml("consent-check");
    CrashHarness.writeUntilKilled(2, (thread, i) -> {
      String id = "crash-" + thread + "-" + i;
      byte[] yaml = template.replace("id: consent-check", "id: " + id)
          .getBytes(StandardCharsets.UTF_8);
      repo.importDraft(PackSource.bytes(id + ".yaml", yaml), "crash-test", "import");
      PublishedVersion v = repo.publish(id, "crash-test", "publish");
      return v.packId() + "@" + v.version();
    });
  }
}
