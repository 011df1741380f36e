package dev.baton.designer.packs.model;

import dev.baton.engine.rulepack.ActionCatalogue;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a pack seen as a decision table. A rule fits the table when it has one condition,
 * a pattern on the table's fact type whose tests are literals ({@code amount: {gte: 100}}), and
 * its actions are at most one {@code emit} of the table's action and {@code score}s with literal
 * points. Input columns are a field and an operator; output columns are a parameter of the
 * action or the points of a score. Rules that do not fit are listed apart ({@link #others()}):
 * they are edited in the rule cards. Every edit changes the pack tree in place; the caller tells
 * the editor (which records undo). Not thread-safe.
 */
public final class TableLayout {
  /** Operators a table column can use, in menu order. */
  public static final List<Operator> OPERATORS = List.of(Operator.EQ, Operator.NE, Operator.LT,
      Operator.LTE, Operator.GT, Operator.GTE, Operator.BETWEEN, Operator.IN, Operator.NOT_IN);

  /** What a cell holds, given by its column. */
  public enum CellKind {
    /** One value. */
    VALUE,
    /** {@code low..high}. */
    RANGE,
    /** {@code a, b, c}. */
    LIST
  }

  /** An input column: a field of the table's type tested with an operator. */
  public record Input(String field, Operator operator) {
    /** The kind of its cells. */
    public CellKind cellKind() {
      return operator == Operator.BETWEEN ? CellKind.RANGE
          : operator == Operator.IN || operator == Operator.NOT_IN ? CellKind.LIST
          : CellKind.VALUE;
    }

    /** The header text, e.g. {@code amount ≥}. */
    public String header() {
      return field + " " + operator.symbol();
    }
  }

  /** An output column: a parameter of the table's action, or the points of a score. */
  public record Output(boolean score, String name) {
    /** The header text, e.g. {@code priority} or {@code score CMI}. */
    public String header(String action) {
      return score ? "score " + name : action + "." + name;
    }
  }

  /** A cell's text read into a value, or the message key (and argument) saying why not. */
  public record Parsed(Object value, String error, List<String> args) {
    public Parsed {
      args = List.copyOf(args);
    }

    static Parsed ok(Object value) {
      return new Parsed(value, null, List.of());
    }

    static Parsed error(String key, String... args) {
      return new Parsed(null, key, List.of(args));
    }

    public boolean ok() {
      return error == null;
    }
  }

  private final PackModel model;
  private String type;
  private String binding;
  private String action;
  private final List<Input> inputs = new ArrayList<>();
  private final List<Output> outputs = new ArrayList<>();
  private final List<Integer> rows = new ArrayList<>();
  private final List<Integer> others = new ArrayList<>();

  private TableLayout(PackModel model) {
    this.model = model;
  }

  /** The table of the pack's rules. */
  public static TableLayout of(PackModel model) {
    return of(model, null);
  }

  /**
   * The table of the pack's rules, keeping the columns (and their order) of an earlier layout
   * of the same table: a column whose cells are all "any" stays until it is removed.
   */
  public static TableLayout of(PackModel model, TableLayout previous) {
    TableLayout t = new TableLayout(model);
    t.read(previous);
    return t;
  }

  private void read(TableLayout previous) {
    for (int i = 0; i < model.rules().size() && type == null; i++) {
      List<Object> when = model.when(i);
      if (when.size() == 1 && Conditions.kind(when.get(0)) == Conditions.Kind.PATTERN) {
        String key = Conditions.key(when.get(0));
        type = Conditions.patternType(key);
        binding = Conditions.patternBinding(key);
      }
    }
    if (type == null && !model.facts().isEmpty()) {
      type = model.facts().keySet().iterator().next();
      binding = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }
    if (previous != null && java.util.Objects.equals(previous.type, type)) {
      action = previous.action;
      inputs.addAll(previous.inputs.stream().filter(c -> fields().containsKey(c.field()))
          .toList());
      outputs.addAll(previous.outputs);
    }
    for (int i = 0; i < model.rules().size(); i++) {
      if (fits(i)) {
        rows.add(i);
        collectColumns(i);
      } else {
        others.add(i);
      }
    }
  }

  // ------------------------------------------------------------------------- shape

  private boolean fits(int rule) {
    if (type == null) {
      return false;
    }
    List<Object> when = model.when(rule);
    if (when.size() != 1 || Conditions.kind(when.get(0)) != Conditions.Kind.PATTERN
        || !Conditions.key(when.get(0)).equals(Conditions.patternKey(type, binding))) {
      return false;
    }
    Object body = Conditions.body(when.get(0));
    if (body != null && !(body instanceof Map<?, ?>)) {
      return false;
    }
    Map<?, ?> constraint = body == null ? Map.of() : (Map<?, ?>) body;
    for (var e : constraint.entrySet()) {
      FieldType ft = fields().get(String.valueOf(e.getKey()));
      if (ft == null || ft.list()) {
        return false;
      }
      if (e.getValue() instanceof Map<?, ?> ops) {
        for (var op : ops.entrySet()) {
          Optional<Operator> o = Operator.fromLabel(String.valueOf(op.getKey()));
          if (o.isEmpty() || !OPERATORS.contains(o.get()) || !literal(op.getValue())) {
            return false;
          }
        }
      } else if (!literal(e.getValue()) || e.getValue() instanceof List<?>) {
        return false;
      }
    }
    boolean emitted = false;
    List<String> scored = new ArrayList<>();
    for (Object item : model.then(rule)) {
      String key = Conditions.key(item);
      Object a = key == null ? null : Conditions.body(item);
      if ("emit".equals(key) && a instanceof Map<?, ?> emit && !emitted
          && emit.get("action") instanceof String name
          && (action == null || action.equals(name))) {
        emitted = true;
      } else if ("score".equals(key) && a instanceof Map<?, ?> s && s.get("weight") == null
          && s.get("name") instanceof String name && !scored.contains(name)
          && NumberInput.parse(String.valueOf(s.get("points")), false).value() != null) {
        scored.add(name);
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean literal(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().allMatch(x -> !(x instanceof Map) && !(x instanceof List) && literal(x));
    }
    return v != null && !(v instanceof Map) && !String.valueOf(v).startsWith("$");
  }

  private void collectColumns(int rule) {
    Map<String, Object> c = constraint(rule);
    c.forEach((field, v) -> {
      if (v instanceof Map<?, ?> ops) {
        ops.keySet().forEach(op -> addColumn(new Input(field,
            Operator.fromLabel(String.valueOf(op)).orElseThrow())));
      } else {
        addColumn(new Input(field, Operator.EQ));
      }
    });
    for (Object item : model.then(rule)) {
      Map<?, ?> a = (Map<?, ?>) Conditions.body(item);
      if ("emit".equals(Conditions.key(item))) {
        action = String.valueOf(a.get("action"));
        a.keySet().stream().map(String::valueOf).filter(k -> !k.equals("action"))
            .forEach(k -> addColumn(new Output(false, k)));
      } else {
        addColumn(new Output(true, String.valueOf(a.get("name"))));
      }
    }
  }

  private void addColumn(Input c) {
    if (!inputs.contains(c)) {
      inputs.add(c);
    }
  }

  private void addColumn(Output c) {
    if (!outputs.contains(c)) {
      outputs.add(c);
    }
  }

  /** The fact type tested by the input columns, or null when the pack declares none. */
  public String type() {
    return type;
  }

  /** The binding of the fact in every row (for references such as {@code $lead.id}). */
  public String binding() {
    return binding;
  }

  /** The action every row emits, or null when no row emits one yet. */
  public String action() {
    return action;
  }

  public List<Input> inputs() {
    return List.copyOf(inputs);
  }

  public List<Output> outputs() {
    return List.copyOf(outputs);
  }

  /** The rule indexes that are rows, in pack order. */
  public List<Integer> rows() {
    return List.copyOf(rows);
  }

  /** The rule indexes that do not fit the table. */
  public List<Integer> others() {
    return List.copyOf(others);
  }

  /** The fields of the table's type, with their types. */
  public Map<String, FieldType> fields() {
    return type == null ? Map.of() : model.fields(type);
  }

  /** The scalar fields an input column can test. */
  public List<String> inputFields() {
    return fields().entrySet().stream().filter(e -> !e.getValue().list()).map(Map.Entry::getKey)
        .toList();
  }

  /** The operators that fit a field (of {@link #OPERATORS}). */
  public List<Operator> operatorsFor(String field) {
    FieldType ft = fields().get(field);
    if (ft == null) {
      return List.of();
    }
    List<String> fitting = Blocks.operatorsFor(ft);
    return OPERATORS.stream().filter(o -> fitting.contains(o.label())).toList();
  }

  /** The parameters the table's action accepts (free for a custom action: none listed). */
  public List<String> actionParameters() {
    if (action == null) {
      return List.of();
    }
    return ActionCatalogue.spec(action).map(s -> s.params().stream()
        .map(ActionCatalogue.ParamSpec::name).toList()).orElse(List.of());
  }

  // ------------------------------------------------------------------------- hit policy

  /** The pack's hit policy. */
  public HitPolicy hitPolicy() {
    Object v = model.root().get("hitPolicy");
    return v == null ? HitPolicy.COLLECT
        : HitPolicy.fromLabel(String.valueOf(v)).orElse(HitPolicy.COLLECT);
  }

  /** Sets the hit policy; collect, the default, is not written. */
  public void setHitPolicy(HitPolicy policy) {
    if (policy == HitPolicy.COLLECT) {
      model.root().remove("hitPolicy");
    } else {
      model.root().put("hitPolicy", policy.label());
    }
  }

  // ------------------------------------------------------------------------- cells

  @SuppressWarnings("unchecked")
  private Map<String, Object> constraint(int rule) {
    return Conditions.constraintOf((Map<String, Object>) model.when(rule).get(0));
  }

  /** The value of an input cell, or null for "any". */
  public Object input(int rule, Input column) {
    Object v = constraint(rule).get(column.field());
    if (v instanceof Map<?, ?> ops) {
      return ops.get(column.operator().label());
    }
    return column.operator() == Operator.EQ ? v : null;
  }

  /** Sets an input cell; null makes it "any" (the test is removed). */
  @SuppressWarnings("unchecked")
  public void setInput(int rule, Input column, Object value) {
    Map<String, Object> c = constraint(rule);
    Object current = c.get(column.field());
    Map<String, Object> ops = new LinkedHashMap<>();
    if (current instanceof Map<?, ?> m) {
      ops.putAll((Map<String, Object>) m);
    } else if (current != null) {
      ops.put(Operator.EQ.label(), current);
    }
    if (value == null) {
      ops.remove(column.operator().label());
    } else {
      ops.put(column.operator().label(), value);
    }
    if (ops.isEmpty()) {
      c.remove(column.field());
    } else if (ops.size() == 1 && ops.containsKey(Operator.EQ.label())) {
      c.put(column.field(), ops.get(Operator.EQ.label()));
    } else {
      c.put(column.field(), ops);
    }
  }

  /** The value of an output cell, or null when the rule does not set it. */
  public Object output(int rule, Output column) {
    for (Object item : model.then(rule)) {
      Map<?, ?> a = (Map<?, ?>) Conditions.body(item);
      if (column.score() && "score".equals(Conditions.key(item))
          && column.name().equals(a.get("name"))) {
        return a.get("points");
      }
      if (!column.score() && "emit".equals(Conditions.key(item))) {
        return a.get(column.name());
      }
    }
    return null;
  }

  /** Sets an output cell; null removes the parameter or the score action. */
  @SuppressWarnings("unchecked")
  public void setOutput(int rule, Output column, Object value) {
    List<Object> then = model.then(rule);
    for (int i = 0; i < then.size(); i++) {
      Map<String, Object> a = (Map<String, Object>) Conditions.body(then.get(i));
      if (column.score() && "score".equals(Conditions.key(then.get(i)))
          && column.name().equals(a.get("name"))) {
        if (value == null) {
          then.remove(i);
        } else {
          a.put("points", value);
        }
        return;
      }
      if (!column.score() && "emit".equals(Conditions.key(then.get(i)))) {
        if (value == null) {
          a.remove(column.name());
        } else {
          a.put(column.name(), value);
        }
        return;
      }
    }
    if (value == null) {
      return;
    }
    Map<String, Object> a = new LinkedHashMap<>();
    if (column.score()) {
      a.put("name", column.name());
      a.put("points", value);
      then.add(new LinkedHashMap<>(Map.of("score", a)));
    } else if (action != null) {
      a.put("action", action);
      a.put(column.name(), value);
      then.add(0, new LinkedHashMap<>(Map.of("emit", a)));
    }
  }

  // ------------------------------------------------------------------------- rows and columns

  /**
   * Adds a row after the last one: a rule on the table's type with every input "any", and the
   * action with the first row's outputs (so it is valid as created when the first row is).
   * Returns the new rule's index.
   */
  @SuppressWarnings("unchecked")
  public int addRow(String titleEn, String titleZh) {
    Map<String, Object> condition = Conditions.pattern(type, binding, new LinkedHashMap<>());
    Map<String, Object> first = rows.isEmpty() ? null : model.rule(rows.get(0));
    List<Object> then = first == null ? new ArrayList<>()
        : (List<Object>) PackModel.deepCopy(first.get("then"));
    Map<String, Object> emit = new LinkedHashMap<>();
    if (then.isEmpty()) {
      emit.put("action", "CREATE_SALES_TASK");
      if (fields().containsKey("customerId")) {
        emit.put("customerId", "$" + binding + ".customerId");
      }
      then.add(new LinkedHashMap<>(Map.of("emit", emit)));
    }
    int index = model.addRule(condition, new LinkedHashMap<>());
    Map<String, Object> rule = model.rule(index);
    rule.put("then", then);
    Map<String, Object> title = new LinkedHashMap<>();
    title.put("en", titleEn);
    title.put("zh-CN", titleZh);
    rule.put("title", title);
    rows.add(index);
    return index;
  }

  /** Removes a row (its rule). */
  public void removeRow(int rule) {
    model.rules().remove(rule);
  }

  /**
   * Moves a row up ({@code -1}) or down ({@code +1}) past the neighbouring row; the rule takes
   * that row's place in the pack (so "first" hit policy follows the table order).
   */
  public boolean moveRow(int rule, int direction) {
    int pos = rows.indexOf(rule);
    int other = pos + direction;
    if (pos < 0 || other < 0 || other >= rows.size()) {
      return false;
    }
    int target = rows.get(other);
    return PackModel.move(model.rules(), rule, target);
  }

  /** Adds an input column (every cell "any"). */
  public void addInput(Input column) {
    addColumn(column);
  }

  /** Adds an output column (every cell empty). */
  public void addOutput(Output column) {
    addColumn(column);
  }

  /** Removes an input column and its tests from every row. */
  public void removeInput(Input column) {
    rows.forEach(r -> setInput(r, column, null));
    inputs.remove(column);
  }

  /** Removes an output column and its values from every row. */
  public void removeOutput(Output column) {
    rows.forEach(r -> setOutput(r, column, null));
    outputs.remove(column);
  }

  /** Moves an input column left ({@code -1}) or right ({@code +1}); the rows follow. */
  public boolean moveInput(Input column, int direction) {
    int from = inputs.indexOf(column);
    if (!PackModel.move(inputs, from, from + direction)) {
      return false;
    }
    List<String> order = inputs.stream().map(Input::field).distinct().toList();
    for (int r : rows) {
      Map<String, Object> c = constraint(r);
      Map<String, Object> sorted = new LinkedHashMap<>();
      order.forEach(f -> {
        if (c.containsKey(f)) {
          sorted.put(f, c.get(f));
        }
      });
      c.forEach(sorted::putIfAbsent);
      c.clear();
      c.putAll(sorted);
    }
    return true;
  }

  /** Moves an output column left or right. */
  @SuppressWarnings("unchecked")
  public boolean moveOutput(Output column, int direction) {
    int from = outputs.indexOf(column);
    if (!PackModel.move(outputs, from, from + direction)) {
      return false;
    }
    for (int r : rows) {
      for (Object item : model.then(r)) {
        if ("emit".equals(Conditions.key(item))) {
          Map<String, Object> a = (Map<String, Object>) Conditions.body(item);
          Map<String, Object> sorted = new LinkedHashMap<>();
          sorted.put("action", a.get("action"));
          outputs.stream().filter(o -> !o.score() && a.containsKey(o.name()))
              .forEach(o -> sorted.put(o.name(), a.get(o.name())));
          a.forEach(sorted::putIfAbsent);
          a.clear();
          a.putAll(sorted);
        }
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------- cell text

  /**
   * Reads the text of an input cell: empty or {@code -} is "any"; a range is {@code low..high};
   * a list is {@code a, b}; values are checked against the field's type.
   */
  public Parsed parseInput(Input column, String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty() || s.equals("-")) {
      return Parsed.ok(null);
    }
    FieldType ft = fields().get(column.field());
    if (ft == null) {
      return Parsed.error("dtable.error.field", column.field());
    }
    switch (column.cellKind()) {
      case RANGE -> {
        int dots = s.indexOf("..");
        if (dots < 0) {
          return Parsed.error("dtable.error.range", s);
        }
        Parsed low = value(ft, s.substring(0, dots));
        Parsed high = value(ft, s.substring(dots + 2));
        if (!low.ok() || low.value() == null) {
          return low.ok() ? Parsed.error("dtable.error.range", s) : low;
        }
        if (!high.ok() || high.value() == null) {
          return high.ok() ? Parsed.error("dtable.error.range", s) : high;
        }
        if (low.value() instanceof Number a && high.value() instanceof Number b
            && new java.math.BigDecimal(a.toString())
                .compareTo(new java.math.BigDecimal(b.toString())) > 0) {
          return Parsed.error("dtable.error.rangeOrder", s);
        }
        return Parsed.ok(new ArrayList<>(List.of(low.value(), high.value())));
      }
      case LIST -> {
        List<Object> items = new ArrayList<>();
        for (String part : s.split("[,，]")) {
          Parsed p = value(ft, part);
          if (!p.ok()) {
            return p;
          }
          if (p.value() != null) {
            items.add(p.value());
          }
        }
        return items.isEmpty() ? Parsed.ok(null) : Parsed.ok(items);
      }
      default -> {
        return value(ft, s);
      }
    }
  }

  /** Reads the text of an output cell: empty is "not set", {@code $...} a reference. */
  public Parsed parseOutput(Output column, String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      return Parsed.ok(null);
    }
    if (column.score()) {
      NumberInput.Parsed n = NumberInput.parse(s, false);
      return n.ok() ? Parsed.ok(n.value()) : Parsed.error(n.error(), s,
          String.valueOf(NumberInput.MAX_INTEGER_DIGITS));
    }
    if (s.startsWith("$")) {
      return Parsed.ok(s);
    }
    Optional<FieldType> ft = action == null ? Optional.empty()
        : ActionCatalogue.spec(action).flatMap(a -> a.param(column.name()))
            .map(ActionCatalogue.ParamSpec::type);
    return ft.map(t -> value(t, s)).orElse(Parsed.ok(s));
  }

  private static Parsed value(FieldType ft, String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return Parsed.ok(null);
    }
    if (s.startsWith("$")) {
      return Parsed.error("dtable.error.reference", s);
    }
    if (ft.isEnum()) {
      return ft.enumValues().contains(s) ? Parsed.ok(s)
          : Parsed.error("dtable.error.enum", s, String.join(", ", ft.enumValues()));
    }
    ValueType v = ft.scalar();
    if (v == ValueType.NUMBER || v == ValueType.INTEGER) {
      NumberInput.Parsed n = NumberInput.parse(s, v == ValueType.INTEGER);
      return n.ok() ? Parsed.ok(n.value())
          : Parsed.error(n.error(), s, String.valueOf(NumberInput.MAX_INTEGER_DIGITS));
    }
    if (v == ValueType.BOOLEAN) {
      return s.equalsIgnoreCase("true") ? Parsed.ok(true) : s.equalsIgnoreCase("false")
          ? Parsed.ok(false) : Parsed.error("dtable.error.boolean", s);
    }
    return Parsed.ok(s);
  }

  /** The text of a cell value in the syntax {@link #parseInput} reads. */
  public static String text(Input column, Object value) {
    if (value == null) {
      return "";
    }
    if (column.cellKind() == CellKind.RANGE && value instanceof List<?> l && l.size() == 2) {
      return l.get(0) + ".." + l.get(1);
    }
    if (value instanceof List<?> l) {
      return String.join(", ", l.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }

  /** The text of an output value. */
  public static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
