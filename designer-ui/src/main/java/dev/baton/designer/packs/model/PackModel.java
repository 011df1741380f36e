package dev.baton.designer.packs.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.BuiltInTypes;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rulepack.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pack being edited in the designer: a mutable tree in the pack file's canonical layout
 * (maps, lists and scalars, as in {@code pack.yaml}). Every edit changes the tree; {@link
 * #validate()} writes it as YAML and asks the engine's reader for every problem, with paths
 * such as {@code rules[2].when[0].Consent.status} that the designer shows on the block they
 * concern; {@link #toPack()} gives the validated pack to save. Not thread-safe (one per editor).
 */
public final class PackModel {
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private final Map<String, Object> root;

  private PackModel(Map<String, Object> root) {
    this.root = root;
  }

  /** The editable tree of a pack. */
  public static PackModel of(RulePack pack) {
    return parseYaml(RulePacks.toYaml(pack));
  }

  /** The editable tree of pack YAML text (not validated). */
  @SuppressWarnings("unchecked")
  public static PackModel parseYaml(String yaml) {
    try {
      Object tree = YAML.readValue(yaml, LinkedHashMap.class);
      return new PackModel((Map<String, Object>) deepCopy(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** An independent copy. */
  public PackModel copy() {
    return new PackModel(root(deepCopy(root)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> root(Object o) {
    return (Map<String, Object>) o;
  }

  /** A deep copy of a tree of maps, lists and scalars (maps keep their order). */
  @SuppressWarnings("unchecked")
  public static Object deepCopy(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(deepCopy(v)));
      return out;
    }
    return o;
  }

  /** A value of the tree as one line of YAML flow text ({@code {a: 1, b: [x, y]}}). */
  public static String inline(Object v) {
    if (v instanceof Map<?, ?> m) {
      return "{" + String.join(", ", m.entrySet().stream().map(e -> e.getKey() + ": "
          + inline(e.getValue())).toList()) + "}";
    }
    if (v instanceof java.util.Collection<?> l) {
      return "[" + String.join(", ", l.stream().map(PackModel::inline).toList()) + "]";
    }
    return String.valueOf(v);
  }

  /** The pack as YAML in the canonical layout of the tree. */
  public String toYaml() {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every problem the engine's reader finds; empty when the pack is valid. */
  public List<Problem> validate() {
    return RulePacks.validate("designer", toYaml());
  }

  /** The validated pack. @throws dev.baton.engine.rulepack.RulePackInvalidException if not */
  public RulePack toPack() {
    return RulePacks.parse("designer", toYaml());
  }

  /** The root of the tree (id, version, kind, title, parameters, scores, facts, rules). */
  public Map<String, Object> root() {
    return root;
  }

  /** Replaces the whole tree by a copy of another (undo, redo, a restored working copy). */
  @SuppressWarnings("unchecked")
  public void replaceRoot(Map<String, Object> other) {
    Map<String, Object> copy = (Map<String, Object>) deepCopy(other);
    root.clear();
    root.putAll(copy);
  }

  public String id() {
    return String.valueOf(root.get("id"));
  }

  public String version() {
    return String.valueOf(root.get("version"));
  }

  public void setVersion(String v) {
    root.put("version", v);
  }

  /** The rules, each a map with id, title, priority, when, then. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> rules() {
    return (List<Map<String, Object>>) root.computeIfAbsent("rules", k -> new ArrayList<>());
  }

  /** The rule at an index. */
  public Map<String, Object> rule(int index) {
    return rules().get(index);
  }

  /** The conditions of a rule. */
  @SuppressWarnings("unchecked")
  public List<Object> when(int rule) {
    return (List<Object>) rule(rule).computeIfAbsent("when", k -> new ArrayList<>());
  }

  /** The actions of a rule. */
  @SuppressWarnings("unchecked")
  public List<Object> then(int rule) {
    return (List<Object>) rule(rule).computeIfAbsent("then", k -> new ArrayList<>());
  }

  /** The declared fact types: type name to field name to field spec. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> facts() {
    return (Map<String, Map<String, Object>>) root.computeIfAbsent("facts",
        k -> new LinkedHashMap<>());
  }

  /** The parameters: name to {type, value, title}. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> parameters() {
    Object p = root.get("parameters");
    return p == null ? Map.of() : (Map<String, Map<String, Object>>) p;
  }

  /** The score names. */
  @SuppressWarnings("unchecked")
  public List<String> scores() {
    Object s = root.get("scores");
    return s == null ? List.of() : (List<String>) s;
  }

  /** Declared fact type names, then the built-in ones (Score, ProposedAction). */
  public List<String> typeNames() {
    List<String> out = new ArrayList<>(facts().keySet());
    BuiltInTypes.ALL.forEach(b -> out.add(b.name()));
    return out;
  }

  /** The fields of a declared or built-in type, in order, with their types. */
  public Map<String, FieldType> fields(String type) {
    Map<String, FieldType> out = new LinkedHashMap<>();
    Map<String, Object> declared = facts().get(type);
    if (declared != null) {
      declared.forEach((f, spec) -> out.put(f, fieldType(spec)));
      return out;
    }
    Optional<FactType> builtIn = BuiltInTypes.ALL.stream().filter(b -> b.name().equals(type))
        .findFirst();
    builtIn.ifPresent(b -> b.fields().forEach(f -> out.put(f.name(), f.type())));
    return out;
  }

  /** The type of one field, or empty when the type or field is unknown. */
  public Optional<FieldType> fieldType(String type, String field) {
    return Optional.ofNullable(fields(type).get(field));
  }

  /**
   * Reads a field spec of the pack syntax: {@code string}, {@code {enum: [A, B]}}, {@code
   * {list: number}}; an unknown spec reads as string (the reader reports it).
   */
  public static FieldType fieldType(Object spec) {
    if (spec instanceof String s) {
      return FieldType.of(ValueType.fromLabel(s).orElse(ValueType.STRING));
    }
    if (spec instanceof Map<?, ?> m) {
      if (m.get("enum") instanceof List<?> values) {
        return FieldType.enumOf(values.stream().map(String::valueOf).toList());
      }
      if (m.get("list") instanceof String el) {
        return FieldType.listOf(ValueType.fromLabel(el).orElse(ValueType.STRING));
      }
    }
    return FieldType.of(ValueType.STRING);
  }

  /** The spec of a field type in the pack syntax. */
  public static Object spec(FieldType type) {
    if (type.isEnum()) {
      return new LinkedHashMap<>(Map.of("enum", new ArrayList<>(type.enumValues())));
    }
    if (type.list()) {
      return new LinkedHashMap<>(Map.of("list", type.scalar().label()));
    }
    return type.scalar().label();
  }

  // ------------------------------------------------------------------- structure edits

  /** Moves an element of a list; indexes outside the list are ignored. */
  public static <T> boolean move(List<T> list, int from, int to) {
    if (from < 0 || from >= list.size() || to < 0 || to >= list.size() || from == to) {
      return false;
    }
    T item = list.remove(from);
    list.add(to, item);
    return true;
  }

  /** Adds a rule with a fresh id, one condition and one action; returns its index. */
  public int addRule(Map<String, Object> condition, Map<String, Object> action) {
    String id = freshRuleId();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("title", new LinkedHashMap<>(Map.of("en", id)));
    r.put("when", new ArrayList<>(List.of(condition)));
    r.put("then", new ArrayList<>(List.of(action)));
    rules().add(r);
    return rules().size() - 1;
  }

  /**
   * Adds a starter rule that is valid as created: a fact of the pack's first declared type
   * bound as {@code $<type>}, and an action that creates a sales task for its customer (when
   * the type has a customer id). Titles in both languages. Returns the rule's index.
   */
  public int addStarterRule(String titleEn, String titleZh) {
    List<String> declared = new ArrayList<>(facts().keySet());
    String type = declared.stream().filter(t -> fields(t).containsKey("customerId"))
        .findFirst().orElse(declared.isEmpty() ? null : declared.get(0));
    if (type == null) {
      facts().put("Customer", new LinkedHashMap<>(Map.of("customerId", "string")));
      type = "Customer";
    }
    String binding = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    Map<String, Object> condition = Conditions.pattern(type, binding, new LinkedHashMap<>());
    Map<String, Object> emit = new LinkedHashMap<>();
    emit.put("action", "CREATE_SALES_TASK");
    if (fields(type).containsKey("customerId")) {
      emit.put("customerId", "$" + binding + ".customerId");
    }
    Map<String, Object> action = new LinkedHashMap<>(Map.of("emit", emit));
    int index = addRule(condition, action);
    Map<String, Object> title = new LinkedHashMap<>();
    title.put("en", titleEn);
    title.put("zh-CN", titleZh);
    rule(index).put("title", title);
    return index;
  }

  private String freshRuleId() {
    int n = rules().size() + 1;
    while (true) {
      String id = "rule-" + n;
      if (rules().stream().noneMatch(r -> id.equals(r.get("id")))) {
        return id;
      }
      n++;
    }
  }
}
