package dev.baton.engine.rulepack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The actions an {@code emit} may name, with their parameters. Names outside the catalogue are
 * custom actions with free parameters.
 */
public final class ActionCatalogue {

  /** A parameter of a catalogued action. */
  public record ParamSpec(String name, FieldType type, boolean required) {}

  /** A catalogued action and its parameters (the common ones included). */
  public record ActionSpec(String name, LocalizedText title, List<ParamSpec> params) {
    public ActionSpec {
      params = List.copyOf(params);
    }

    /** The parameter with this name. */
    public Optional<ParamSpec> param(String paramName) {
      return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
  }

  /** Parameters every action accepts. */
  public static final List<ParamSpec> COMMON = List.of(
      new ParamSpec("customerId", FieldType.of(ValueType.STRING), false),
      new ParamSpec("channel", FieldType.of(ValueType.STRING), false),
      new ParamSpec("actor", FieldType.enumOf(List.of("AI", "HUMAN")), false),
      new ParamSpec("note", FieldType.of(ValueType.STRING), false));

  private static final List<String> CHANNELS = List.of("EMAIL", "SMS", "VOICE", "WECHAT");
  private static final List<String> PURPOSES = List.of("MARKETING", "SALES_FOLLOW_UP", "SERVICE");

  private static final Map<String, ActionSpec> SPECS = new LinkedHashMap<>();

  static {
    add("SEND_TEXT", "Send a text or picture message", "发送图文消息",
        new ParamSpec("channel", FieldType.enumOf(List.of("SMS", "EMAIL", "WECHAT")), true),
        new ParamSpec("template", FieldType.of(ValueType.STRING), false),
        new ParamSpec("requestId", FieldType.of(ValueType.STRING), false),
        new ParamSpec("fromChannel", FieldType.enumOf(CHANNELS), false),
        new ParamSpec("purpose", FieldType.enumOf(PURPOSES), false),
        new ParamSpec("consentProof", FieldType.of(ValueType.STRING), false),
        new ParamSpec("vetoProof", FieldType.of(ValueType.STRING), false));
    add("PUSH_CONTENT_PACK", "Push a tailored content pack", "推送定制内容包",
        new ParamSpec("contentPack", FieldType.of(ValueType.STRING), false));
    add("CREATE_SALES_TASK", "Create a sales follow-up task", "创建销售跟进任务",
        new ParamSpec("priority", FieldType.enumOf(List.of("LOW", "NORMAL", "HIGH")), false));
    add("GENERATE_BATTLE_PACK", "Generate the pre-visit battle pack", "生成拜访作战包",
        new ParamSpec("visitRequestId", FieldType.of(ValueType.STRING), false));
    add("REQUIRE_HUMAN_REVIEW", "Require a human review", "需要人工审核",
        new ParamSpec("reason", FieldType.of(ValueType.STRING), true),
        new ParamSpec("queue", FieldType.of(ValueType.STRING), false),
        new ParamSpec("visitRequestId", FieldType.of(ValueType.STRING), false));
    add("CONTENT_REPLENISHMENT_TASK", "Create a content-replenishment task", "创建内容补给任务",
        new ParamSpec("page", FieldType.of(ValueType.STRING), false));
    // A vetoed action proposed again on a channel the customer allows: whoever carries it out
    // finds the original (with all its parameters) in the decision's vetoed list by its id.
    add("REROUTE_ACTION", "Carry out a vetoed action on an allowed channel instead",
        "改用已授权渠道执行被否决的动作",
        new ParamSpec("channel", FieldType.enumOf(CHANNELS), true),
        new ParamSpec("originalAction", FieldType.of(ValueType.STRING), true),
        new ParamSpec("originalActionId", FieldType.of(ValueType.STRING), false),
        new ParamSpec("fromChannel", FieldType.enumOf(CHANNELS), false),
        new ParamSpec("purpose", FieldType.enumOf(PURPOSES), false),
        new ParamSpec("consentProof", FieldType.of(ValueType.STRING), true),
        new ParamSpec("vetoProof", FieldType.of(ValueType.STRING), true));
  }

  private ActionCatalogue() {}

  private static void add(String name, String en, String zh, ParamSpec... specific) {
    Map<String, ParamSpec> params = new LinkedHashMap<>();
    params.put("customerId", new ParamSpec("customerId", FieldType.of(ValueType.STRING), true));
    for (ParamSpec common : COMMON) {
      params.putIfAbsent(common.name(), common);
    }
    for (ParamSpec s : specific) {
      params.put(s.name(), s);
    }
    SPECS.put(name, new ActionSpec(name, new LocalizedText(en, zh), List.copyOf(params.values())));
  }

  /** The catalogued action with this name; empty for a custom action. */
  public static Optional<ActionSpec> spec(String name) {
    return Optional.ofNullable(SPECS.get(name));
  }

  /** Every catalogued action, in catalogue order. */
  public static List<ActionSpec> all() {
    return List.copyOf(SPECS.values());
  }
}
