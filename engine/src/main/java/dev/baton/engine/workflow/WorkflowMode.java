package dev.baton.engine.workflow;

import io.camunda.client.CamundaClient;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Embedded engine or Camunda 8 cluster, decided by configuration alone.
 *
 * <p>{@value #MODE} = {@code embedded} or {@code cluster} decides; without it, the presence of
 * {@value WorkflowClients#GRPC_ADDRESS} means cluster, otherwise embedded. In cluster mode the
 * embedded gateway stays off and the client is built from the {@code camunda.client.*} settings.
 *
 * @param kind embedded or cluster
 * @param clientProperties the {@code camunda.client.*} settings (used in cluster mode)
 */
public record WorkflowMode(Kind kind, Map<String, String> clientProperties) {
  /** The setting that decides the mode. */
  public static final String MODE = "baton.workflow.mode";

  /** Where workflows run. */
  public enum Kind {
    /** Baton's own engine, in this process. */
    EMBEDDED,
    /** A Camunda 8 cluster reached with the {@code camunda.client.*} settings. */
    CLUSTER
  }

  /** Copies the settings. */
  public WorkflowMode {
    clientProperties = Map.copyOf(clientProperties);
  }

  /**
   * The mode a configuration asks for.
   *
   * @throws WorkflowException when {@value #MODE} has another value, or cluster mode lacks the
   *     gRPC address
   */
  public static WorkflowMode fromConfiguration(Map<String, String> config) {
    Map<String, String> client = new java.util.HashMap<>();
    config.forEach((k, v) -> {
      if (k.startsWith("camunda.client.") && v != null) {
        client.put(k, v);
      }
    });
    String mode = config.get(MODE);
    Kind kind;
    if (mode == null || mode.isBlank()) {
      kind = client.containsKey(WorkflowClients.GRPC_ADDRESS) ? Kind.CLUSTER : Kind.EMBEDDED;
    } else {
      try {
        kind = Kind.valueOf(mode.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new WorkflowException(MODE + " must be 'embedded' or 'cluster', was '" + mode + "'");
      }
    }
    if (kind == Kind.CLUSTER && !client.containsKey(WorkflowClients.GRPC_ADDRESS)) {
      throw new WorkflowException(MODE + "=cluster needs " + WorkflowClients.GRPC_ADDRESS
          + " (and the cluster's auth settings).");
    }
    return new WorkflowMode(kind, client);
  }

  /** Whether Baton runs its own engine (and its gateway). */
  public boolean embedded() {
    return kind == Kind.EMBEDDED;
  }

  /**
   * The official client for this mode: for the embedded engine at the address given (the
   * supplier is not called in cluster mode), or for the cluster from the settings.
   */
  public CamundaClient newClient(Supplier<java.net.URI> embeddedAddress) {
    return embedded() ? WorkflowClients.embedded(embeddedAddress.get())
        : WorkflowClients.fromProperties(clientProperties);
  }

  /**
   * As {@link #newClient(Supplier)}, the embedded client sending these credentials (an engine
   * that requires authentication); a cluster client takes its own from the settings.
   */
  public CamundaClient newClient(Supplier<java.net.URI> embeddedAddress,
      io.camunda.client.CredentialsProvider embeddedCredentials) {
    return embedded() ? WorkflowClients.embedded(embeddedAddress.get(), embeddedCredentials)
        : WorkflowClients.fromProperties(clientProperties);
  }
}
