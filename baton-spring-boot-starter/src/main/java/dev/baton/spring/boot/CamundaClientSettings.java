package dev.baton.spring.boot;

import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Camunda 8.8's own client properties ({@code camunda.client.*}, as Camunda's Spring Boot starter
 * reads them) turned into the settings {@link WorkflowMode} and {@link WorkflowClients} take, with
 * the defaults Camunda documents for each {@code camunda.client.mode}:
 *
 * <ul>
 *   <li>no mode: the client's own defaults, gRPC {@code http://0.0.0.0:26500} and REST {@code
 *       http://0.0.0.0:8080}, REST preferred;
 *   <li>{@code self-managed}: gRPC {@code http://localhost:26500}, REST {@code
 *       http://localhost:8088}; with {@code auth.method=oidc} the local Keycloak token URL and the
 *       audience {@code zeebe-api};
 *   <li>{@code saas}: addresses built from {@code camunda.client.cloud.cluster-id}, {@code
 *       .region} ({@code bru-2}), {@code .domain} ({@code camunda.io}) and {@code .port} (443);
 *       OIDC with the SaaS token URL and audience.
 * </ul>
 *
 * An explicitly set property always wins over a mode's default. Properties are read with Spring's
 * relaxed binding, so {@code CAMUNDA_CLIENT_GRPCADDRESS} sets {@code camunda.client.grpc-address}.
 */
final class CamundaClientSettings {
  static final String MODE = "camunda.client.mode";
  static final String AUTH_METHOD = "camunda.client.auth.method";
  static final String CLUSTER_ID = "camunda.client.cloud.cluster-id";
  static final String REGION = "camunda.client.cloud.region";
  static final String DOMAIN = "camunda.client.cloud.domain";
  static final String CLOUD_PORT = "camunda.client.cloud.port";

  /** The properties read by name (the rest of {@code camunda.client.*} is passed through). */
  static final List<String> KNOWN = List.of(MODE, WorkflowClients.GRPC_ADDRESS,
      WorkflowClients.REST_ADDRESS, WorkflowClients.PREFER_REST, WorkflowClients.TENANT_ID,
      AUTH_METHOD, WorkflowClients.CLIENT_ID, WorkflowClients.CLIENT_SECRET,
      WorkflowClients.TOKEN_URL, WorkflowClients.AUDIENCE, WorkflowClients.USERNAME,
      WorkflowClients.PASSWORD, CLUSTER_ID, REGION, DOMAIN, CLOUD_PORT);

  /** Properties that only choose defaults here and mean nothing to the client builder. */
  private static final List<String> NOT_FOR_THE_CLIENT = List.of(MODE, AUTH_METHOD, CLUSTER_ID,
      REGION, DOMAIN, CLOUD_PORT, "camunda.client.enabled");

  private CamundaClientSettings() {}

  /** Every {@code camunda.client.*} property that is set, by its canonical name. */
  static Map<String, String> read(Environment env) {
    Binder binder = Binder.get(env);
    Map<String, String> out = new LinkedHashMap<>();
    binder.bind("camunda.client", Bindable.mapOf(String.class, String.class))
        .ifBound(m -> m.forEach((k, v) -> {
          if (v != null) {
            out.put("camunda.client." + k, v);
          }
        }));
    // the known ones by name, so that relaxed forms (environment variables) land on their key
    for (String key : KNOWN) {
      binder.bind(key, String.class).ifBound(v -> out.put(key, v));
    }
    out.keySet().removeIf(k -> !KNOWN.contains(k) && isRelaxedFormOfKnown(k));
    return out;
  }

  /** True when a key is a known property written another way (e.g. grpcaddress). */
  private static boolean isRelaxedFormOfKnown(String key) {
    String flat = flat(key);
    return KNOWN.stream().anyMatch(k -> flat(k).equals(flat));
  }

  private static String flat(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Whether the settings ask for a cluster (for {@link BatonProperties.Mode#AUTO}). */
  static boolean asksForCluster(Map<String, String> settings) {
    return isSet(settings, MODE) || isSet(settings, WorkflowClients.GRPC_ADDRESS)
        || isSet(settings, WorkflowClients.REST_ADDRESS);
  }

  /**
   * The client settings for a cluster: the given ones, the mode's defaults where they are not set.
   *
   * @throws InvalidConfigurationPropertyValueException naming the property that is wrong or
   *     missing
   */
  static Map<String, String> forCluster(Map<String, String> settings) {
    Map<String, String> s = new LinkedHashMap<>(settings);
    String mode = isSet(s, MODE) ? s.get(MODE).strip().toLowerCase(Locale.ROOT) : "";
    switch (mode) {
      case "" -> {
        s.putIfAbsent(WorkflowClients.GRPC_ADDRESS, "http://0.0.0.0:26500");
        s.putIfAbsent(WorkflowClients.REST_ADDRESS, "http://0.0.0.0:8080");
      }
      case "self-managed", "selfmanaged", "self_managed" -> {
        s.putIfAbsent(WorkflowClients.GRPC_ADDRESS, "http://localhost:26500");
        s.putIfAbsent(WorkflowClients.REST_ADDRESS, "http://localhost:8088");
        if ("oidc".equals(authMethod(s))) {
          s.putIfAbsent(WorkflowClients.TOKEN_URL, "http://localhost:18080/auth/realms/"
              + "camunda-platform/protocol/openid-connect/token");
          s.putIfAbsent(WorkflowClients.AUDIENCE, "zeebe-api");
        }
      }
      case "saas" -> {
        if (!isSet(s, CLUSTER_ID)) {
          throw new InvalidConfigurationPropertyValueException(CLUSTER_ID, null,
              MODE + "=saas needs the cluster id of your Camunda SaaS cluster (with "
                  + WorkflowClients.CLIENT_ID + " and " + WorkflowClients.CLIENT_SECRET + ").");
        }
        String id = s.get(CLUSTER_ID).strip();
        String region = s.getOrDefault(REGION, "bru-2").strip();
        String domain = s.getOrDefault(DOMAIN, "camunda.io").strip();
        String port = s.getOrDefault(CLOUD_PORT, "443").strip();
        s.putIfAbsent(WorkflowClients.GRPC_ADDRESS,
            "https://" + id + "." + region + ".zeebe." + domain + ":" + port);
        s.putIfAbsent(WorkflowClients.REST_ADDRESS,
            "https://" + region + ".zeebe." + domain + ":" + port + "/" + id);
        s.putIfAbsent(AUTH_METHOD, "oidc");
        s.putIfAbsent(WorkflowClients.TOKEN_URL, "https://login.cloud." + domain + "/oauth/token");
        s.putIfAbsent(WorkflowClients.AUDIENCE, "zeebe." + domain);
      }
      default -> throw new InvalidConfigurationPropertyValueException(MODE, s.get(MODE),
          "Camunda's client modes are 'self-managed' and 'saas'; leave it out to use the"
              + " client's own defaults or the addresses you set.");
    }
    applyAuthMethod(s);
    s.keySet().removeAll(NOT_FOR_THE_CLIENT);
    s.put(WorkflowMode.MODE, "cluster");
    return s;
  }

  private static void applyAuthMethod(Map<String, String> s) {
    String method = authMethod(s);
    switch (method) {
      case "" -> { }
      case "none" -> List.of(WorkflowClients.CLIENT_ID, WorkflowClients.CLIENT_SECRET,
          WorkflowClients.TOKEN_URL, WorkflowClients.AUDIENCE, WorkflowClients.USERNAME,
          WorkflowClients.PASSWORD).forEach(s::remove);
      case "basic" -> {
        if (!isSet(s, WorkflowClients.USERNAME)) {
          throw new InvalidConfigurationPropertyValueException(WorkflowClients.USERNAME, null,
              AUTH_METHOD + "=basic needs the user name (and " + WorkflowClients.PASSWORD
                  + ").");
        }
        List.of(WorkflowClients.CLIENT_ID, WorkflowClients.CLIENT_SECRET).forEach(s::remove);
      }
      case "oidc" -> {
        if (!isSet(s, WorkflowClients.CLIENT_ID)) {
          throw new InvalidConfigurationPropertyValueException(WorkflowClients.CLIENT_ID, null,
              AUTH_METHOD + "=oidc needs the client id (and " + WorkflowClients.CLIENT_SECRET
                  + ").");
        }
      }
      default -> throw new InvalidConfigurationPropertyValueException(AUTH_METHOD,
          s.get(AUTH_METHOD), "Camunda's client authentication methods are 'none', 'basic'"
              + " and 'oidc'.");
    }
  }

  private static String authMethod(Map<String, String> s) {
    return isSet(s, AUTH_METHOD) ? s.get(AUTH_METHOD).strip().toLowerCase(Locale.ROOT) : "";
  }

  private static boolean isSet(Map<String, String> s, String key) {
    String v = s.get(key);
    return v != null && !v.isBlank();
  }
}
