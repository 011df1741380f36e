package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.audit.DecisionQuery;
import dev.baton.engine.audit.ExportFormat;
import dev.baton.engine.audit.Masking;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a privacy officer checks: the demo log (the three demo visit requests run through the
 * battle-pack workflow), exported with the personal-data policy, holds none of the personal
 * values anywhere in the file — not in the columns, the facts, the actions, the reasons, nor
 * inside identifiers that embed them (request ids like {@code VR-DEMO-2002}).
 */
class MaskedDemoExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every value of a personal field anywhere in the tree, and the columns that are personal. */
  private static void personalValues(JsonNode node, Set<String> out) {
    if (node.isArray()) {
      node.forEach(n -> personalValues(n, out));
    } else if (node.isObject()) {
      if ("Score".equals(node.path("type").asText())) {
        return; // a score's name (CMI) is nobody's
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode v = e.getValue();
        if (Masking.PERSONAL_FIELDS.contains(e.getKey()) && v.isValueNode() && !v.isNull()) {
          out.add(v.asText());
        } else {
          personalValues(v, out);
        }
      }
    }
  }

  @Test
  void shouldLeaveNoPersonalValueAnywhereWhenTheDemoLogIsExportedMasked() throws Exception {
    try (BattlePackWorkflowTest.Running r = new BattlePackWorkflowTest.Running("h2")) {
      // given: the demo log
      for (VisitRequest v : new VisitRequest[] {DemoData.VISIT_AI_ALLOWED,
          DemoData.VISIT_CONSENT_BLOCKED, DemoData.VISIT_HUMAN_REVIEW}) {
        r.battle.startVisit(v);
      }
      await().atMost(Duration.ofSeconds(60))
          .until(() -> r.baton.decisions().count(DecisionQuery.all()) >= 3);
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      r.baton.decisions().export(DecisionQuery.all(), ExportFormat.JSON, Masking.none(), plain);
      Set<String> personal = new TreeSet<>();
      personalValues(JSON.readTree(plain.toByteArray()), personal);
      // an OutreachRequest's actor kind (AI, HUMAN) is an enum constant, nobody's identity, and
      // also a part of action names (REQUIRE_HUMAN_REVIEW): not what this test looks for
      personal.removeIf(v -> v.matches("[A-Z_]+"));
      assertThat(personal).contains("C-2002", "C-1001", "C-3003");

      for (ExportFormat format : ExportFormat.values()) {
        for (Masking masking : new Masking[] {Masking.personalData(null),
            Masking.personalData("audit-2026")}) {
          // when
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          r.baton.decisions().export(DecisionQuery.all(), format, masking, out);
          String file = out.toString(StandardCharsets.UTF_8);

          // then
          assertThat(file).as(format + " " + masking.mode()).doesNotContain(personal);
          assertThat(file).contains("VR-DEMO-"); // the rest of an identifier stays readable
        }
      }
    }
  }
}
