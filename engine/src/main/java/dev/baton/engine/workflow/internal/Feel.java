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
  private static final int MAX_CACHED = 4096;
  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final java.util.Set<String> KEYWORDS = java.util.Set.of("true", "false", "null",
      "not", "and", "or", "if", "then", "else", "for", "in", "return", "some", "every",
      "satisfies", "instance", "of", "function", "between");

  private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();
  /**
   * Parsed expressions by text: parsing is most of an evaluation's cost, and a process model has
   * few distinct expressions. Bounded; failures are not cached (they are evaluated again, to get
   * the engine's own message).
   */
  private final Map<String, org.camunda.feel.syntaxtree.ParsedExpression> parsed =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** An expression could not be evaluated; becomes an incident. */
  static final class FeelException extends RuntimeException {
    FeelException(String message) {
      super(message);
    }
  }

  /** Parses expressions when a process is deployed (parsing needs no variables). */
  private static final FeelEngineApi SYNTAX = FeelEngineBuilder.forJava().build();

  /** Why a condition is not a FEEL expression, or null when it parses. */
  static String conditionSyntaxProblem(String value) {
    String expression = isExpression(value) ? value.trim().substring(1) : value;
    var parsed = SYNTAX.parseExpression(expression);
    return parsed.isSuccess() ? null : parsed.failure().message();
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
    String name = expression.trim();
    if (variables.containsKey(name) && NAME.matcher(name).matches() && !KEYWORDS.contains(name)) {
      // a plain variable reference (most mappings and correlation keys): the value itself, as
      // FEEL would return it
      return toJson(asFeelNumbers(variables.get(name)));
    }
    EvaluationResult r;
    try {
      org.camunda.feel.syntaxtree.ParsedExpression p = parsed.get(expression);
      if (p == null) {
        var pr = engine.parseExpression(expression);
        if (pr.isSuccess()) {
          p = pr.parsedExpression();
          if (parsed.size() >= MAX_CACHED) {
            parsed.clear();
          }
          parsed.put(expression, p);
        }
      }
      r = p != null ? engine.evaluate(p, variables)
          : engine.evaluateExpression(expression, variables);
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

  /** Numbers as FEEL sees them (decimals), so that {@link #toJson} gives what FEEL would. */
  private static Object asFeelNumbers(Object v) {
    if (v instanceof BigDecimal || v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : v;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, val) -> out.put(String.valueOf(k), asFeelNumbers(val)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(x -> out.add(asFeelNumbers(x)));
      return out;
    }
    return v;
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
