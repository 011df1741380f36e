package dev.baton.engine.repository.internal;

import dev.baton.engine.rulepack.Names;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.RulePack;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Sets a template's parameters to values given by the person importing it. */
public final class ParameterValues {
  private ParameterValues() {}

  /**
   * The template with the named parameters set; every unknown name or value that does not fit
   * is added to {@code problems} (and the template is returned unchanged then).
   */
  public static RulePack apply(RulePack template, Map<String, Object> values,
      List<Problem> problems) {
    String source = "parameters for " + template.coordinates();
    for (String name : values.keySet()) {
      if (template.parameter(name).isEmpty()) {
        List<String> names = template.parameters().stream().map(Parameter::name).toList();
        problems.add(new Problem(source, 0, 0, null, "parameters." + name,
            "The template " + template.id() + " has no parameter '" + name + "'.",
            closest(name, names) + "Its parameters: " + names + "."));
      }
    }
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : template.parameters()) {
      if (!values.containsKey(p.name())) {
        out.add(p);
        continue;
      }
      Object raw = values.get(p.name());
      Object v = convert(raw, p.type());
      if (v == null) {
        problems.add(new Problem(source, 0, 0, null, "parameters." + p.name(),
            "The value " + raw + " does not fit the parameter " + p.name() + ", which is "
                + p.type().describe() + ".", hint(p.type())));
        out.add(p);
      } else {
        out.add(new Parameter(p.name(), p.type(), v, p.title()));
      }
    }
    if (!problems.isEmpty()) {
      return template;
    }
    return new RulePack(template.id(), template.version(), template.kind(), template.title(),
        template.description(), out, template.scores(), template.factTypes(), template.rules(),
        template.hitPolicy());
  }

  /** The value in the model's representation, or null when it does not fit. */
  static Object convert(Object raw, FieldType type) {
    if (raw == null) {
      return null;
    }
    if (type.list()) {
      Collection<?> items = raw instanceof Collection<?> c ? c
          : raw instanceof Object[] a ? List.of(a) : null;
      if (items == null) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (Object item : items) {
        Object v = convert(item, type.element());
        if (v == null) {
          return null;
        }
        out.add(v);
      }
      return List.copyOf(out);
    }
    if (type.isEnum()) {
      return raw instanceof String s && type.enumValues().contains(s) ? s : null;
    }
    try {
      return switch (type.scalar()) {
        case STRING -> raw instanceof CharSequence s ? s.toString() : null;
        case NUMBER -> raw instanceof Number || raw instanceof String ? number(raw) : null;
        case INTEGER -> {
          BigDecimal d = raw instanceof Number || raw instanceof String ? number(raw) : null;
          yield d == null || d.stripTrailingZeros().scale() > 0 ? null : d.longValueExact();
        }
        case BOOLEAN -> raw instanceof Boolean ? raw
            : "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : null;
        case DATE -> raw instanceof LocalDate ? raw
            : raw instanceof String s ? LocalDate.parse(s) : null;
        case DATETIME -> raw instanceof Instant ? raw
            : raw instanceof OffsetDateTime o ? o.toInstant()
            : raw instanceof ZonedDateTime z ? z.toInstant()
            : raw instanceof String s ? OffsetDateTime.parse(s).toInstant() : null;
        case DURATION -> raw instanceof Duration ? raw
            : raw instanceof String s ? Duration.parse(s) : null;
      };
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal number(Object raw) {
    BigDecimal d = raw instanceof BigDecimal b ? b : new BigDecimal(raw.toString().trim());
    return d;
  }

  private static String hint(FieldType type) {
    if (type.list()) {
      return "Give a list of " + type.scalar().label() + " values, e.g. List.of(...).";
    }
    if (type.isEnum()) {
      return "Use one of " + type.enumValues() + ".";
    }
    return switch (type.scalar()) {
      case STRING -> "Give a text.";
      case NUMBER -> "Give a number such as 60 or 0.25.";
      case INTEGER -> "Give a whole number such as 3.";
      case BOOLEAN -> "Give true or false.";
      case DATE -> "Give an ISO-8601 date such as 2026-11-27.";
      case DATETIME -> "Give an ISO-8601 time with offset such as 2026-11-27T09:30:00Z.";
      case DURATION -> "Give an ISO-8601 duration such as PT3M or P30D.";
    };
  }

  private static String closest(String name, List<String> names) {
    return names.stream()
        .min(Comparator.comparingInt(n -> Names.editDistance(n.toLowerCase(), name.toLowerCase())))
        .filter(n -> Names.editDistance(n.toLowerCase(), name.toLowerCase()) <= 3)
        .map(n -> "Did you mean " + n + "? ").orElse("");
  }
}
