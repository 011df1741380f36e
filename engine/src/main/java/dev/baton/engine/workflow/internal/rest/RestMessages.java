package dev.baton.engine.workflow.internal.rest;

import dev.baton.engine.workflow.WorkflowRestApi.Request;
import dev.baton.engine.workflow.WorkflowRestApi.Response;
import dev.baton.engine.workflow.internal.Commands;
import dev.baton.engine.workflow.internal.Outcome;
import dev.baton.engine.workflow.internal.WorkflowEngineCore;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /v2/messages/correlation}. Zeebe's gRPC API has no such RPC (the official client
 * sends it over REST only), so the command goes straight to the engine's {@link Commands} on
 * its thread and is answered after its batch is committed: 200 with the message key and the
 * first process instance the message reached, 404 when nothing waits for it (the message is
 * never buffered), 400 for a bad body.
 */
final class RestMessages {
  private final WorkflowEngineCore engine;
  private final Executor executor;
  private final long boundMs;

  RestMessages(WorkflowEngineCore engine, Executor executor, long boundMs) {
    this.engine = engine;
    this.executor = executor;
    this.boundMs = boundMs;
  }

  CompletableFuture<Response> correlate(Request r) {
    Body b = Body.parse(r.body(), false).only("name", "correlationKey", "variables",
        "tenantId");
    String name = b.requiredString("name");
    String correlationKey = b.string("correlationKey");
    String document = b.variables("variables");
    String tenant = b.string("tenantId");
    if (tenant != null && !tenant.equals(RestGateway.TENANT)) {
      throw new BadRequest("Expected to handle the request with tenant identifier '" + tenant
          + "', but multi-tenancy is disabled: leave " + b.where("tenantId") + " out or use '"
          + RestGateway.TENANT + "'.");
    }
    Outcome<Map<String, Object>> vars = Commands.parseVariables("variables", document);
    if (vars instanceof Outcome.Refused<Map<String, Object>> refused) {
      throw new BadRequest(refused.refusal().message());
    }
    Map<String, Object> variables = ((Outcome.Accepted<Map<String, Object>>) vars).value();
    String key = correlationKey == null ? "" : correlationKey;
    CompletableFuture<Response> answer = new CompletableFuture<>();
    engine.submit(() -> {
      Outcome<Commands.Correlation> out = engine.commands().correlateMessage(name, key,
          variables);
      if (out instanceof Outcome.Refused<Commands.Correlation> refused) {
        return refused.refusal();
      }
      Commands.Correlation c = ((Outcome.Accepted<Commands.Correlation>) out).value();
      engine.afterCommit(() -> later(() -> answer.complete(RestGateway.json(200,
          Body.MAPPER.createObjectNode().put("tenantId", RestGateway.TENANT)
              .put("messageKey", String.valueOf(c.messageKey()))
              .put("processInstanceKey", String.valueOf(c.processInstanceKey()))))));
      return null;
    }, refusal -> later(() -> answer.completeExceptionally(RestUserTasks.problem(refusal))));
    return answer.orTimeout(boundMs, TimeUnit.MILLISECONDS);
  }

  private void later(Runnable r) {
    try {
      executor.execute(r);
    } catch (RejectedExecutionException closing) {
      r.run();
    }
  }
}
