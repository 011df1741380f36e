package dev.baton.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default database URL (an H2 file shared with other processes) opens and migrates. */
class DefaultDatabaseTest {

  @TempDir
  Path dir;

  @Test
  void shouldOpenTwoPoolsOnTheSharedH2FileWhenTheDefaultUrlIsUsed() throws Exception {
    // given
    String url = Databases.sharedH2Url(dir);

    // when
    try (var first = Databases.pooled(url, null, null);
        var second = Databases.pooled(url, null, null)) {
      BatonStore.open(first);

      // then
      try (var c = second.getConnection(); var rs = c.createStatement()
          .executeQuery("select count(*) from DATABASECHANGELOG")) {
        rs.next();
        assertThat(rs.getInt(1)).isPositive();
      }
    }
    assertThat(Databases.defaultUrl()).contains("AUTO_SERVER=TRUE")
        .doesNotContain("DB_CLOSE_ON_EXIT");
  }
}
