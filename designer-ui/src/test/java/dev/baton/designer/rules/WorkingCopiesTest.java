package dev.baton.designer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.TestDatabases;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The designer's working copies on its real table (its Liquibase changelog), on H2 and on
 * PostgreSQL when the machine has it: kept per user and pack, replaced by the next, deleted on
 * discard, kept over a restart of the store; the debounced autosave writes only the last of a
 * burst of edits, never after a clear, and flushes at once when asked.
 */
class WorkingCopiesTest {

  static java.util.List<String> databases() {
    return TestDatabases.names();
  }

  private static WorkingCopies store(HikariDataSource ds) throws Exception {
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(ds);
    liquibase.setChangeLog("classpath:db/changelog/designer.yaml");
    liquibase.setResourceLoader(new DefaultResourceLoader());
    liquibase.afterPropertiesSet();
    return new WorkingCopies(new JdbcTemplate(ds),
        new TransactionTemplate(new DataSourceTransactionManager(ds)));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepOneCopyPerUserAndPackWhenSavedReplacedAndDiscarded(String db) throws Exception {
    try (HikariDataSource ds = TestDatabases.fresh(db); WorkingCopies copies = store(ds)) {
      // given
      copies.save("analyst", "cmi-threshold", 3, "id: cmi-threshold\nversion: 1.0.0\n");
      copies.save("analyst", "consent-check", 1, "id: consent-check\n");
      copies.save("ops", "cmi-threshold", 3, "id: cmi-threshold\nversion: 9.9.9\n");
      // when: the analyst's copy is replaced by a later one
      copies.save("analyst", "cmi-threshold", 4, "id: cmi-threshold\nversion: 1.1.0\n");
      // then: one copy each, the latest, with its revision and time
      WorkingCopy kept = copies.find("analyst", "cmi-threshold").orElseThrow();
      assertThat(kept.baseRevision()).isEqualTo(4);
      assertThat(kept.content()).isEqualTo("id: cmi-threshold\nversion: 1.1.0\n");
      assertThat(kept.savedAt()).isNotNull();
      assertThat(copies.find("ops", "cmi-threshold").orElseThrow().content()).contains("9.9.9");
      assertThat(count(ds)).isEqualTo(3);
      // when: discarded
      assertThat(copies.discard("analyst", "cmi-threshold")).isTrue();
      // then: gone, the others stay; discarding again finds nothing
      assertThat(copies.find("analyst", "cmi-threshold")).isEmpty();
      assertThat(copies.discard("analyst", "cmi-threshold")).isFalse();
      assertThat(copies.find("analyst", "consent-check")).isPresent();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepTheCopyWhenTheStoreIsOpenedAgain(String db) throws Exception {
    try (HikariDataSource ds = TestDatabases.fresh(db)) {
      // given: a copy with non-ASCII text, written by one store
      String yaml = "id: p\ntitle: {en: Push, zh-CN: 推送内容包}\n" + "#".repeat(70_000);
      try (WorkingCopies first = store(ds)) {
        first.save("analyst", "p", 2, yaml);
      }
      // when: another store opens the same database (a restart)
      try (WorkingCopies second = store(ds)) {
        // then
        assertThat(second.find("analyst", "p").orElseThrow().content()).isEqualTo(yaml);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldWriteOnlyTheLastEditAndNothingAfterAClearWhenEditsComeInABurst(String db)
      throws Exception {
    try (HikariDataSource ds = TestDatabases.fresh(db); WorkingCopies copies = store(ds)) {
      // given
      WorkingCopies.Autosave autosave = copies.autosave("analyst", "p", Duration.ofMillis(300));
      // when: three edits in a burst
      autosave.edited(1, "id: p\nv: 1\n");
      autosave.edited(1, "id: p\nv: 2\n");
      autosave.edited(1, "id: p\nv: 3\n");
      // then: nothing yet, then the last one
      assertThat(copies.find("analyst", "p")).isEmpty();
      assertThat(await(() -> copies.find("analyst", "p")).content()).isEqualTo("id: p\nv: 3\n");

      // when: an edit, then a clear (the draft was saved) before the delay ends
      autosave.edited(2, "id: p\nv: 4\n");
      autosave.clear();
      Thread.sleep(900);
      // then: no copy is left
      assertThat(copies.find("analyst", "p")).isEmpty();

      // when: flushed (the editor closes)
      autosave.edited(2, "id: p\nv: 5\n");
      autosave.flush(2, "id: p\nv: 6\n");
      Thread.sleep(900);
      // then: written at once, and the pending edit does not land after it
      assertThat(copies.find("analyst", "p").orElseThrow().content()).isEqualTo("id: p\nv: 6\n");
    }
  }

  private static long count(HikariDataSource ds) {
    return new JdbcTemplate(ds).queryForObject("select count(*) from designer_working_copy",
        Long.class);
  }

  private static WorkingCopy await(Supplier<Optional<WorkingCopy>> probe) throws Exception {
    for (int i = 0; i < 100; i++) {
      Optional<WorkingCopy> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no working copy was written");
  }
}
