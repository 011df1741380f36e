package dev.baton.spring.boot;

import dev.baton.engine.repository.PackLoader;
import dev.baton.engine.audit.DecisionLogOptions;
import dev.baton.engine.runtime.Baton;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Baton on the application's {@code DataSource}: the schema is created or upgraded at start-up
 * (Liquibase, Baton's own changelog tables), then the rules engine, the pack repository, the
 * decision log and the consent ledger are ready in one {@link Baton} bean, closed with the
 * context (the decision log commits what it accepted first). The {@link PackLoader} bean's
 * default pipeline is the template packs, or what {@code baton.packs.*} says.
 *
 * <p>Every bean backs off when the application defines its own of the same type.
 */
@AutoConfiguration(after = BatonDataSourceAutoConfiguration.class,
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@EnableConfigurationProperties(BatonProperties.class)
public class BatonAutoConfiguration {

  /**
   * Baton on the application's data source (which the context closes after Baton); decisions
   * are recorded unless {@code baton.decision-log.enabled=false}, their documents stored as
   * {@code baton.decision-log.documents} says.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Baton baton(ObjectProvider<DataSource> dataSources, BatonProperties properties,
      Environment environment) {
    DataSource dataSource = dataSources.getIfUnique();
    if (dataSource == null) {
      throw noDataSource(dataSources, environment);
    }
    return Baton.open(dataSource, properties.decisionLog().enabled(),
        DecisionLogOptions.defaults().withDocuments(properties.decisionLog().documents()));
  }

  /** Loads packs by reference; its default pipeline is the one {@code baton.packs.*} describes. */
  @Bean
  @ConditionalOnMissingBean
  public PackLoader batonPackLoader(Baton baton, BatonProperties properties,
      ResourceLoader resourceLoader) {
    return StarterPacks.loader(baton.packs(), properties.packs(),
        ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
  }

  private static RuntimeException noDataSource(ObjectProvider<DataSource> dataSources,
      Environment environment) {
    long count = dataSources.stream().count();
    if (count > 1) {
      return new IllegalStateException("Baton needs one DataSource, and the application has "
          + count + " with none marked @Primary: mark the one Baton should use as @Primary, or"
          + " define a Baton bean yourself (Baton.open(dataSource, true)).");
    }
    String url = Binder.get(environment).bind("spring.datasource.url", String.class)
        .orElse(null);
    if (url == null) {
      return new IllegalStateException("Baton needs a DataSource and the application has none:"
          + " define a DataSource bean, set spring.datasource.url (with"
          + " spring-boot-starter-jdbc), or keep BatonDataSourceAutoConfiguration (the H2 file"
          + " under baton.data-dir) enabled.");
    }
    return new InvalidConfigurationPropertyValueException("spring.datasource.url", url,
        "It is set, but nothing built a DataSource from it: add"
            + " org.springframework.boot:spring-boot-starter-jdbc (and the database's JDBC"
            + " driver), define a DataSource bean, or remove spring.datasource.url to use the"
            + " H2 file under baton.data-dir.");
  }
}
