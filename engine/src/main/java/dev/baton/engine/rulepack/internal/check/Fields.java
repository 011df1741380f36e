package dev.baton.engine.rulepack.internal.check;

import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.ValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one fact type as value sets: reads a test as the set of values it allows, or
 * as opaque when its value depends on something else than the pack (another fact, now) or on
 * text matching.
 */
final class Fields {
  private final FactType type;
  private final RulePack pack;

  Fields(FactType type, RulePack pack) {
    this.type = type;
    this.pack = pack;
  }

  FactType type() {
    return type;
  }

  /** The field's type when its values can be analysed (scalars, not lists). */
  Optional<FieldType> analysable(String field) {
    return type.field(field).map(FieldDef::type).filter(t -> !t.list());
  }

  /** Every value of the field, and missing. */
  ValueSet all(String field) {
    FieldType t = analysable(field).orElseThrow();
    return t.scalar().isOrdered() ? Ranges.all(step(t.scalar()))
        : Discrete.all(universe(t));
  }

  /** The values of the field when it is present. */
  ValueSet present(String field) {
    return all(field).present();
  }

  /** A box with the one test. */
  Box box(Constraint.Test test) {
    Optional<ValueSet> set = read(test);
    if (set.isPresent()) {
      return new Box(java.util.Map.of(test.field(), set.get()), java.util.Map.of());
    }
    return new Box(java.util.Map.of(), java.util.Map.of(test.field(), Set.of(test)));
  }

  private Optional<ValueSet> read(Constraint.Test test) {
    Optional<FieldType> ft = analysable(test.field());
    if (ft.isEmpty()) {
      return Optional.empty();
    }
    FieldType t = ft.get();
    List<Object> args = new ArrayList<>();
    for (Operand o : test.args()) {
      Optional<Object> v = value(o, t);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      args.add(v.get());
    }
    try {
      return Optional.ofNullable(t.scalar().isOrdered() ? ordered(test, t, args)
          : unordered(test, t, args));
    } catch (ClassCastException e) {
      return Optional.empty();
    }
  }

  private ValueSet unordered(Constraint.Test test, FieldType t, List<Object> args) {
    List<Object> universe = universe(t);
    boolean text = t.scalar() == ValueType.STRING;
    return switch (test.operator()) {
      case EQ, IN -> new Discrete(new java.util.LinkedHashSet<>(args), false, false, universe);
      case NE, NOT_IN -> new Discrete(new java.util.LinkedHashSet<>(args), true, false, universe);
      case EMPTY -> new Discrete(text ? Set.of("") : Set.of(), false, true, universe);
      case NOT_EMPTY -> new Discrete(text ? Set.of("") : Set.of(), true, false, universe);
      default -> null;
    };
  }

  private ValueSet ordered(Constraint.Test test, FieldType t, List<Object> args) {
    Ranges.Step step = step(t.scalar());
    return switch (test.operator()) {
      case EQ, IN -> Ranges.points(step, args);
      case NE, NOT_IN -> Ranges.except(step, args);
      case LT -> Ranges.of(step, null, false, args.get(0), false);
      case LTE -> Ranges.of(step, null, false, args.get(0), true);
      case GT -> Ranges.of(step, args.get(0), false, null, false);
      case GTE -> Ranges.of(step, args.get(0), true, null, false);
      case BETWEEN -> Ranges.of(step, args.get(0), true, args.get(1), true);
      case EMPTY -> new Ranges(List.of(), true, step);
      case NOT_EMPTY -> Ranges.present(step);
      default -> null;
    };
  }

  /** A literal or a parameter's value, in the field's representation. */
  private Optional<Object> value(Operand o, FieldType t) {
    Object raw;
    if (o instanceof Operand.Literal l) {
      raw = l.value();
    } else if (o instanceof Operand.ParamRef p) {
      raw = pack.parameter(p.name()).map(dev.baton.engine.rulepack.Parameter::value)
          .orElse(null);
    } else {
      return Optional.empty();
    }
    return Optional.ofNullable(normalise(raw, t));
  }

  private static Object normalise(Object raw, FieldType t) {
    if (raw == null) {
      return null;
    }
    return switch (t.scalar()) {
      case NUMBER, INTEGER -> raw instanceof BigDecimal d ? d
          : raw instanceof Long || raw instanceof Integer ? BigDecimal.valueOf(
              ((Number) raw).longValue()) : null;
      case DATE -> raw instanceof LocalDate ? raw : null;
      case DATETIME -> raw instanceof Instant ? raw : null;
      case DURATION -> raw instanceof Duration ? raw : null;
      case BOOLEAN -> raw instanceof Boolean ? raw : null;
      case STRING -> raw instanceof String ? raw : null;
    };
  }

  static Ranges.Step step(ValueType t) {
    return switch (t) {
      case INTEGER -> Ranges.Step.INTEGER;
      case DATE -> Ranges.Step.DAY;
      default -> Ranges.Step.CONTINUOUS;
    };
  }

  /** The values of an enumeration or a boolean, null for free text. */
  static List<Object> universe(FieldType t) {
    if (t.isEnum()) {
      return List.copyOf(t.enumValues());
    }
    return t.scalar() == ValueType.BOOLEAN ? List.of(Boolean.TRUE, Boolean.FALSE) : null;
  }
}
