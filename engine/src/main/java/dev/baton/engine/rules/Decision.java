package dev.baton.engine.rules;

import dev.baton.engine.rules.internal.DecisionJson;
import dev.baton.engine.rules.internal.LazyNearestMisses;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an evaluation, with its reasons. Values in maps are JSON-like: text, numbers
 * ({@code BigDecimal}), booleans, lists; dates, times and durations as ISO-8601 text.
 *
 * @param packs the packs evaluated, in pipeline order, with their content hashes
 * @param blocked true when a rule blocked the request itself (not only a proposed action)
 * @param actions the final actions: proposed and not vetoed, in the order they were proposed
 * @param vetoed proposed actions that a later pack blocked, with reason and proof
 * @param blocks request-level blocks with reason and proof
 * @param allows explicit permissions with reason and proof
 * @param scores the score totals
 * @param fired the rules that fired, in firing order, with the facts each matched
 * @param nearestMisses for each rule that did not fire: the first condition that failed (the
 *     engine computes them on first access: reading them costs about as much as the evaluation)
 * @param proofs every proof referenced by a block, veto or allow, without repeats
 */
public record Decision(
    String requestId,
    String actor,
    Instant now,
    List<PackRef> packs,
    boolean blocked,
    List<DecidedAction> actions,
    List<Veto> vetoed,
    List<Verdict> blocks,
    List<Verdict> allows,
    Map<String, BigDecimal> scores,
    List<FiredRule> fired,
    List<NearestMiss> nearestMisses,
    List<Object> proofs) {

  public Decision {
    packs = List.copyOf(packs);
    actions = List.copyOf(actions);
    vetoed = List.copyOf(vetoed);
    blocks = List.copyOf(blocks);
    allows = List.copyOf(allows);
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    fired = List.copyOf(fired);
    // The engine explains misses on first access; that list is already immutable.
    nearestMisses = nearestMisses instanceof LazyNearestMisses ? nearestMisses
        : List.copyOf(nearestMisses);
    proofs = List.copyOf(proofs);
  }

  /** The same decision without nearest misses (for callers that do not want the why-not). */
  public Decision withoutNearestMisses() {
    return new Decision(requestId, actor, now, packs, blocked, actions, vetoed, blocks, allows,
        scores, fired, List.of(), proofs);
  }

  /** A pack of the pipeline: id, version and SHA-256 content hash. */
  public record PackRef(String id, String version, String hash) {}

  /** An action: its id in this decision, name, parameters and the rule that proposed it. */
  public record DecidedAction(
      String id, String action, Map<String, Object> params, String pack, String rule) {
    public DecidedAction {
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }

  /** A proposed action that a rule vetoed. */
  public record Veto(DecidedAction action, String pack, String rule, String reason, Object proof) {}

  /** A block or an allow: the rule, its reason and its proof. */
  public record Verdict(String pack, String rule, String reason, Object proof) {}

  /** A rule that fired and the facts it matched. */
  public record FiredRule(String pack, String rule, String title, List<MatchedFact> matched) {
    public FiredRule {
      matched = List.copyOf(matched);
    }
  }

  /**
   * A fact a rule matched.
   *
   * @param binding the name the rule gave it, or null
   * @param index the fact's position among the input facts of its type, -1 for facts the engine
   *     made (scores, actions proposed in the pipeline)
   */
  public record MatchedFact(String binding, String type, int index, Map<String, Object> values) {
    public MatchedFact {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /**
   * Why a rule did not fire: the first condition that failed, for the fact that came closest.
   *
   * @param condition 1-based index of the condition in the rule's {@code when}
   * @param explanation readable, e.g. {@code Score[CMI].value 68 < 70}
   * @param field the field tested, or null
   * @param operator the operator's file name, or null
   * @param expected the value compared with, or null
   * @param actual the fact's value, or null
   */
  public record NearestMiss(
      String pack,
      String rule,
      int condition,
      String explanation,
      String field,
      String operator,
      Object expected,
      Object actual) {}

  /** The ids of the rules that fired, without repeats, in firing order. */
  public List<String> firedRuleIds() {
    return fired.stream().map(FiredRule::rule).distinct().toList();
  }

  /** The decision as indented JSON (schema: docs/decision-format.md). */
  public String toJson() {
    return DecisionJson.write(this);
  }

  /** The decision as compact JSON: {@link #toJson()} without the whitespace between tokens. */
  public String toCompactJson() {
    return DecisionJson.writeCompact(this);
  }

  /**
   * {@link #toCompactJson()} encoded as UTF-8 onto {@code out}, which is closed at the end:
   * for comparing with a stored copy without making the text.
   */
  public void writeCompactJson(OutputStream out) {
    DecisionJson.writeCompact(this, out);
  }
}
