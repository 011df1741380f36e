package dev.baton.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.runtime.Baton;
import java.nio.file.Path;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter found the way an application finds it: through its auto-configuration imports and
 * {@code spring.factories}, with every auto-configuration on this class path (Spring Boot's JDBC
 * and Liquibase among them).
 */
class StarterInAnApplicationTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}

  @Test
  void shouldStartWithBatonOnTheDataDirWhenAnApplicationWithoutChangelogEnablesAutoConfiguration(
      @TempDir Path dir) {
    // when
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE)
        .run("--baton.data-dir=" + dir, "--baton.workflow.enabled=false")) {
      // then: Baton on the H2 file, Spring Boot's in-memory database and Liquibase kept off
      assertThat(app.getBeansOfType(Baton.class)).hasSize(1);
      assertThat(app.getBeansOfType(PackLoader.class)).hasSize(1);
      assertThat(app.getBeansOfType(DataSource.class)).containsOnlyKeys("batonDataSource");
      assertThat(app.getBeansOfType(SpringLiquibase.class)).isEmpty();
      assertThat(app.getEnvironment().getProperty("spring.liquibase.enabled")).isEqualTo("false");
      assertThat(dir.resolve("baton.mv.db")).exists();
    }
  }
}
