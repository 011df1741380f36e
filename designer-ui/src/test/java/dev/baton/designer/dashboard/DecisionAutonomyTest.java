package dev.baton.designer.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which recorded decisions count as the AI acting without a person. */
class DecisionAutonomyTest {

  private static String decision(String actions, String vetoed) {
    return "{\"now\":\"2026-11-27T09:00:00Z\",\"actions\":[" + actions + "],\"vetoed\":["
        + vetoed + "]}";
  }

  private static String action(String name, String actor) {
    return "{\"id\":\"a1\",\"action\":\"" + name + "\",\"params\":{\"customerId\":\"C-1\""
        + (actor == null ? "" : ",\"actor\":\"" + actor + "\"") + "},\"pack\":\"p\",\"rule\":\"r\"}";
  }

  @Test
  void shouldCountTheAiWhenEveryFinalActionIsByTheAi() {
    // when
    DecisionAutonomy a = DecisionAutonomy.of(decision(action("GENERATE_BATTLE_PACK", "AI") + ","
        + action("PUSH_CONTENT_PACK", "AI"), ""));
    // then
    assertThat(a).isEqualTo(DecisionAutonomy.AI);
  }

  @Test
  void shouldCountAPersonWhenAHumanReviewIsRequired() {
    // when: the ai-trigger pack routes the visit to a person (no actor on that action)
    DecisionAutonomy a = DecisionAutonomy.of(decision(action("REQUIRE_HUMAN_REVIEW", null) + ","
        + action("GRADE_OPPORTUNITY", "AI"), ""));
    // then
    assertThat(a).isEqualTo(DecisionAutonomy.HUMAN);
  }

  @Test
  void shouldCountAPersonWhenAnActionIsByAHuman() {
    assertThat(DecisionAutonomy.of(decision(action("CREATE_SALES_TASK", "HUMAN"), "")))
        .isEqualTo(DecisionAutonomy.HUMAN);
  }

  @Test
  void shouldCountAPersonWhenEveryAiActionWasVetoed() {
    // when: consent vetoed the AI's only action
    DecisionAutonomy a = DecisionAutonomy.of(decision("", "{\"action\":"
        + action("PUSH_CONTENT_PACK", "AI") + ",\"reason\":\"no consent\",\"proof\":\"NO-CONSENT-RECORD\"}"));
    // then
    assertThat(a).isEqualTo(DecisionAutonomy.HUMAN);
  }

  @Test
  void shouldLeaveADecisionOutWhenNothingWasToBeDone() {
    assertThat(DecisionAutonomy.of(decision("", ""))).isEqualTo(DecisionAutonomy.NO_ACTION);
    assertThat(DecisionAutonomy.of("{\"now\":\"2026-11-27T09:00:00Z\"}"))
        .isEqualTo(DecisionAutonomy.NO_ACTION);
  }

  @Test
  void shouldRefuseTextThatIsNoDecision() {
    assertThatThrownBy(() -> DecisionAutonomy.of("[1,2]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DecisionAutonomy.of("{oops"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
