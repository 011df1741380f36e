package dev.baton.spring.boot;

import dev.baton.engine.audit.DocumentCompression;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code baton.*} settings of the starter. Every one has a default, so an application with
 * none runs Baton on an H2 file under {@code ./data}, records every decision, decides on the
 * template packs and runs the embedded workflow engine on loopback. The workflow's cluster
 * settings are Camunda's own {@code camunda.client.*} properties, with the defaults Camunda
 * documents for {@code camunda.client.mode}; {@code docs/spring-boot-starter.md} lists every
 * property.
 *
 * @param dataDir where the default H2 database file lives ({@code baton.data-dir}; the
 *     environment variable {@code BATON_DATA_DIR} sets it too); unused when the application has
 *     a {@code DataSource}
 * @param packs which rule packs the default pipeline is made of
 * @param decisionLog whether decisions are recorded
 * @param workflow the workflow engine: embedded or a Camunda 8 cluster
 */
@ConfigurationProperties("baton")
public record BatonProperties(
    @DefaultValue("data") Path dataDir,
    @DefaultValue Packs packs,
    @DefaultValue DecisionLog decisionLog,
    @DefaultValue Workflow workflow) {

  /**
   * The default pipeline ({@code PackLoader.defaultPipeline()}): each pack's active published
   * version in the repository, or the pack as loaded here when none is published.
   *
   * @param templates whether the template packs shipped with Baton ({@code cmi-threshold},
   *     {@code ai-trigger}, {@code consent-check}) are loaded
   * @param locations more pack files (YAML or JSON), as Spring resource locations or patterns
   *     ({@code classpath:packs/*.yaml}, {@code file:/etc/baton/my-pack.yaml}); a pack with a
   *     template's id replaces that template
   * @param pipeline the pack ids of the default pipeline, in evaluation order; empty means every
   *     loaded pack, the templates first, then the locations' packs in the order found
   * @param publishMissing whether each pipeline pack that has no published version in the
   *     repository is imported and published at start-up (so that workflows' business rule
   *     tasks, which call published packs, find them)
   */
  public record Packs(
      @DefaultValue("true") boolean templates,
      List<String> locations,
      List<String> pipeline,
      @DefaultValue("false") boolean publishMissing) {

    /** Copies the lists; absent means empty. */
    public Packs {
      locations = locations == null ? List.of() : List.copyOf(locations);
      pipeline = pipeline == null ? List.of() : List.copyOf(pipeline);
    }
  }

  /**
   * The decision log.
   *
   * @param enabled whether {@code Baton.decide} records decisions (hash-chained, durable before
   *     it returns); off, nothing is recorded whatever the call's options say
   * @param documents how new records keep their input and decision JSON: {@code deflate}
   *     (compressed, the default) or {@code store} (uncompressed zlib blocks: less CPU per
   *     record, about five times the space; suits PostgreSQL, which compresses large values)
   */
  public record DecisionLog(@DefaultValue("true") boolean enabled,
      @DefaultValue("deflate") DocumentCompression documents) {}

  /**
   * The workflow engine.
   *
   * @param enabled whether the starter provides workflows at all (the embedded engine or a
   *     cluster client, and a {@code CamundaClient} bean)
   * @param mode embedded, cluster, or auto: cluster when any of {@code camunda.client.mode},
   *     {@code camunda.client.grpc-address} or {@code camunda.client.rest-address} is set
   * @param host the address the embedded engine's gateway and REST API listen on; loopback by
   *     default, anything else needs {@code auth}
   * @param port the embedded engine's Zeebe gRPC gateway port (0 picks a free one)
   * @param restPort the embedded engine's Orchestration Cluster REST API port, served under
   *     {@code /v2} (0 picks a free one; Camunda's clients look at 8080 by default)
   * @param auth basic authentication required by the embedded engine
   */
  public record Workflow(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("auto") Mode mode,
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("26500") int port,
      @DefaultValue("0") int restPort,
      @DefaultValue Auth auth) {}

  /**
   * Basic authentication on the embedded engine's gateway and REST API: clients send {@code
   * camunda.client.auth.username} / {@code password} with these values. Both or neither.
   *
   * @param username the user name, or empty for no authentication (loopback only)
   * @param password the password
   */
  public record Auth(String username, String password) {
    /** True when a user name is set. */
    public boolean required() {
      return username != null && !username.isBlank();
    }
  }

  /** Where workflows run. */
  public enum Mode {
    /** Cluster when a {@code camunda.client} address or mode is set, else embedded. */
    AUTO,
    /** Baton's own Zeebe-protocol engine, in this process, state in Baton's database. */
    EMBEDDED,
    /** A Camunda 8 cluster, reached with the {@code camunda.client.*} settings. */
    CLUSTER
  }
}
