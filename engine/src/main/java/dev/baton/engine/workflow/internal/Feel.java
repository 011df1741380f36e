package dev.baton.engine.workflow.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * Zeebe's expression convention: a value starting with {@code =} is a FEEL expression, anything
 * else a static string. Results come back as JSON-compatible Java values.
 */
final class Feel {
  private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();

  /** An expression could not be evaluated; becomes an incident. */
  static final class FeelException extends RuntimeException {
    FeelException(String message) {
      super(message);
    }
  }

  static boolean isExpression(String value) {
    return value != null && value.trim().startsWith("=");
  }

  /** Evaluates an expression or returns the static string. */
  Object evaluate(String value, Map<String, Object> variables) {
    if (!isExpression(value)) {
      return value;
    }
    String expression = value.trim().substring(1);
    EvaluationResult r;
    try {
      r = engine.evaluateExpression(expression, variables);
    } catch (RuntimeException e) {
      throw new FeelException("failed to evaluate expression '" + expression + "': "
          + e.getMessage());
    }
    if (!r.isSuccess()) {
      throw new FeelException("failed to evaluate expression '" + expression + "': "
          + r.failure().message());
    }
    return toJson(r.result());
  }

  /** Evaluates a condition; anything but a boolean is a failure. */
  boolean condition(String value, Map<String, Object> variables) {
    String expr = isExpression(value) ? value : "=" + value;
    Object r = evaluate(expr, variables);
    if (r instanceof Boolean b) {
      return b;
    }
    throw new FeelException("expected the condition '" + value.trim() + "' to be a boolean,"
        + " but it was " + describe(r));
  }

  static String describe(Object v) {
    return v == null ? "null" : "'" + v + "' (" + v.getClass().getSimpleName() + ")";
  }

  /** FEEL results as JSON values: numbers, strings, booleans, lists, maps, null. */
  static Object toJson(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof BigDecimal bd) {
      try {
        return bd.longValueExact();
      } catch (ArithmeticException e) {
        return bd.doubleValue();
      }
    }
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), toJson(val)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(toJson(x)));
      return out;
    }
    if (v instanceof Duration || v instanceof Period || v instanceof TemporalAccessor) {
      return v.toString();
    }
    return v.toString();
  }
}
