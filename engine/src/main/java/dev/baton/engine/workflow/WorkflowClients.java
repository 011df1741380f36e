package dev.baton.engine.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the official Camunda 8 Java client, for the embedded engine or for a cluster. Workers
 * and BPMN files are the same either way; only the client's configuration differs.
 */
public final class WorkflowClients {
  /** Settings read by {@link #fromProperties(Map)}, Spring-style names as Camunda documents them. */
  public static final String GRPC_ADDRESS = "camunda.client.grpc-address";
  /** The cluster's REST address. */
  public static final String REST_ADDRESS = "camunda.client.rest-address";
  /** Whether the client talks REST where it can ({@code true} by default for a cluster). */
  public static final String PREFER_REST = "camunda.client.prefer-rest-over-grpc";
  /** OAuth client id (with {@link #CLIENT_SECRET} and {@link #TOKEN_URL}). */
  public static final String CLIENT_ID = "camunda.client.auth.client-id";
  /** OAuth client secret. */
  public static final String CLIENT_SECRET = "camunda.client.auth.client-secret";
  /** OAuth token endpoint. */
  public static final String TOKEN_URL = "camunda.client.auth.token-url";
  /** OAuth audience. */
  public static final String AUDIENCE = "camunda.client.auth.audience";
  /** Basic auth user name (with {@link #PASSWORD}). */
  public static final String USERNAME = "camunda.client.auth.username";
  /** Basic auth password. */
  public static final String PASSWORD = "camunda.client.auth.password";
  /** The default tenant. */
  public static final String TENANT_ID = "camunda.client.tenant-id";

  private WorkflowClients() {}

  /**
   * A client for the embedded engine: plaintext gRPC ({@code http} scheme), REST off, job
   * streaming on for workers. Close it when done.
   */
  public static CamundaClient embedded(URI grpcAddress) {
    return embeddedBuilder(grpcAddress).build();
  }

  /**
   * A client for an embedded engine that requires authentication ({@link
   * WorkflowEngineOptions#authentication()}): as {@link #embedded(URI)}, sending these
   * credentials on every call (e.g. {@link #bearerToken(String)}, or Camunda's {@code
   * CredentialsProvider.newBasicAuthCredentialsProviderBuilder()}).
   */
  public static CamundaClient embedded(URI grpcAddress, CredentialsProvider credentials) {
    return embeddedBuilder(grpcAddress).credentialsProvider(credentials).build();
  }

  /**
   * As {@link #embedded(URI)}, with the engine's REST API at {@code restAddress} (e.g. a {@link
   * WorkflowRestServer}'s) for what exists only over REST, such as the user-task commands; the
   * other commands still go over gRPC.
   */
  public static CamundaClient embedded(URI grpcAddress, URI restAddress) {
    return embeddedBuilder(grpcAddress).restAddress(restAddress).build();
  }

  /** As {@link #embedded(URI, URI)}, sending these credentials on every call. */
  public static CamundaClient embedded(URI grpcAddress, URI restAddress,
      CredentialsProvider credentials) {
    return embeddedBuilder(grpcAddress).restAddress(restAddress).credentialsProvider(credentials)
        .build();
  }

  /** Credentials that send {@code Authorization: Bearer <token>} on every call. */
  public static CredentialsProvider bearerToken(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("A bearer token must not be blank");
    }
    return new CredentialsProvider() {
      @Override
      public void applyCredentials(CredentialsApplier applier) {
        applier.put("Authorization", "Bearer " + token);
      }

      @Override
      public boolean shouldRetryRequest(StatusCode statusCode) {
        return false;
      }
    };
  }

  private static CamundaClientBuilder embeddedBuilder(URI grpcAddress) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(grpcAddress)
        .restAddress(grpcAddress)
        .preferRestOverGrpc(false)
        .defaultJobWorkerStreamEnabled(true);
  }

  /**
   * A client for a Camunda 8 cluster from {@code camunda.client.*} settings: {@value
   * #GRPC_ADDRESS}, {@value #REST_ADDRESS}, {@value #PREFER_REST}, OAuth ({@value #CLIENT_ID},
   * {@value #CLIENT_SECRET}, {@value #TOKEN_URL}, {@value #AUDIENCE}) or basic auth ({@value
   * #USERNAME}, {@value #PASSWORD}), {@value #TENANT_ID}; any other key is passed to the client
   * as one of its own properties (e.g. {@code camunda.client.worker.threads}).
   *
   * @throws WorkflowException when the grpc address is missing or not a URI
   */
  public static CamundaClient fromProperties(Map<String, String> props) {
    return builderFromProperties(props).build();
  }

  /** The builder {@link #fromProperties(Map)} would build, for further settings. */
  public static CamundaClientBuilder builderFromProperties(Map<String, String> props) {
    String grpc = props.get(GRPC_ADDRESS);
    if (grpc == null || grpc.isBlank()) {
      throw new WorkflowException("Cluster mode needs " + GRPC_ADDRESS
          + " (e.g. https://my-cluster:26500); set it or switch to baton.workflow.mode=embedded.");
    }
    Properties passThrough = new Properties();
    props.forEach((k, v) -> {
      if (k.startsWith("camunda.client.") && !k.contains("-") && v != null) {
        passThrough.setProperty(k, v);
      }
    });
    CamundaClientBuilder b = CamundaClient.newClientBuilder().withProperties(passThrough)
        .grpcAddress(uri(GRPC_ADDRESS, grpc));
    String rest = props.get(REST_ADDRESS);
    if (rest != null && !rest.isBlank()) {
      b.restAddress(uri(REST_ADDRESS, rest));
    }
    b.preferRestOverGrpc(Boolean.parseBoolean(props.getOrDefault(PREFER_REST,
        rest != null && !rest.isBlank() ? "true" : "false")));
    String tenant = props.get(TENANT_ID);
    if (tenant != null && !tenant.isBlank()) {
      b.defaultTenantId(tenant);
    }
    CredentialsProvider credentials = credentials(props);
    if (credentials != null) {
      b.credentialsProvider(credentials);
    }
    return b;
  }

  private static CredentialsProvider credentials(Map<String, String> props) {
    String clientId = props.get(CLIENT_ID);
    if (clientId != null && !clientId.isBlank()) {
      String secret = props.get(CLIENT_SECRET);
      String tokenUrl = props.get(TOKEN_URL);
      if (secret == null || tokenUrl == null) {
        throw new WorkflowException("OAuth needs " + CLIENT_ID + ", " + CLIENT_SECRET + " and "
            + TOKEN_URL + " together; " + (secret == null ? CLIENT_SECRET : TOKEN_URL)
            + " is missing.");
      }
      var oauth = CredentialsProvider.newCredentialsProviderBuilder().clientId(clientId)
          .clientSecret(secret).authorizationServerUrl(tokenUrl);
      String audience = props.get(AUDIENCE);
      if (audience != null) {
        oauth.audience(audience);
      }
      return oauth.build();
    }
    String user = props.get(USERNAME);
    if (user != null && !user.isBlank()) {
      return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(user)
          .password(props.getOrDefault(PASSWORD, "")).build();
    }
    return null;
  }

  private static URI uri(String key, String value) {
    try {
      URI u = URI.create(value.trim());
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new WorkflowException(key + " is not a URI with scheme and host: '" + value
          + "' (e.g. https://my-cluster:26500)", e);
    }
  }
}
