package dev.baton.designer.config;

import dev.baton.engine.audit.DecisionLogOptions;
import dev.baton.engine.audit.DocumentCompression;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.Databases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine inside the designer: one database (an H2 file under the data directory unless
 * {@code baton.db.url} names another), shared by the engine's schema and the designer's own
 * tables, and one {@link Baton} for the whole application.
 */
@Configuration
public class BatonConfiguration {

  /**
   * The application's database; the embedded default is the engine's H2 file. Made {@linkplain
   * Databases#durable durable}: the designer's own tables (users, API tokens, visit requests),
   * written through Spring's JdbcTemplate and transactions, commit through the same mechanism as
   * the engine's stores, so whatever the designer acknowledged survives a crash.
   */
  @Bean(destroyMethod = "close")
  public DataSource dataSource(@Value("${baton.db.url:}") String url,
      @Value("${baton.db.user:}") String user, @Value("${baton.db.password:}") String password) {
    String jdbcUrl = isEmbeddedDefault(url) ? Databases.defaultUrl() : url;
    if (isEmbeddedDefault(url)) {
      try {
        Files.createDirectories(Databases.defaultDataDir());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the data directory "
            + Databases.defaultDataDir().toAbsolutePath() + ": " + e.getMessage(), e);
      }
    }
    return Databases.durable(Databases.pooled(jdbcUrl, blankToNull(user), blankToNull(password)));
  }

  /**
   * Baton on the application's database; migrates the engine schema on start. New decision
   * records keep their documents as {@code baton.decision-log.documents} says ({@code deflate}
   * or {@code store}, environment {@code BATON_DECISION_DOCUMENTS}).
   */
  @Bean(destroyMethod = "close")
  public Baton baton(DataSource dataSource,
      @Value("${baton.decision-log.documents:deflate}") String documents) {
    return Baton.open(dataSource, true,
        DecisionLogOptions.defaults().withDocuments(documentCompression(documents)));
  }

  /** The setting's value as a {@link DocumentCompression}, or a clear refusal. */
  static DocumentCompression documentCompression(String value) {
    try {
      return DocumentCompression.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baton.decision-log.documents"
          + " (BATON_DECISION_DOCUMENTS): " + e.getMessage() + " See docs/audit.md.", e);
    }
  }

  /**
   * True when the designer runs with demo users and demo data: {@code baton.demo.enabled}
   * ({@code BATON_DEMO}) when set, else on the embedded default database only. Otherwise it runs
   * in production mode ({@link ProductionAccounts}).
   */
  public static boolean demoMode(String dbUrl, String demoSetting) {
    return demoSetting == null || demoSetting.isBlank() ? isEmbeddedDefault(dbUrl)
        : Boolean.parseBoolean(demoSetting.strip());
  }

  /** True when no database was configured: the embedded default (demo data allowed). */
  public static boolean isEmbeddedDefault(String url) {
    return url == null || url.isBlank();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
