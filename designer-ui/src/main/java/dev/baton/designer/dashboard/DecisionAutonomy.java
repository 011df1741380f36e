package dev.baton.designer.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether the AI could act on a recorded decision without a person, read from the decision as
 * the decision log stores it (docs/decision-format.md). The rule, in order:
 *
 * <ol>
 *   <li>{@link #NO_ACTION}: no final action and no vetoed action — nothing was to be done (not
 *       a scenario; left out of the autonomy coverage);
 *   <li>{@link #HUMAN}: a final action routes to a person — {@code REQUIRE_HUMAN_REVIEW}, or an
 *       action with {@code actor: HUMAN} (e.g. {@code CREATE_SALES_TASK});
 *   <li>{@link #AI}: otherwise, at least one final action has {@code actor: AI} (e.g. {@code
 *       GENERATE_BATTLE_PACK}, {@code PUSH_CONTENT_PACK}, the consent fallback {@code
 *       SEND_TEXT});
 *   <li>{@link #HUMAN}: otherwise — every AI action was vetoed (for lack of consent) or the
 *       actions name no actor, so a person has to act.
 * </ol>
 */
public enum DecisionAutonomy {
  /** The AI acted on its own. */
  AI,
  /** A person had to act. */
  HUMAN,
  /** Nothing was to be done. */
  NO_ACTION;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The action the ai-trigger pack emits when a person reviews first. */
  public static final String REQUIRE_HUMAN_REVIEW = "REQUIRE_HUMAN_REVIEW";

  /**
   * Classifies a decision's JSON.
   *
   * @throws IllegalArgumentException when the text is not a decision's JSON
   */
  public static DecisionAutonomy of(String decisionJson) {
    JsonNode root;
    try {
      root = JSON.readTree(decisionJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a decision's JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Not a decision's JSON: expected an object");
    }
    JsonNode actions = root.path("actions");
    JsonNode vetoed = root.path("vetoed");
    if (actions.size() == 0 && vetoed.size() == 0) {
      return NO_ACTION;
    }
    boolean ai = false;
    for (JsonNode a : actions) {
      String actor = a.path("params").path("actor").asText("");
      if (REQUIRE_HUMAN_REVIEW.equals(a.path("action").asText()) || "HUMAN".equals(actor)) {
        return HUMAN;
      }
      ai |= "AI".equals(actor);
    }
    return ai ? AI : HUMAN;
  }
}
