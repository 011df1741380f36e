package dev.baton.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating and upgrading the schema writes nothing to stdout: Baton is embedded in programs
 * whose stdout is their own (the CLI's decision export writes CSV or JSON there). */
class QuietMigrationsTest {

  @TempDir
  Path dir;

  @Test
  void shouldPrintNothingOnStdoutWhenTheSchemaIsCreatedAndCheckedAgain() throws Exception {
    // given
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    // when
    try (var ds = Databases.pooled(Databases.h2Url(dir))) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        BatonStore.open(ds);
        BatonStore.open(ds);
      } finally {
        System.setOut(stdout);
      }

      // then
      try (var c = ds.getConnection(); var rs = c.createStatement()
          .executeQuery("select count(*) from DATABASECHANGELOG")) {
        rs.next();
        assertThat(rs.getInt(1)).isPositive();
      }
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
