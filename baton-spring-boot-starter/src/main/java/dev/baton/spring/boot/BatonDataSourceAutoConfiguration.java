package dev.baton.spring.boot;

import dev.baton.engine.store.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default database: when the application defines no {@code DataSource} and sets no
 * {@code spring.datasource.url}, an H2 file {@code baton.mv.db} under {@code baton.data-dir}
 * becomes the application's {@code DataSource} (so the application's own tables can live beside
 * Baton's). Runs before Spring Boot's own data source configuration, which then backs off instead
 * of creating an in-memory database.
 *
 * <p>The file is opened with {@code AUTO_SERVER=TRUE}, so the {@code baton} command line works on
 * the database of the running application. Commits are {@linkplain Databases#durable durable}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@EnableConfigurationProperties(BatonProperties.class)
public class BatonDataSourceAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(BatonDataSourceAutoConfiguration.class);

  /** The H2 file database under {@code baton.data-dir}; closed with the context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(DataSource.class)
  @Conditional(NoSpringDataSourceUrl.class)
  public DataSource batonDataSource(BatonProperties properties) {
    Path dir = properties.dataDir().toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException | RuntimeException e) {
      throw new InvalidConfigurationPropertyValueException("baton.data-dir", properties.dataDir(),
          "Cannot create the data directory " + dir + " (" + e + "): give a writable folder,"
              + " or define a DataSource bean or spring.datasource.url.");
    }
    LOG.info("Baton's database: the H2 file {} (baton.data-dir)", dir.resolve("baton.mv.db"));
    return Databases.durable(Databases.pooled(Databases.sharedH2Url(dir)));
  }

  /** Matches while {@code spring.datasource.url} is not set (then Spring Boot builds it). */
  static final class NoSpringDataSourceUrl extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context,
        AnnotatedTypeMetadata metadata) {
      String url = Binder.get(context.getEnvironment()).bind("spring.datasource.url",
          String.class).orElse("");
      return url.isBlank() ? ConditionOutcome.match("spring.datasource.url is not set")
          : ConditionOutcome.noMatch("spring.datasource.url is set");
    }
  }
}
