package dev.baton.engine.battlepack;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The boundary to the workflow engine, faked: activated jobs as the engine hands them to a
 * worker, and a job client that records the complete and fail commands the handler sends.
 */
final class FakeJobs {
  private static final AtomicLong KEYS = new AtomicLong(2251799813685249L);

  /** A command the handler sent. */
  static final class Sent {
    final String command;
    final long jobKey;
    Map<String, Object> variables;
    Integer retries;
    String errorMessage;

    Sent(String command, long jobKey) {
      this.command = command;
      this.jobKey = jobKey;
    }

    boolean completed() {
      return command.equals("newCompleteCommand");
    }
  }

  final List<Sent> sent = new ArrayList<>();

  static long nextKey() {
    return KEYS.incrementAndGet();
  }

  /** A job client that records what is sent. */
  JobClient client() {
    return (JobClient) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {JobClient.class}, (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("newCompleteCommand") || name.equals("newFailCommand")) {
            long key = args[0] instanceof ActivatedJob j ? j.getKey() : (Long) args[0];
            return fluent(method.getReturnType(), new Sent(name, key));
          }
          throw new UnsupportedOperationException("the fake job client has no " + name);
        });
  }

  @SuppressWarnings("unchecked")
  private Object fluent(Class<?> type, Sent s) {
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "variables" -> {
              if (args[0] instanceof Map<?, ?> m) {
                s.variables = (Map<String, Object>) m;
              } else {
                throw new UnsupportedOperationException("variables as " + args[0].getClass());
              }
            }
            case "retries" -> s.retries = (Integer) args[0];
            case "errorMessage" -> s.errorMessage = (String) args[0];
            case "send" -> {
              sent.add(s);
              return fluent(CamundaFuture.class, s);
            }
            case "join" -> {
              return null;
            }
            default -> {
              // other builder steps are not used by the handlers
            }
          }
          Class<?> r = method.getReturnType();
          if (r.isInterface()) {
            return r.isInstance(proxy) ? proxy : fluent(r, s);
          }
          return r == boolean.class ? false : null;
        });
  }

  /** The last command sent. */
  Sent last() {
    return sent.get(sent.size() - 1);
  }

  /** A job as the engine activates it. */
  static ActivatedJob job(long key, String type, long processInstanceKey, String elementId,
      Map<String, String> headers, String variablesJson) {
    return (ActivatedJob) Proxy.newProxyInstance(FakeJobs.class.getClassLoader(),
        new Class<?>[] {ActivatedJob.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getKey" -> key;
          case "getType" -> type;
          case "getProcessInstanceKey" -> processInstanceKey;
          case "getBpmnProcessId" -> VisitRequests.PROCESS_ID;
          case "getElementId" -> elementId;
          case "getCustomHeaders" -> headers;
          case "getVariables" -> variablesJson;
          case "getRetries" -> 3;
          case "toString" -> "job " + key;
          case "hashCode" -> Long.hashCode(key);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException("the fake job has no "
              + method.getName());
        });
  }
}
