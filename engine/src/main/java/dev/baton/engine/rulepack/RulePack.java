package dev.baton.engine.rulepack;

import java.util.List;
import java.util.Optional;

/**
 * A rule pack: header, parameters, declared fact types and rules. Identity is {@code (id,
 * version)}; content identity is {@link RulePacks#contentHash(RulePack)}. Build it with {@link
 * RulePacks}, which validates; a pack built by hand is validated again when compiled.
 *
 * @param hitPolicy which matching rules fire; null reads as {@link HitPolicy#COLLECT}
 */
public record RulePack(
    String id,
    String version,
    PackKind kind,
    LocalizedText title,
    LocalizedText description,
    List<Parameter> parameters,
    List<String> scores,
    List<FactType> factTypes,
    List<Rule> rules,
    HitPolicy hitPolicy) {

  public RulePack {
    parameters = List.copyOf(parameters);
    hitPolicy = hitPolicy == null ? HitPolicy.COLLECT : hitPolicy;
    scores = List.copyOf(scores);
    factTypes = List.copyOf(factTypes);
    rules = List.copyOf(rules);
  }

  /** A pack whose matching rules all fire ({@link HitPolicy#COLLECT}). */
  public RulePack(String id, String version, PackKind kind, LocalizedText title,
      LocalizedText description, List<Parameter> parameters, List<String> scores,
      List<FactType> factTypes, List<Rule> rules) {
    this(id, version, kind, title, description, parameters, scores, factTypes, rules,
        HitPolicy.COLLECT);
  }

  /** The same pack with another hit policy. */
  public RulePack withHitPolicy(HitPolicy policy) {
    return new RulePack(id, version, kind, title, description, parameters, scores, factTypes,
        rules, policy);
  }

  /** The declared fact type with this name (built-in types are not listed here). */
  public Optional<FactType> factType(String name) {
    return factTypes.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The rule with this id. */
  public Optional<Rule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }

  /** The parameter with this name. */
  public Optional<Parameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** {@code id@version}. */
  public String coordinates() {
    return id + "@" + version;
  }
}
