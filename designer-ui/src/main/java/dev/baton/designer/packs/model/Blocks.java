package dev.baton.designer.packs.model;

import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What dropping a palette item does to the pack tree: new conditions and actions for a rule,
 * new field tests for a condition. New blocks start with their value unset, so the reader's
 * problem ("expected ..., found nothing") shows on them until the analyst fills them in.
 */
public final class Blocks {
  private Blocks() {}

  /** Adds the item to a rule (a condition or an action); returns true when the tree changed. */
  public static boolean addToRule(PackModel model, int rule, PaletteItem item) {
    if (item.kind().isAction()) {
      model.then(rule).add(newAction(model, rule, item.kind()));
      return true;
    }
    List<Object> when = model.when(rule);
    when.add(newCondition(model, when, item));
    return true;
  }

  /** Adds the item to a group (any / all) of conditions. */
  public static boolean addToGroup(PackModel model, List<Object> when, Object group,
      PaletteItem item) {
    if (item.kind().isAction()) {
      return false;
    }
    Conditions.groupItems(group).add(newCondition(model, when, item));
    return true;
  }

  /** A new condition item for a palette item, typed after the rule's first pattern. */
  public static Map<String, Object> newCondition(PackModel model, List<Object> when,
      PaletteItem item) {
    String type = item.type() != null ? item.type() : defaultType(model, when);
    return switch (item.kind()) {
      case FACT_TYPE -> Conditions.pattern(type, null, new LinkedHashMap<>());
      case FIELD, COMPARISON, REFERENCE, TIME_WINDOW -> {
        Map<String, Object> p = Conditions.pattern(type, null, new LinkedHashMap<>());
        addTest(model, when, when.size(), p, item);
        yield p;
      }
      case NOT, EXISTS -> single(item.kind().name().toLowerCase(),
          Conditions.pattern(type, null, new LinkedHashMap<>()));
      case ANY, ALL -> single(item.kind().name().toLowerCase(), new ArrayList<>(List.of(
          Conditions.pattern(type, null, new LinkedHashMap<>()))));
      case AGGREGATE -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("of", type);
        body.put("is", new LinkedHashMap<>(Map.of("gte", 1)));
        yield single("count", body);
      }
      default -> throw new IllegalArgumentException("Not a condition: " + item.kind());
    };
  }

  /**
   * Adds a field test to a pattern (PATTERN, NOT or EXISTS item) for a dropped item: a fact
   * field of the pattern's type tests that field; a field of an earlier bound type binds the
   * pattern's same-named field to it ({@code customerId: $req.customerId}); a comparison tests
   * the next untested field; a reference compares with an earlier binding; a time window keeps
   * the last 30 days of a date field. Returns false when the item does not fit.
   *
   * @param index the condition's index in {@code when} (bindings before it are offered)
   */
  public static boolean addTest(PackModel model, List<Object> when, int index,
      Map<String, Object> pattern, PaletteItem item) {
    if (pattern == null) {
      return false;
    }
    Optional<Runnable> plan = planTest(model, when, index,
        Conditions.patternType(Conditions.key(pattern)), Conditions.constraintOf(pattern), item);
    plan.ifPresent(Runnable::run);
    return plan.isPresent();
  }

  /**
   * Adds a dropped (or keyboard-chosen) palette item to an existing condition: to a pattern as
   * {@link #addTest}; to an aggregate a time window sets its {@code within} (30 days over the
   * first date field, when it has none) and the other field-test items add a test to its
   * {@code where} filter. Returns false, changing nothing, when the item does not fit.
   *
   * @param condition the condition item (in {@code when}, or in a group of it)
   * @param index the index in {@code when} of the condition (or of its group)
   */
  public static boolean addToCondition(PackModel model, List<Object> when, int index,
      Object condition, PaletteItem item) {
    Optional<Runnable> plan = planForCondition(model, when, index, condition, item);
    plan.ifPresent(Runnable::run);
    return plan.isPresent();
  }

  /** True when {@link #addToCondition} would add the item (nothing is changed). */
  public static boolean fits(PackModel model, List<Object> when, int index, Object condition,
      PaletteItem item) {
    return planForCondition(model, when, index, condition, item).isPresent();
  }

  private static Optional<Runnable> planForCondition(PackModel model, List<Object> when,
      int index, Object condition, PaletteItem item) {
    if (!item.kind().isFieldTest()) {
      return Optional.empty();
    }
    Map<String, Object> pattern = Conditions.patternOf(condition);
    if (pattern != null) {
      String type = Conditions.patternType(Conditions.key(pattern));
      Map<String, Object> constraint = pattern.get(Conditions.key(pattern)) instanceof Map<?, ?>
          ? Conditions.constraintOf(pattern) : new LinkedHashMap<>();
      return planTest(model, when, index, type, constraint, item)
          .map(r -> () -> {
            Map<String, Object> live = Conditions.constraintOf(pattern);
            planTest(model, when, index, type, live, item).ifPresent(Runnable::run);
          });
    }
    if (Conditions.kind(condition) != Conditions.Kind.AGGREGATE) {
      return Optional.empty();
    }
    Map<String, Object> body = Conditions.aggregateOf(condition);
    String of = String.valueOf(body.get("of"));
    if (item.kind() == PaletteItem.Kind.TIME_WINDOW) {
      if (Aggregates.window(body).isPresent()) {
        return Optional.empty();
      }
      return Aggregates.defaultWindow(model, of).map(w -> () -> Aggregates.setWindow(body, w));
    }
    Map<String, Object> probe = Aggregates.hasWhere(body)
        ? Aggregates.where(body) : new LinkedHashMap<>();
    // a field dropped on an aggregate filters on that field of the aggregated type, or binds
    // the same-named field to an earlier bound fact (customerId: $req.customerId)
    return planTest(model, when, index, of, probe, item).map(r -> () -> {
      Map<String, Object> where = Aggregates.where(body);
      planTest(model, when, index, of, where, item).ifPresent(Runnable::run);
    });
  }

  /**
   * What adding the item's test to a constraint map of a type does, or empty when it does not
   * fit. A field of another, earlier bound type binds the same-named field ({@code customerId:
   * $req.customerId}).
   */
  private static Optional<Runnable> planTest(PackModel model, List<Object> when, int index,
      String type, Map<String, Object> constraint, PaletteItem item) {
    if (!item.kind().isFieldTest()) {
      return Optional.empty();
    }
    Map<String, FieldType> fields = model.fields(type);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    List<FieldTest> tests = new ArrayList<>(FieldTest.read(constraint));
    List<Conditions.Binding> bound = Conditions.bindingsBefore(when, index);
    final FieldTest test;
    switch (item.kind()) {
      case FIELD -> {
        if (type.equals(item.type())) {
          test = new FieldTest(item.field(), "eq", null);
        } else {
          Optional<Conditions.Binding> b = bound.stream().filter(x -> !x.aggregate()
              && x.type().equals(item.type())).findFirst();
          if (b.isEmpty()) {
            return Optional.empty();
          }
          String target = fields.containsKey(item.field()) ? item.field()
              : fields.keySet().iterator().next();
          test = new FieldTest(target, "eq", "$" + b.get().name() + "." + item.field());
        }
      }
      case COMPARISON -> {
        String f = fields.keySet().stream().filter(x -> tests.stream()
            .noneMatch(t -> t.field().equals(x))).findFirst().orElse(null);
        if (f != null) {
          FieldType ft = fields.get(f);
          test = new FieldTest(f, ft.scalar().isOrdered() && !ft.isEnum() ? "gte" : "eq", null);
        } else {
          // every field is tested: a second test of a field, with an operator it lacks
          // (value ≥ 70 gets value ≤ …), ordered fields first; never a test it already has
          Optional<FieldTest> second = secondTest(fields, tests, true)
              .or(() -> secondTest(fields, tests, false));
          if (second.isEmpty()) {
            return Optional.empty();
          }
          test = second.get();
        }
      }
      case REFERENCE -> {
        Optional<Conditions.Binding> b = bound.stream().filter(x -> !x.aggregate()).findFirst();
        String f = fields.keySet().iterator().next();
        String ref = null;
        if (b.isPresent()) {
          Map<String, FieldType> bf = model.fields(b.get().type());
          String shared = fields.keySet().stream().filter(bf::containsKey).findFirst()
              .orElse(null);
          if (shared != null) {
            f = shared;
            ref = "$" + b.get().name() + "." + shared;
          } else if (!bf.isEmpty()) {
            ref = "$" + b.get().name() + "." + bf.keySet().iterator().next();
          }
        }
        test = new FieldTest(f, "eq", ref);
      }
      case TIME_WINDOW -> {
        String f = fields.entrySet().stream().filter(e -> e.getValue().scalar().isTime()
            && !e.getValue().list()).map(Map.Entry::getKey).findFirst().orElse(null);
        if (f == null) {
          return Optional.empty();
        }
        test = new FieldTest(f, "withinLast", "P30D");
      }
      default -> {
        return Optional.empty();
      }
    }
    if (has(tests, test.field(), test.operator())) {
      // the field already has this test: a drop adds a test, it never replaces one
      Optional<String> op = freeOperator(fields.get(test.field()), tests, test.field());
      if (op.isEmpty()) {
        return Optional.empty();
      }
      FieldTest added = new FieldTest(test.field(), op.get(),
          test.isReference() ? test.value() : null);
      return Optional.of(() -> {
        tests.add(added);
        FieldTest.write(constraint, tests);
      });
    }
    FieldTest added = test;
    return Optional.of(() -> {
      tests.add(added);
      FieldTest.write(constraint, tests);
    });
  }

  private static boolean has(List<FieldTest> tests, String field, String operator) {
    return tests.stream().anyMatch(t -> t.field().equals(field)
        && t.operator().equals(operator));
  }

  /** A test of an already tested field with an operator it does not use yet. */
  private static Optional<FieldTest> secondTest(Map<String, FieldType> fields,
      List<FieldTest> tests, boolean ordered) {
    for (Map.Entry<String, FieldType> e : fields.entrySet()) {
      FieldType ft = e.getValue();
      boolean isOrdered = ft.scalar().isOrdered() && !ft.isEnum() && !ft.list();
      if (isOrdered != ordered) {
        continue;
      }
      Optional<String> op = freeOperator(ft, tests, e.getKey());
      if (op.isPresent()) {
        return Optional.of(new FieldTest(e.getKey(), op.get(), null));
      }
    }
    return Optional.empty();
  }

  /** An operator that fits the field and that the field's tests do not use yet. */
  private static Optional<String> freeOperator(FieldType ft, List<FieldTest> tests,
      String field) {
    if (ft == null) {
      return Optional.empty();
    }
    List<String> preferred = ft.list() ? List.of("contains")
        : ft.scalar().isOrdered() && !ft.isEnum() ? List.of("lte", "gte", "lt", "gt", "ne")
        : List.of("ne", "notIn", "in");
    List<String> fitting = operatorsFor(ft);
    return preferred.stream().filter(fitting::contains)
        .filter(op -> !has(tests, field, op)).findFirst();
  }

  /** A new action; its required values are unset or take the rule's first binding. */
  public static Map<String, Object> newAction(PackModel model, int rule, PaletteItem.Kind kind) {
    List<Conditions.Binding> bound = Conditions.bindingsBefore(model.when(rule),
        model.when(rule).size());
    String customer = bound.stream().filter(b -> !b.aggregate()
        && model.fields(b.type()).containsKey("customerId"))
        .map(b -> "$" + b.name() + ".customerId").findFirst().orElse(null);
    Map<String, Object> body = new LinkedHashMap<>();
    switch (kind) {
      case BLOCK, ALLOW -> body.put("reason", null);
      case EMIT -> {
        body.put("action", "CREATE_SALES_TASK");
        body.put("customerId", customer);
      }
      case SCORE -> {
        body.put("name", model.scores().isEmpty() ? null : model.scores().get(0));
        body.put("points", 10);
      }
      default -> throw new IllegalArgumentException("Not an action: " + kind);
    }
    return single(kind.name().toLowerCase(), body);
  }

  private static Map<String, Object> single(String key, Object body) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, body);
    return m;
  }

  private static String defaultType(PackModel model, List<Object> when) {
    for (Object item : when) {
      Map<String, Object> p = Conditions.patternOf(item);
      if (p != null) {
        return Conditions.patternType(Conditions.key(p));
      }
    }
    List<String> names = model.typeNames();
    return names.isEmpty() ? "Score" : names.get(0);
  }

  /** The operators that fit a field type. */
  public static List<String> operatorsFor(FieldType type) {
    List<String> ops = new ArrayList<>(List.of("eq", "ne"));
    if (type.list()) {
      return List.of("contains", "empty", "notEmpty");
    }
    if (type.scalar().isOrdered()) {
      ops.addAll(List.of("lt", "lte", "gt", "gte", "between"));
    }
    ops.addAll(List.of("in", "notIn"));
    if (type.scalar() == ValueType.STRING && !type.isEnum()) {
      ops.addAll(List.of("contains", "startsWith"));
    }
    if (type.scalar().isTime()) {
      ops.addAll(List.of("olderThan", "withinLast"));
    }
    ops.addAll(List.of("empty", "notEmpty"));
    return ops;
  }
}
