package dev.baton.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable data source's contract besides crashes (those are the stores' crash tests). */
class DurableDataSourceTest {
  @TempDir
  Path dir;

  @Test
  void shouldReturnTheSameDataSourceWhenItIsDurableAlready() {
    // given
    try (HikariDataSource pool = Databases.pooled(Databases.h2Url(dir))) {
      DataSource durable = Databases.durable(pool);
      // when / then
      assertThat(Databases.durable(durable)).isSameAs(durable);
      assertThat(BatonStore.open(durable).dataSource()).isSameAs(durable);
    }
  }

  @Test
  void shouldCommitAndUnwrapWhenTheH2UserMayNotCheckpoint() throws Exception {
    // given: a database created by its admin, and a user without admin rights
    String url = Databases.h2Url(dir);
    try (Connection admin = DriverManager.getConnection(url, "sa", "sa");
        Statement s = admin.createStatement()) {
      s.execute("create table note (id int primary key, text varchar(100))");
      s.execute("create user app password 'app'");
      s.execute("grant select, insert on note to app");
    }
    try (HikariDataSource pool = Databases.pooled(url, "app", "app")) {
      DataSource durable = Databases.durable(pool);
      // when: a transaction writes and commits (the checkpoint is refused: a warning, no error)
      try (Connection c = durable.getConnection()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.executeUpdate("insert into note values (1, 'committed')");
        }
        c.commit();
        c.setAutoCommit(true);
        assertThat(c.unwrap(DurableConnection.class)).isSameAs(c);
        assertThat(c.isWrapperFor(Connection.class)).isTrue();
      }
      // then
      try (Connection c = durable.getConnection(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("select text from note where id = 1")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("committed");
        assertThat(s.getConnection()).isSameAs(c);
      }
    }
  }
}
