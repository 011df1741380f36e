package dev.baton.engine.workflow.internal;

import dev.baton.engine.store.BatonStore;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowException;
import dev.baton.engine.workflow.WorkflowInspector;
import dev.baton.engine.workflow.WorkflowRestApi;
import dev.baton.engine.workflow.internal.grpc.AuthenticatingInterceptor;
import dev.baton.engine.workflow.internal.grpc.GatewayService;
import dev.baton.engine.workflow.internal.rest.RestGateway;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** The embedded engine: the engine core behind a Netty gRPC server (the gRPC adapter). */
public final class EmbeddedEngineServer implements EmbeddedWorkflowEngine {
  private final WorkflowEngineCore runtime;
  private final Server server;
  private final String host;
  private final WorkflowInspector inspector;
  private final RestGateway rest;

  private EmbeddedEngineServer(WorkflowEngineCore runtime, Server server, String host,
      WorkflowInspector inspector, RestGateway rest) {
    this.runtime = runtime;
    this.server = server;
    this.host = host;
    this.inspector = inspector;
    this.rest = rest;
  }

  /** Migrates, loads and starts; see {@link EmbeddedWorkflowEngine#start}. */
  public static EmbeddedWorkflowEngine start(WorkflowEngineOptions options) {
    if (options.authentication().open() && !GatewayCredentials.isLoopback(options.host())) {
      throw new WorkflowException("The workflow gateway would listen on " + options.host()
          + " without authentication, so anyone who reaches it could complete jobs or publish"
          + " messages (a review verdict, say). Give it an authentication"
          + " (WorkflowEngineOptions.withAuthentication, e.g. GatewayAuthentication.basic) or"
          + " bind it to loopback (127.0.0.1).");
    }
    WorkflowEngineCore runtime;
    try {
      runtime = new WorkflowEngineCore(new WorkflowStore(BatonStore.open(options.dataSource())),
          options.clock());
    } catch (RuntimeException e) {
      throw new WorkflowException("The workflow engine cannot load its state from the database: "
          + e.getMessage(), e);
    }
    runtime.ruleDecisions(options.ruleDecisions());
    GatewayService gateway = new GatewayService(runtime, options.host(),
        options.defaultLongPollTimeout().toMillis());
    Server server = NettyServerBuilder
        .forAddress(new InetSocketAddress(options.host(), options.port()))
        .addService(io.grpc.ServerInterceptors.intercept(gateway,
            new AuthenticatingInterceptor(options.authentication())))
        .maxInboundMessageSize(options.maxMessageSize())
        .permitKeepAliveTime(1, TimeUnit.SECONDS)
        .permitKeepAliveWithoutCalls(true)
        .build();
    try {
      server.start();
    } catch (IOException e) {
      runtime.close();
      throw new WorkflowException("The workflow gateway cannot listen on " + options.host() + ":"
          + options.port() + " (" + e.getMessage() + "); is another engine running there? Use"
          + " another port (0 picks a free one).", e);
    }
    gateway.port(server.getPort());
    runtime.start();
    WorkflowInspector inspector = new JdbcWorkflowInspector(options.dataSource());
    // the REST API calls the same gateway service in-process, so both protocols share it
    RestGateway rest = new RestGateway(gateway, runtime, inspector,
        options.defaultLongPollTimeout().toMillis(), restAuthenticator(options.authentication()));
    return new EmbeddedEngineServer(runtime, server, options.host(), inspector, rest);
  }

  /** The REST API checks the same credentials as the gRPC gateway: 401 without them. */
  static WorkflowRestApi.Authenticator restAuthenticator(
      dev.baton.engine.workflow.GatewayAuthentication authentication) {
    if (authentication.open()) {
      return WorkflowRestApi.Authenticator.PERMIT_ALL;
    }
    return request -> GatewayCredentials.refusal(authentication,
        request.headers().get("Authorization")).map(why ->
            WorkflowRestApi.Response.problem(401, "Unauthorized", why, request.path()));
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public WorkflowInspector inspector() {
    return inspector;
  }

  @Override
  public WorkflowRestApi restApi() {
    return rest;
  }

  @Override
  public URI grpcAddress() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port());
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    rest.close();
    runtime.close();
  }
}
