package dev.baton.engine.rulepack.internal;

import dev.baton.engine.rulepack.Names;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.Action;
import dev.baton.engine.rulepack.ActionCatalogue;
import dev.baton.engine.rulepack.AggregateFunction;
import dev.baton.engine.rulepack.BuiltInTypes;
import dev.baton.engine.rulepack.Condition;
import dev.baton.engine.rulepack.Constraint;
import dev.baton.engine.rulepack.FactType;
import dev.baton.engine.rulepack.FieldDef;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.LocalizedText;
import dev.baton.engine.rulepack.Operand;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rulepack.PackKind;
import dev.baton.engine.rulepack.Parameter;
import dev.baton.engine.rulepack.Rule;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.ValueType;
import dev.baton.engine.rulepack.internal.Node.ListNode;
import dev.baton.engine.rulepack.internal.Node.MapNode;
import dev.baton.engine.rulepack.internal.Node.Scalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds a {@link RulePack} from a parsed tree and checks everything on the way: structure,
 * names, types, references, score order. Collects every problem with its place; returns null
 * when there is any.
 */
public final class PackReader {

  static final Pattern PACK_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");
  static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
  static final Pattern SCORE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  static final Pattern ACTION_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  static final Pattern PATTERN_KEY =
      Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*))?");
  static final int MAX_PRIORITY = 1000;

  /** Java, DRL and MVEL words that cannot be field names. */
  static final Set<String> RESERVED_FIELDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
      "long", "native", "new", "package", "private", "protected", "public", "return", "short",
      "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
      "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record",
      "yield", "sealed", "permits", "when", "then", "end", "rule", "query", "declare", "global",
      "function", "not", "exists", "forall", "accumulate", "collect", "from", "eval", "and", "or",
      "in", "contains", "matches", "memberOf", "soundslike", "str", "excludes", "over", "entry",
      "init", "action", "reverse", "result", "salience", "modify", "update", "insert", "retract",
      "delete", "drools", "kcontext", "after", "before", "coincides", "during", "finishes",
      "includes", "meets", "overlaps", "starts", "isA", "is", "def", "empty", "nil",
      "length", "size", "hashCode", "getClass");

  private static final Set<String> TOP_KEYS =
      Set.of("id", "version", "kind", "title", "description", "parameters", "scores", "facts",
          "rules", "hitPolicy");
  private static final Set<String> RULE_KEYS = Set.of("id", "title", "priority", "when", "then");
  private static final Set<String> AGG_KEYS = Set.of("of", "field", "where", "within", "is", "as");

  private final String source;
  private final List<Problem> problems;
  private final Map<String, FactType> types = new LinkedHashMap<>();
  private final Map<String, Parameter> params = new LinkedHashMap<>();
  private final Set<String> scores = new HashSet<>();
  private String ruleId;

  private PackReader(String source, List<Problem> problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Reads a pack; adds problems and returns null when the pack is not valid. */
  public static RulePack read(String source, Node root, List<Problem> problems) {
    int before = problems.size();
    RulePack pack = new PackReader(source, problems).pack(root);
    return problems.size() > before ? null : pack;
  }

  // ---------------------------------------------------------------- header

  private RulePack pack(Node root) {
    MapNode m = map(root, "", "the pack");
    if (m == null) {
      return null;
    }
    keys(m, "", TOP_KEYS);
    String id = requiredString(m, "id", "");
    if (id != null && !PACK_ID.matcher(id).matches()) {
      at(m.entries().get("id"), "id", "The pack id '" + id + "' is not valid.",
          "Use lower-case letters, digits and '-', starting with a letter, at most 63 characters,"
              + " e.g. consent-check.");
    }
    String version = requiredString(m, "version", "");
    if (version != null && !SEMVER.matcher(version).matches()) {
      at(m.entries().get("version"), "version",
          "The version '" + version + "' is not a semantic version.",
          "Write MAJOR.MINOR.PATCH, e.g. 1.0.0 or 1.1.0-rc.1.");
    }
    PackKind kind = null;
    String kindText = requiredString(m, "kind", "");
    if (kindText != null) {
      kind = PackKind.fromLabel(kindText).orElse(null);
      if (kind == null) {
        at(m.entries().get("kind"), "kind", "Unknown kind '" + kindText + "'.",
            "Use one of " + Arrays.stream(PackKind.values()).map(PackKind::label).toList() + ".");
      }
    }
    LocalizedText title = text(m, "title", "", true);
    LocalizedText description = text(m, "description", "", false);
    List<String> scoreList = scores(m.entries().get("scores"));
    List<Parameter> parameters = parameters(m.entries().get("parameters"));
    List<FactType> factTypes = facts(m.entries().get("facts"));
    HitPolicy hitPolicy = hitPolicy(m);
    List<Rule> rules = rules(m);
    if (!rules.isEmpty() && problems.isEmpty()) {
      ScoreOrder.check(rules, source, problems, this::ruleLine);
    }
    if (hitPolicy != null && hitPolicy.singleHit() && !rules.isEmpty() && problems.isEmpty()) {
      singleHitScores(rules, hitPolicy, m.entries().get("hitPolicy"));
    }
    return new RulePack(id, version, kind, title, description, parameters, scoreList, factTypes,
        rules, hitPolicy);
  }

  private HitPolicy hitPolicy(MapNode m) {
    String text = optionalString(m, "hitPolicy", "");
    if (text == null) {
      return HitPolicy.COLLECT;
    }
    HitPolicy policy = HitPolicy.fromLabel(text).orElse(null);
    if (policy == null) {
      at(m.entries().get("hitPolicy"), "hitPolicy", "Unknown hit policy '" + text + "'.",
          "Use one of " + Arrays.stream(HitPolicy.values()).map(HitPolicy::label).toList()
              + " (collect, the default, fires every matching rule).");
    }
    return policy;
  }

  /**
   * With one hit per evaluation a rule cannot wait for the total of a score that other rules of
   * the pack add to: the first rule to fire would end the evaluation before the total exists.
   */
  private void singleHitScores(List<Rule> rules, HitPolicy policy, Node at) {
    Map<String, Integer> stages = ScoreOrder.stages(rules);
    for (Rule r : rules) {
      if (stages.get(r.id()) > 0) {
        problems.add(new Problem(source, at == null ? 0 : at.line(), at == null ? 0 : at.column(),
            r.id(), "hitPolicy",
            "With hitPolicy " + policy.label() + " only one rule fires, but rule '" + r.id()
                + "' tests a score that other rules of this pack add to.",
            "Use hitPolicy collect, or move the rules that compute the score into an earlier"
                + " pack of the pipeline."));
      }
    }
  }

  private final Map<String, Node> ruleNodes = new LinkedHashMap<>();

  private int[] ruleLine(String id) {
    Node n = ruleNodes.get(id);
    return n == null ? new int[] {0, 0} : new int[] {n.line(), n.column()};
  }

  private List<String> scores(Node node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    ListNode l = list(node, "scores", "the list of score names");
    if (l == null) {
      return out;
    }
    for (int i = 0; i < l.items().size(); i++) {
      String name = string(l.items().get(i), "scores[" + i + "]", "a score name");
      if (name == null) {
        continue;
      }
      if (!SCORE_NAME.matcher(name).matches()) {
        at(l.items().get(i), "scores[" + i + "]", "The score name '" + name + "' is not valid.",
            "Use letters, digits and '_', starting with a letter, e.g. CMI.");
      } else if (!scores.add(name)) {
        at(l.items().get(i), "scores[" + i + "]", "The score '" + name + "' is listed twice.",
            "Remove one.");
      } else {
        out.add(name);
      }
    }
    return out;
  }

  private List<Parameter> parameters(Node node) {
    List<Parameter> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    MapNode m = map(node, "parameters", "the parameters");
    if (m == null) {
      return out;
    }
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String name = e.getKey();
      String path = "parameters." + name;
      if (!FIELD_NAME.matcher(name).matches()) {
        atKey(m, name, path, "The parameter name '" + name + "' is not valid.",
            "Start with a lower-case letter; letters and digits only, e.g. cmiThreshold.");
        continue;
      }
      MapNode pm = map(e.getValue(), path, "a parameter {type, value, title}");
      if (pm == null) {
        continue;
      }
      keys(pm, path, Set.of("type", "value", "title"));
      Node typeNode = pm.entries().get("type");
      if (typeNode == null) {
        at(pm, path, "The parameter has no type.", "Add e.g. type: number.");
        continue;
      }
      FieldType type = fieldType(typeNode, path + ".type");
      Node valueNode = pm.entries().get("value");
      if (valueNode == null) {
        at(pm, path, "The parameter has no value.", "Add e.g. value: 70.");
        continue;
      }
      if (type == null) {
        continue;
      }
      Object value = type.list()
          ? listLiteral(valueNode, type, path + ".value")
          : literal(valueNode, type, path + ".value");
      LocalizedText title = text(pm, "title", path, false);
      if (value != null) {
        Parameter p = new Parameter(name, type, value, title);
        params.put(name, p);
        out.add(p);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- facts

  private List<FactType> facts(Node node) {
    List<FactType> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    MapNode m = map(node, "facts", "the fact types");
    if (m == null) {
      return out;
    }
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String name = e.getKey();
      String path = "facts." + name;
      if (!TYPE_NAME.matcher(name).matches()) {
        atKey(m, name, path, "The fact type name '" + name + "' is not valid.",
            "Start with an upper-case letter; letters and digits only, e.g. OutreachRequest.");
        continue;
      }
      if (BuiltInTypes.named(name).isPresent() || name.startsWith("Baton")
          || isJavaLangClass(name)) {
        atKey(m, name, path, "The fact type name '" + name + "' is reserved.",
            "Choose another name; Score, ProposedAction, names starting with Baton and Java's"
                + " basic class names (String, Integer, Math...) are taken.");
        continue;
      }
      List<FieldDef> fields = new ArrayList<>();
      Node fieldsNode = e.getValue();
      if (fieldsNode instanceof Scalar s && s.value() == null) {
        out.add(new FactType(name, fields));
        types.put(name, out.get(out.size() - 1));
        continue;
      }
      MapNode fm = map(fieldsNode, path, "a map of field names to types");
      if (fm == null) {
        continue;
      }
      for (Map.Entry<String, Node> f : fm.entries().entrySet()) {
        String fname = f.getKey();
        String fpath = path + "." + fname;
        if (!FIELD_NAME.matcher(fname).matches()) {
          atKey(fm, fname, fpath, "The field name '" + fname + "' is not valid.",
              "Start with a lower-case letter; letters and digits only, e.g. customerId.");
          continue;
        }
        if (RESERVED_FIELDS.contains(fname)) {
          atKey(fm, fname, fpath, "The field name '" + fname + "' is a reserved word.",
              "Choose another name, e.g. " + fname + "Value.");
          continue;
        }
        FieldType t = fieldType(f.getValue(), fpath);
        if (t != null) {
          fields.add(new FieldDef(fname, t));
        }
      }
      FactType type = new FactType(name, fields);
      out.add(type);
      types.put(name, type);
    }
    return out;
  }

  private static boolean isJavaLangClass(String name) {
    try {
      Class.forName("java.lang." + name, false, PackReader.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private FieldType fieldType(Node node, String path) {
    if (node instanceof Scalar s && s.value() instanceof String name) {
      Optional<ValueType> t = ValueType.fromLabel(name);
      if (t.isPresent()) {
        return FieldType.of(t.get());
      }
      at(node, path, "Unknown field type '" + name + "'.", typeHint());
      return null;
    }
    if (node instanceof MapNode m && m.entries().size() == 1) {
      if (m.entries().containsKey("enum")) {
        ListNode l = list(m.entries().get("enum"), path + ".enum", "the list of enum values");
        if (l == null) {
          return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
          String v = string(l.items().get(i), path + ".enum[" + i + "]", "an enum value");
          if (v == null) {
            continue;
          }
          if (v.isEmpty() || hasControl(v)) {
            at(l.items().get(i), path + ".enum[" + i + "]", "Enum values must be non-empty text"
                + " without control characters.", "Use a word such as VOICE.");
          } else if (values.contains(v)) {
            at(l.items().get(i), path + ".enum[" + i + "]", "The enum value '" + v
                + "' is listed twice.", "Remove one.");
          } else {
            values.add(v);
          }
        }
        if (values.isEmpty()) {
          at(l, path + ".enum", "An enum needs at least one value.", "List its values.");
          return null;
        }
        return FieldType.enumOf(values);
      }
      if (m.entries().containsKey("list")) {
        Node el = m.entries().get("list");
        if (el instanceof Scalar s && s.value() instanceof String name) {
          Optional<ValueType> t = ValueType.fromLabel(name);
          if (t.isPresent()) {
            return FieldType.listOf(t.get());
          }
        }
        at(el, path + ".list", "A list's element type must be a scalar type.", typeHint());
        return null;
      }
    }
    at(node, path, "Expected a field type, found " + node.describe() + ".", typeHint());
    return null;
  }

  private static String typeHint() {
    return "Use one of " + Arrays.stream(ValueType.values()).map(ValueType::label).toList()
        + ", {enum: [A, B]} or {list: string}.";
  }

  // ---------------------------------------------------------------- rules

  private List<Rule> rules(MapNode root) {
    List<Rule> out = new ArrayList<>();
    Node node = root.entries().get("rules");
    if (node == null) {
      at(root, "rules", "The pack has no rules.", "Add a 'rules:' list with at least one rule.");
      return out;
    }
    ListNode l = list(node, "rules", "the list of rules");
    if (l == null) {
      return out;
    }
    if (l.items().isEmpty()) {
      at(l, "rules", "The pack has no rules.", "Add at least one rule.");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < l.items().size(); i++) {
      ruleId = null;
      Rule r = rule(l.items().get(i), "rules[" + i + "]", ids);
      if (r != null) {
        out.add(r);
      }
    }
    ruleId = null;
    return out;
  }

  private Rule rule(Node node, String path, Set<String> ids) {
    MapNode m = map(node, path, "a rule");
    if (m == null) {
      return null;
    }
    String id = requiredString(m, "id", path);
    if (id != null) {
      if (!PACK_ID.matcher(id).matches()) {
        at(m.entries().get("id"), path + ".id", "The rule id '" + id + "' is not valid.",
            "Use lower-case letters, digits and '-', starting with a letter, e.g. cmi-high.");
      } else if (!ids.add(id)) {
        at(m.entries().get("id"), path + ".id", "The rule id '" + id + "' is used twice.",
            "Give each rule its own id.");
      } else {
        ruleNodes.put(id, m);
      }
      ruleId = id;
    }
    keys(m, path, RULE_KEYS);
    LocalizedText title = text(m, "title", path, true);
    int priority = 0;
    Node pn = m.entries().get("priority");
    if (pn != null) {
      if (pn instanceof Scalar s && s.value() instanceof BigDecimal d && isWhole(d)
          && d.abs().compareTo(BigDecimal.valueOf(MAX_PRIORITY)) <= 0) {
        priority = d.intValue();
      } else {
        at(pn, path + ".priority", "The priority must be a whole number from -" + MAX_PRIORITY
            + " to " + MAX_PRIORITY + ", found " + pn.describe() + ".", "Write e.g. priority: 10.");
      }
    }
    Scope scope = new Scope();
    List<Condition> when = new ArrayList<>();
    Node wn = m.entries().get("when");
    if (wn != null && !(wn instanceof Scalar s && s.value() == null)) {
      ListNode wl = list(wn, path + ".when", "the list of conditions");
      if (wl != null) {
        for (int i = 0; i < wl.items().size(); i++) {
          Condition c = condition(wl.items().get(i), path + ".when[" + i + "]", scope);
          if (c != null) {
            when.add(c);
          }
        }
      }
    }
    List<Action> then = new ArrayList<>();
    Node tn = m.entries().get("then");
    if (tn == null) {
      at(m, path, "The rule has no actions.", "Add a 'then:' list, e.g. - emit: {action: ...}.");
    } else {
      ListNode tl = list(tn, path + ".then", "the list of actions");
      if (tl != null) {
        if (tl.items().isEmpty()) {
          at(tl, path + ".then", "The rule has no actions.", "Add at least one action.");
        }
        for (int i = 0; i < tl.items().size(); i++) {
          Action a = action(tl.items().get(i), path + ".then[" + i + "]", scope);
          if (a != null) {
            then.add(a);
          }
        }
      }
    }
    return new Rule(id, title, priority, when, then);
  }

  /** Names bound so far in a rule (copied for groups, whose names stay inside). */
  private static final class Scope {
    final Map<String, FactType> facts = new LinkedHashMap<>();
    final Set<String> aggregates = new HashSet<>();

    Scope copy() {
      Scope s = new Scope();
      s.facts.putAll(facts);
      s.aggregates.addAll(aggregates);
      return s;
    }

    boolean has(String name) {
      return facts.containsKey(name) || aggregates.contains(name);
    }
  }

  private Condition condition(Node node, String path, Scope scope) {
    MapNode m = map(node, path, "a condition");
    if (m == null) {
      return null;
    }
    if (m.entries().size() != 1) {
      at(m, path, "A condition is a map with exactly one key, found " + m.entries().size() + ".",
          "Write each condition as its own list item, e.g. - Consent: {status: GRANTED}.");
      return null;
    }
    Map.Entry<String, Node> e = m.entries().entrySet().iterator().next();
    String key = e.getKey().trim();
    Node value = e.getValue();
    switch (key) {
      case "not":
      case "exists": {
        Condition.Pattern p = singlePattern(value, path + "." + key, scope);
        if (p == null) {
          return null;
        }
        return key.equals("not") ? new Condition.Not(p) : new Condition.Exists(p);
      }
      case "any":
      case "all": {
        ListNode l = list(value, path + "." + key, "a list of conditions");
        if (l == null) {
          return null;
        }
        if (l.items().isEmpty()) {
          at(l, path + "." + key, "'" + key + "' needs at least one condition.", "Add one.");
          return null;
        }
        boolean isAny = key.equals("any");
        Scope inner = scope.copy();
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
          Scope partScope = isAny ? scope.copy() : inner;
          Condition c = condition(l.items().get(i), path + "." + key + "[" + i + "]", partScope);
          if (c != null) {
            parts.add(c);
          }
        }
        return isAny ? new Condition.AnyOf(parts) : new Condition.AllOf(parts);
      }
      default:
        break;
    }
    Optional<AggregateFunction> fn = AggregateFunction.fromLabel(key);
    if (fn.isPresent()) {
      return aggregate(fn.get(), value, path + "." + key, scope);
    }
    Matcher pk = PATTERN_KEY.matcher(key);
    if (!pk.matches()) {
      atKey(m, e.getKey(), path, "'" + e.getKey() + "' is not a condition.",
          "Write 'Type: {...}', 'Type as name: {...}', not, exists, any, all, count, sum, avg,"
              + " min or max.");
      return null;
    }
    String typeName = pk.group(1);
    String binding = pk.group(2);
    FactType type = type(typeName, m, e.getKey(), path);
    if (type == null) {
      return null;
    }
    String ppath = path + "." + typeName;
    if (binding != null) {
      if (!checkBindingName(binding, m, e.getKey(), ppath, scope)) {
        return null;
      }
    }
    Constraint c = constraintMap(value, type, ppath, scope);
    if (binding != null) {
      scope.facts.put(binding, type);
    }
    return c == null ? null : new Condition.Pattern(typeName, binding, c);
  }

  private boolean checkBindingName(String binding, MapNode m, String key, String path,
      Scope scope) {
    if (!FIELD_NAME.matcher(binding).matches() || binding.equals("params")
        || binding.equals("now") || RESERVED_FIELDS.contains(binding)) {
      atKey(m, key, path, "'" + binding + "' cannot be used as a name.",
          "Use a lower-case word other than params and now, e.g. req.");
      return false;
    }
    if (scope.has(binding)) {
      atKey(m, key, path, "The name '" + binding + "' is already bound in this rule.",
          "Choose another name.");
      return false;
    }
    return true;
  }

  private Condition.Pattern singlePattern(Node value, String path, Scope scope) {
    MapNode m = map(value, path, "a single pattern such as {Consent: {status: GRANTED}}");
    if (m == null) {
      return null;
    }
    if (m.entries().size() != 1) {
      at(m, path, "Expected exactly one pattern here, found " + m.entries().size() + " keys.",
          "Write e.g. not: {Consent: {customerId: $req.customerId}}.");
      return null;
    }
    Map.Entry<String, Node> e = m.entries().entrySet().iterator().next();
    String key = e.getKey().trim();
    if (!TYPE_NAME.matcher(key).matches()) {
      atKey(m, e.getKey(), path, "'" + e.getKey() + "' is not a fact type here.",
          "Inside not and exists write one 'Type: {constraints}' (no 'as').");
      return null;
    }
    FactType type = type(key, m, e.getKey(), path);
    if (type == null) {
      return null;
    }
    Constraint c = constraintMap(e.getValue(), type, path + "." + key, scope);
    return c == null ? null : new Condition.Pattern(key, null, c);
  }

  private FactType type(String name, MapNode m, String key, String path) {
    FactType t = types.get(name);
    if (t == null) {
      t = BuiltInTypes.named(name).orElse(null);
    }
    if (t == null) {
      List<String> known = new ArrayList<>(types.keySet());
      BuiltInTypes.ALL.forEach(b -> known.add(b.name()));
      atKey(m, key, path, "Unknown fact type '" + name + "'.",
          didYouMean(name, known) + "Declared types: " + known + ".");
    }
    return t;
  }

  private Condition aggregate(AggregateFunction fn, Node value, String path, Scope scope) {
    MapNode m = map(value, path, "an aggregate {of, field, where, within, is, as}");
    if (m == null) {
      return null;
    }
    keys(m, path, AGG_KEYS);
    String of = requiredString(m, "of", path);
    if (of == null) {
      return null;
    }
    FactType type = type(of, m, "of", path + ".of");
    if (type == null) {
      return null;
    }
    String field = null;
    Node fn2 = m.entries().get("field");
    if (fn == AggregateFunction.COUNT) {
      if (fn2 != null) {
        at(fn2, path + ".field", "count takes no field.", "Remove 'field'.");
      }
    } else {
      field = requiredString(m, "field", path);
      if (field != null) {
        Optional<FieldDef> fd = type.field(field);
        if (fd.isEmpty()) {
          at(fn2, path + ".field", "Unknown field '" + field + "' of " + of + ".",
              fieldsHint(field, type));
          field = null;
        } else if (fd.get().type().list() || fd.get().type().isEnum()
            || (fd.get().type().scalar() != ValueType.NUMBER
                && fd.get().type().scalar() != ValueType.INTEGER)) {
          at(fn2, path + ".field", "The field '" + field + "' is " + fd.get().type().describe()
              + "; " + fn.label() + " needs a number or integer field.", "Pick a numeric field.");
          field = null;
        }
      }
    }
    Constraint where = new Constraint.All(List.of());
    if (m.entries().containsKey("where")) {
      where = constraintMap(m.entries().get("where"), type, path + ".where", scope);
    }
    Condition.Window window = null;
    Node wn = m.entries().get("within");
    if (wn != null) {
      MapNode wm = map(wn, path + ".within", "a window {field, last}");
      if (wm != null) {
        keys(wm, path + ".within", Set.of("field", "last"));
        String wf = requiredString(wm, "field", path + ".within");
        String last = requiredString(wm, "last", path + ".within");
        Optional<FieldDef> fd = wf == null ? Optional.empty() : type.field(wf);
        if (wf != null && (fd.isEmpty() || fd.get().type().list()
            || !fd.get().type().scalar().isTime())) {
          at(wm.entries().get("field"), path + ".within.field", "'" + wf + "' is not a date or"
              + " datetime field of " + of + ".", fieldsHint(wf, type));
        } else if (last != null) {
          java.time.Duration d = Values.duration(last);
          if (d == null || d.isNegative() || d.isZero()) {
            at(wm.entries().get("last"), path + ".within.last", "'" + last
                + "' is not a positive duration.", "Write an ISO-8601 duration such as P30D or"
                + " PT3M (days, hours, minutes, seconds).");
          } else if (fd.get().type().scalar() == ValueType.DATE && !Values.wholeDays(d)) {
            at(wm.entries().get("last"), path + ".within.last", "A window over the date field '"
                + wf + "' must be whole days, found " + last + ".", "Write e.g. P30D.");
          } else {
            window = new Condition.Window(wf, d);
          }
        }
      }
    }
    List<Constraint.Test> is = new ArrayList<>();
    Node isNode = m.entries().get("is");
    if (isNode != null) {
      FieldType resultType = FieldType.of(
          fn == AggregateFunction.COUNT ? ValueType.INTEGER : ValueType.NUMBER);
      MapNode im = map(isNode, path + ".is", "an operator map such as {gte: 3}");
      if (im != null) {
        for (Map.Entry<String, Node> op : im.entries().entrySet()) {
          Constraint.Test t = operatorTest("result", resultType, op.getKey(), op.getValue(), im,
              path + ".is", scope);
          if (t != null) {
            is.add(t);
          }
        }
      }
    }
    String binding = null;
    String as = m.entries().containsKey("as") ? requiredString(m, "as", path) : null;
    if (as != null && checkBindingName(as, m, "as", path + ".as", scope)) {
      binding = as;
      scope.aggregates.add(as);
    }
    if (where == null || (fn != AggregateFunction.COUNT && field == null)) {
      return null;
    }
    return new Condition.Aggregate(fn, of, field, where, window, is, binding);
  }

  // ---------------------------------------------------------------- constraints

  private Constraint constraintMap(Node node, FactType type, String path, Scope scope) {
    if (node instanceof Scalar s && s.value() == null) {
      return new Constraint.All(List.of());
    }
    MapNode m = map(node, path, "a map of field constraints such as {status: GRANTED}");
    if (m == null) {
      return null;
    }
    List<Constraint> parts = new ArrayList<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : m.entries().entrySet()) {
      String key = e.getKey();
      String kpath = path + "." + key;
      if (key.equals("any") || key.equals("all")) {
        ListNode l = list(e.getValue(), kpath, "a list of constraint maps");
        if (l == null) {
          ok = false;
          continue;
        }
        if (l.items().isEmpty()) {
          at(l, kpath, "'" + key + "' needs at least one constraint map.", "Add one.");
          ok = false;
          continue;
        }
        List<Constraint> group = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
          Constraint c = constraintMap(l.items().get(i), type, kpath + "[" + i + "]", scope);
          if (c == null) {
            ok = false;
          } else {
            group.add(c);
          }
        }
        if (key.equals("all")) {
          group.forEach(g -> parts.addAll(g instanceof Constraint.All a ? a.parts() : List.of(g)));
        } else {
          parts.add(new Constraint.Any(group.stream().map(g -> g instanceof Constraint.All a
              && a.parts().size() == 1 ? a.parts().get(0) : g).toList()));
        }
        continue;
      }
      Optional<FieldDef> fd = type.field(key);
      if (fd.isEmpty()) {
        atKey(m, key, kpath, "Unknown field '" + key + "' of " + type.name() + ".",
            fieldsHint(key, type));
        ok = false;
        continue;
      }
      FieldType ft = fd.get().type();
      Node v = e.getValue();
      if (v instanceof MapNode om && !om.entries().containsKey("literal")) {
        if (om.entries().isEmpty()) {
          at(om, kpath, "Empty operator map.", "Write e.g. {gte: 70}.");
          ok = false;
        }
        for (Map.Entry<String, Node> op : om.entries().entrySet()) {
          Constraint.Test t = operatorTest(key, ft, op.getKey(), op.getValue(), om, kpath, scope);
          if (t == null) {
            ok = false;
          } else {
            parts.add(t);
          }
        }
      } else {
        if (ft.list()) {
          at(v, kpath, "The field '" + key + "' is a list; it cannot be compared for equality.",
              "Use {contains: value} or {empty: true}.");
          ok = false;
          continue;
        }
        if (v instanceof ListNode) {
          at(v, kpath, "A list cannot be compared with the field '" + key + "'.",
              "To test membership write {in: [A, B]}.");
          ok = false;
          continue;
        }
        Operand o = operand(v, ft, kpath, scope);
        if (o == null) {
          ok = false;
        } else {
          parts.add(new Constraint.Test(key, Operator.EQ, List.of(o)));
        }
      }
    }
    if (!ok) {
      return null;
    }
    return new Constraint.All(parts);
  }

  private Constraint.Test operatorTest(String field, FieldType ft, String opKey, Node arg,
      MapNode om, String path, Scope scope) {
    String opath = path + "." + opKey;
    Optional<Operator> found = Operator.fromLabel(opKey);
    if (found.isEmpty()) {
      List<String> ops = Arrays.stream(Operator.values()).map(Operator::label).toList();
      atKey(om, opKey, opath, "Unknown operator '" + opKey + "'.",
          didYouMean(opKey, ops) + "Operators: " + ops + ".");
      return null;
    }
    Operator op = found.get();
    FieldType el = ft.element();
    switch (op) {
      case EQ:
      case NE: {
        if (ft.list()) {
          at(arg, opath, "'" + opKey + "' does not apply to the list field '" + field + "'.",
              "Use contains or empty.");
          return null;
        }
        Operand o = operand(arg, ft, opath, scope);
        return o == null ? null : new Constraint.Test(field, op, List.of(o));
      }
      case LT:
      case LTE:
      case GT:
      case GTE:
      case BETWEEN: {
        if (ft.list() || ft.isEnum() || !ft.scalar().isOrdered()) {
          at(arg, opath, "'" + opKey + "' needs a number, integer, date, datetime or duration"
              + " field; '" + field + "' is " + ft.describe() + ".", "Use eq, ne or in.");
          return null;
        }
        if (op != Operator.BETWEEN) {
          Operand o = operand(arg, ft, opath, scope);
          return o == null ? null : new Constraint.Test(field, op, List.of(o));
        }
        ListNode l = list(arg, opath, "a list [low, high]");
        if (l == null) {
          return null;
        }
        if (l.items().size() != 2) {
          at(l, opath, "between takes exactly two values, found " + l.items().size() + ".",
              "Write between: [low, high].");
          return null;
        }
        Operand lo = operand(l.items().get(0), ft, opath + "[0]", scope);
        Operand hi = operand(l.items().get(1), ft, opath + "[1]", scope);
        if (lo instanceof Operand.Literal a && hi instanceof Operand.Literal b
            && Values.compare(a.value(), b.value()) > 0) {
          at(l, opath, "The low value is above the high value.", "Swap them.");
          return null;
        }
        return lo == null || hi == null ? null : new Constraint.Test(field, op, List.of(lo, hi));
      }
      case IN:
      case NOT_IN: {
        if (ft.list()) {
          at(arg, opath, "'" + opKey + "' does not apply to the list field '" + field + "'.",
              "Use contains.");
          return null;
        }
        ListNode l = list(arg, opath, "a list of values");
        if (l == null) {
          return null;
        }
        if (l.items().isEmpty()) {
          at(l, opath, "'" + opKey + "' needs at least one value.", "List the values.");
          return null;
        }
        List<Operand> args = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
          Operand o = operand(l.items().get(i), ft, opath + "[" + i + "]", scope);
          if (o == null) {
            return null;
          }
          args.add(o);
        }
        return new Constraint.Test(field, op, args);
      }
      case CONTAINS:
      case STARTS_WITH: {
        boolean ok = ft.list() ? op == Operator.CONTAINS
            : ft.scalar() == ValueType.STRING && !ft.isEnum();
        if (!ok) {
          at(arg, opath, "'" + opKey + "' needs a " + (op == Operator.CONTAINS ? "string or list"
              : "string") + " field; '" + field + "' is " + ft.describe() + ".",
              "Use eq or in.");
          return null;
        }
        Operand o = operand(arg, el, opath, scope);
        return o == null ? null : new Constraint.Test(field, op, List.of(o));
      }
      case EMPTY:
      case NOT_EMPTY: {
        if (!(arg instanceof Scalar s && s.value() instanceof Boolean b)) {
          at(arg, opath, "'" + opKey + "' takes true or false, found " + arg.describe() + ".",
              "Write " + opKey + ": true.");
          return null;
        }
        boolean empty = (op == Operator.EMPTY) == b;
        return new Constraint.Test(field, empty ? Operator.EMPTY : Operator.NOT_EMPTY, List.of());
      }
      case OLDER_THAN:
      case WITHIN_LAST: {
        if (ft.list() || !ft.scalar().isTime()) {
          at(arg, opath, "'" + opKey + "' needs a date or datetime field; '" + field + "' is "
              + ft.describe() + ".", "Use lt or gt.");
          return null;
        }
        Operand o = operand(arg, FieldType.of(ValueType.DURATION), opath, scope);
        if (o instanceof Operand.Literal lit) {
          java.time.Duration d = (java.time.Duration) lit.value();
          if (d.isNegative()) {
            at(arg, opath, "The duration must not be negative.", "Write e.g. PT3M.");
            return null;
          }
          if (ft.scalar() == ValueType.DATE && !Values.wholeDays(d)) {
            at(arg, opath, "'" + field + "' is a date; the duration must be whole days.",
                "Write e.g. P2D.");
            return null;
          }
        } else if (o != null) {
          at(arg, opath, "'" + opKey + "' takes a literal duration such as PT3M.",
              "Write the duration itself.");
          return null;
        }
        return o == null ? null : new Constraint.Test(field, op, List.of(o));
      }
      default:
        throw new IllegalStateException(op.name());
    }
  }

  // ---------------------------------------------------------------- operands

  private Operand operand(Node node, FieldType expected, String path, Scope scope) {
    if (node instanceof MapNode m && m.entries().containsKey("literal")) {
      if (m.entries().size() != 1) {
        at(m, path, "{literal: ...} takes nothing else.", "Remove the other keys.");
        return null;
      }
      Object v = literal(m.entries().get("literal"), expected, path + ".literal");
      return v == null ? null : new Operand.Literal(v);
    }
    if (node instanceof Scalar s && s.value() instanceof String text && text.startsWith("$")) {
      return reference(node, text, expected, path, scope);
    }
    Object v = literal(node, expected, path);
    return v == null ? null : new Operand.Literal(v);
  }

  private Operand reference(Node node, String text, FieldType expected, String path,
      Scope scope) {
    String ref = text.substring(1);
    if (ref.equals("now")) {
      if (expected.list() || !expected.scalar().isTime()) {
        at(node, path, "$now is a time; it cannot stand for " + expected.describe() + ".",
            "Use $now with date or datetime fields only.");
        return null;
      }
      return new Operand.Now();
    }
    int dot = ref.indexOf('.');
    String head = dot < 0 ? ref : ref.substring(0, dot);
    String tail = dot < 0 ? null : ref.substring(dot + 1);
    if (head.equals("params")) {
      Parameter p = tail == null ? null : params.get(tail);
      if (p == null) {
        at(node, path, "Unknown parameter '" + text + "'.",
            didYouMean(tail == null ? "" : tail, new ArrayList<>(params.keySet()))
                + "Declared parameters: " + params.keySet() + ".");
        return null;
      }
      if (!compatible(p.type(), expected)) {
        at(node, path, "The parameter " + text + " is " + p.type().describe() + ", but "
            + expected.describe() + " is needed here.", "Use a parameter of the right type.");
        return null;
      }
      return new Operand.ParamRef(tail);
    }
    if (tail == null) {
      if (scope.aggregates.contains(head)) {
        if (expected.list() || (expected.scalar() != ValueType.NUMBER
            && expected.scalar() != ValueType.INTEGER)) {
          at(node, path, "$" + head + " is a number; " + expected.describe()
              + " is needed here.", "Compare it with a numeric field.");
          return null;
        }
        return new Operand.AggregateRef(head);
      }
      if (scope.facts.containsKey(head)) {
        at(node, path, "'" + text + "' names a whole fact; name one of its fields.",
            "Write e.g. " + text + "." + scope.facts.get(head).fields().stream().findFirst()
                .map(FieldDef::name).orElse("field") + ".");
        return null;
      }
      at(node, path, "'" + text + "' is not bound earlier in this rule.",
          boundHint(scope) + " To write text starting with $ use {literal: \"" + text + "\"}.");
      return null;
    }
    FactType t = scope.facts.get(head);
    if (t == null) {
      at(node, path, "'$" + head + "' is not bound earlier in this rule.",
          boundHint(scope) + " To write text starting with $ use {literal: \"" + text + "\"}.");
      return null;
    }
    Optional<FieldDef> fd = t.field(tail);
    if (fd.isEmpty()) {
      at(node, path, "'" + t.name() + "' (bound as $" + head + ") has no field '" + tail + "'.",
          fieldsHint(tail, t));
      return null;
    }
    if (!compatible(fd.get().type(), expected)) {
      at(node, path, text + " is " + fd.get().type().describe() + ", but " + expected.describe()
          + " is needed here.", "Refer to a field of the same type.");
      return null;
    }
    return new Operand.FieldRef(head, tail);
  }

  private static String boundHint(Scope scope) {
    List<String> names = new ArrayList<>();
    scope.facts.keySet().forEach(n -> names.add("$" + n));
    scope.aggregates.forEach(n -> names.add("$" + n));
    return names.isEmpty()
        ? "Bind a fact first with 'Type as name: {...}' in an earlier condition."
        : "Names bound so far: " + names + ".";
  }

  static boolean compatible(FieldType actual, FieldType expected) {
    if (actual.list() || expected.list()) {
      return actual.list() == expected.list() && actual.scalar() == expected.scalar();
    }
    ValueType a = actual.scalar();
    ValueType b = expected.scalar();
    if (a == b) {
      return true;
    }
    boolean numA = a == ValueType.NUMBER || a == ValueType.INTEGER;
    boolean numB = b == ValueType.NUMBER || b == ValueType.INTEGER;
    return numA && numB;
  }

  /** A literal of the expected type, or null after adding a problem. */
  private Object literal(Node node, FieldType expected, String path) {
    if (node instanceof MapNode || node instanceof ListNode) {
      at(node, path, "Expected " + expected.element().describe() + ", found " + node.describe()
          + ".", "Write a single value.");
      return null;
    }
    Object raw = ((Scalar) node).value();
    FieldType el = expected.element();
    Object v = Values.literal(raw, el);
    if (v == null) {
      at(node, path, "Expected " + el.describe() + ", found " + node.describe() + ".",
          Values.hint(el, raw));
      return null;
    }
    if (v instanceof String s && hasControl(s)) {
      at(node, path, "Text must not contain control characters such as line breaks.",
          "Remove them; write the text on one line.");
      return null;
    }
    return v;
  }

  private List<Object> listLiteral(Node node, FieldType type, String path) {
    ListNode l = list(node, path, "a list");
    if (l == null) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < l.items().size(); i++) {
      Object v = literal(l.items().get(i), type.element(), path + "[" + i + "]");
      if (v == null) {
        return null;
      }
      out.add(v);
    }
    return out;
  }

  static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- actions

  private Action action(Node node, String path, Scope scope) {
    MapNode m = map(node, path, "an action");
    if (m == null) {
      return null;
    }
    if (m.entries().size() != 1) {
      at(m, path, "An action is a map with exactly one key, found " + m.entries().size() + ".",
          "Write each action as its own list item, e.g. - emit: {action: SEND_TEXT, ...}.");
      return null;
    }
    Map.Entry<String, Node> e = m.entries().entrySet().iterator().next();
    String key = e.getKey();
    String apath = path + "." + key;
    FieldType text = FieldType.of(ValueType.STRING);
    switch (key) {
      case "block":
      case "allow": {
        MapNode am = map(e.getValue(), apath, "a map {reason, proof}");
        if (am == null) {
          return null;
        }
        keys(am, apath, Set.of("reason", "proof"));
        String reason = key.equals("block") ? requiredString(am, "reason", apath)
            : optionalString(am, "reason", apath);
        if (reason != null && (reason.isBlank() || hasControl(reason))) {
          at(am.entries().get("reason"), apath + ".reason", "The reason must be non-empty text"
              + " on one line.", "Say why, e.g. Customer refused voice contact.");
          return null;
        }
        Operand proof = null;
        Node pn = am.entries().get("proof");
        if (pn != null) {
          proof = anyScalarOperand(pn, apath + ".proof", scope);
          if (proof == null) {
            return null;
          }
        }
        if (key.equals("block") && reason == null) {
          return null;
        }
        return key.equals("block") ? new Action.Block(reason, proof)
            : new Action.Allow(reason, proof);
      }
      case "emit": {
        MapNode am = map(e.getValue(), apath, "a map {action, parameters...}");
        if (am == null) {
          return null;
        }
        String name = requiredString(am, "action", apath);
        if (name == null) {
          return null;
        }
        if (!ACTION_NAME.matcher(name).matches()) {
          at(am.entries().get("action"), apath + ".action", "'" + name
              + "' is not a valid action name.", "Use upper-case letters, digits and '_', e.g."
              + " SEND_TEXT. Catalogue: " + ActionCatalogue.all().stream()
              .map(ActionCatalogue.ActionSpec::name).toList() + ".");
          return null;
        }
        Optional<ActionCatalogue.ActionSpec> spec = ActionCatalogue.spec(name);
        Map<String, Operand> ps = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Node> p : am.entries().entrySet()) {
          if (p.getKey().equals("action")) {
            continue;
          }
          String ppath = apath + "." + p.getKey();
          if (!FIELD_NAME.matcher(p.getKey()).matches()) {
            atKey(am, p.getKey(), ppath, "'" + p.getKey() + "' is not a valid parameter name.",
                "Start with a lower-case letter; letters and digits only.");
            ok = false;
            continue;
          }
          Operand o;
          if (spec.isPresent()) {
            Optional<ActionCatalogue.ParamSpec> ps2 = spec.get().param(p.getKey());
            if (ps2.isEmpty()) {
              List<String> names = spec.get().params().stream()
                  .map(ActionCatalogue.ParamSpec::name).toList();
              atKey(am, p.getKey(), ppath, name + " has no parameter '" + p.getKey() + "'.",
                  didYouMean(p.getKey(), names) + "Its parameters: " + names + ".");
              ok = false;
              continue;
            }
            o = operand(p.getValue(), ps2.get().type(), ppath, scope);
          } else {
            o = anyScalarOperand(p.getValue(), ppath, scope);
          }
          if (o == null) {
            ok = false;
          } else {
            ps.put(p.getKey(), o);
          }
        }
        if (spec.isPresent()) {
          for (ActionCatalogue.ParamSpec p : spec.get().params()) {
            if (p.required() && !am.entries().containsKey(p.name())) {
              at(am, apath, name + " needs the parameter '" + p.name() + "'.",
                  "Add " + p.name() + ": ...");
              ok = false;
            }
          }
        }
        return ok ? new Action.Emit(name, ps) : null;
      }
      case "score": {
        MapNode am = map(e.getValue(), apath, "a map {name, points, weight}");
        if (am == null) {
          return null;
        }
        keys(am, apath, Set.of("name", "points", "weight"));
        String name = requiredString(am, "name", apath);
        if (name != null && !scores.contains(name)) {
          at(am.entries().get("name"), apath + ".name", "The score '" + name
              + "' is not declared.", "Add it to the pack's 'scores:' list, e.g. scores: ["
              + name + "].");
          name = null;
        }
        Node pn = am.entries().get("points");
        Operand points = null;
        if (pn == null) {
          at(am, apath, "The score action has no points.", "Add e.g. points: 10.");
        } else {
          points = operand(pn, FieldType.of(ValueType.NUMBER), apath + ".points", scope);
        }
        Operand weight = null;
        Node wn = am.entries().get("weight");
        if (wn != null) {
          weight = operand(wn, FieldType.of(ValueType.NUMBER), apath + ".weight", scope);
          if (weight == null) {
            return null;
          }
        }
        return name == null || points == null ? null : new Action.Score(name, points, weight);
      }
      default:
        atKey(m, key, apath, "Unknown action '" + key + "'.",
            didYouMean(key, List.of("block", "allow", "emit", "score"))
                + "Actions: block, allow, emit, score.");
        return null;
    }
  }

  /** A literal string, number or boolean, or a reference to any scalar. */
  private Operand anyScalarOperand(Node node, String path, Scope scope) {
    if (node instanceof Scalar s && s.value() instanceof String t && t.startsWith("$")) {
      String ref = t.substring(1);
      int dot = ref.indexOf('.');
      if (dot > 0 && scope.facts.containsKey(ref.substring(0, dot))) {
        FactType ft = scope.facts.get(ref.substring(0, dot));
        Optional<FieldDef> fd = ft.field(ref.substring(dot + 1));
        if (fd.isPresent()) {
          return reference(node, t, fd.get().type(), path, scope);
        }
      }
      if (dot > 0 && ref.startsWith("params.") && params.containsKey(ref.substring(dot + 1))) {
        return reference(node, t, params.get(ref.substring(dot + 1)).type(), path, scope);
      }
      return reference(node, t, FieldType.of(ValueType.NUMBER), path, scope);
    }
    if (node instanceof MapNode m && m.entries().containsKey("literal")) {
      return operand(node, FieldType.of(ValueType.STRING), path, scope);
    }
    if (node instanceof Scalar s && s.value() != null) {
      Object v = s.value();
      if (v instanceof String str && hasControl(str)) {
        at(node, path, "Text must not contain control characters such as line breaks.",
            "Write the text on one line.");
        return null;
      }
      return new Operand.Literal(v);
    }
    at(node, path, "Expected a text, number, boolean or reference, found " + node.describe()
        + ".", "Write a single value.");
    return null;
  }

  // ---------------------------------------------------------------- helpers

  private MapNode map(Node node, String path, String what) {
    if (node instanceof MapNode m) {
      return m;
    }
    at(node, path, "Expected " + what + ", found " + (node == null ? "nothing" : node.describe())
        + ".", "Write a map (key: value) here.");
    return null;
  }

  private ListNode list(Node node, String path, String what) {
    if (node instanceof ListNode l) {
      return l;
    }
    at(node, path, "Expected " + what + ", found " + (node == null ? "nothing" : node.describe())
        + ".", "Write a list (items starting with '- ', or [a, b]) here.");
    return null;
  }

  private String string(Node node, String path, String what) {
    if (node instanceof Scalar s && s.value() instanceof String str) {
      return str;
    }
    at(node, path, "Expected " + what + " (text), found "
        + (node == null ? "nothing" : node.describe()) + ".", "Write a text value.");
    return null;
  }

  private String requiredString(MapNode m, String key, String path) {
    Node n = m.entries().get(key);
    String p = path.isEmpty() ? key : path + "." + key;
    if (n == null) {
      at(m, p, "'" + key + "' is missing.", "Add " + key + ": ...");
      return null;
    }
    return string(n, p, "'" + key + "'");
  }

  private String optionalString(MapNode m, String key, String path) {
    Node n = m.entries().get(key);
    return n == null ? null : string(n, path.isEmpty() ? key : path + "." + key, "'" + key + "'");
  }

  private LocalizedText text(MapNode m, String key, String path, boolean required) {
    Node n = m.entries().get(key);
    String p = path.isEmpty() ? key : path + "." + key;
    if (n == null) {
      if (required) {
        at(m, p, "'" + key + "' is missing.", "Add " + key + ": {en: ..., zh-CN: ...}.");
      }
      return null;
    }
    MapNode tm = map(n, p, "a text in en and zh-CN, {en: ..., zh-CN: ...}");
    if (tm == null) {
      return null;
    }
    keys(tm, p, Set.of("en", "zh-CN"));
    String en = requiredString(tm, "en", p);
    String zh = requiredString(tm, "zh-CN", p);
    for (String t : new String[] {en, zh}) {
      if (t != null && (t.isBlank() || hasControl(t))) {
        at(tm, p, "Texts must be non-empty and on one line.", "Write a short text.");
      }
    }
    return new LocalizedText(en, zh);
  }

  private void keys(MapNode m, String path, Set<String> allowed) {
    for (String k : m.entries().keySet()) {
      if (!allowed.contains(k)) {
        atKey(m, k, path.isEmpty() ? k : path + "." + k, "Unknown key '" + k + "'.",
            didYouMean(k, new ArrayList<>(allowed)) + "Allowed here: "
                + allowed.stream().sorted().collect(Collectors.joining(", ")) + ".");
      }
    }
  }

  private String fieldsHint(String name, FactType type) {
    List<String> names = type.fields().stream().map(FieldDef::name).toList();
    return didYouMean(name, names) + type.name() + " has the fields " + names + ".";
  }

  static String didYouMean(String name, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = Names.editDistance(name.toLowerCase(java.util.Locale.ROOT),
          c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3)
        ? "Did you mean '" + best + "'? " : "";
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private void at(Node node, String path, String message, String hint) {
    problems.add(new Problem(source, node == null ? 0 : node.line(),
        node == null ? 0 : node.column(), ruleId, path, message, hint));
  }

  private void atKey(MapNode m, String key, String path, String message, String hint) {
    int[] pos = m.keyPositions().get(key);
    problems.add(new Problem(source, pos == null ? m.line() : pos[0],
        pos == null ? m.column() : pos[1], ruleId, path, message, hint));
  }
}
