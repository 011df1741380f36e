package dev.baton.spring.boot;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Keeps Spring Boot's own Liquibase off when the application has no changelog of its own.
 *
 * <p>The starter brings Liquibase onto the class path (Baton migrates its own schema with it), and
 * Spring Boot then runs the application's changelog at start-up, failing when there is none. So,
 * unless the application sets {@code spring.liquibase.enabled} itself, this sets it to {@code
 * false} — at the lowest precedence, so any setting of the application wins — while the changelog
 * Spring Boot would run ({@code spring.liquibase.change-log}, by default {@code
 * classpath:/db/changelog/db.changelog-master.yaml}) does not exist. An application with its own
 * changelog keeps Spring Boot's Liquibase as it was.
 */
public class BatonLiquibaseDefaults implements EnvironmentPostProcessor {
  static final String SOURCE = "batonLiquibaseDefaults";
  static final String DEFAULT_CHANGELOG = "classpath:/db/changelog/db.changelog-master.yaml";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
      SpringApplication application) {
    if (environment.containsProperty("spring.liquibase.enabled")) {
      return;
    }
    String changelog = environment.getProperty("spring.liquibase.change-log", DEFAULT_CHANGELOG);
    ClassLoader loader = application != null ? application.getClassLoader()
        : Thread.currentThread().getContextClassLoader();
    if (new DefaultResourceLoader(loader).getResource(changelog).exists()) {
      return;
    }
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE,
        Map.of("spring.liquibase.enabled", "false")));
  }
}
