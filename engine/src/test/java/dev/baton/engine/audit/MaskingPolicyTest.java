package dev.baton.engine.audit;

import static dev.baton.engine.audit.AuditFixtures.customer;
import static dev.baton.engine.audit.AuditFixtures.decide;
import static dev.baton.engine.audit.AuditFixtures.engine;
import static dev.baton.engine.audit.AuditFixtures.fact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The personal-data masking policy: keyed pseudonyms, joins across records, the stored key. */
class MaskingPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static String export(DecisionLog log, DecisionQuery query, Masking masking) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    log.export(query, ExportFormat.JSON, masking, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A decision asked by {@code actor}, with a free-text signal detail. */
  private static void decideBy(DecisionLog log, String requestId, String actor,
      String customerId, String detail) {
    List<Fact> facts = new ArrayList<>(customer(customerId, Profile.EAGER, true));
    facts.add(fact("BehaviourSignal", "customerId", customerId, "kind", "COMMUNITY_KEYWORD",
        "detail", detail, "occurredAt", "2026-11-26T03:10:00Z"));
    Evaluation e = new Evaluation(AuditFixtures.pipeline(), facts, AuditFixtures.NOW, requestId,
        actor);
    Decision d = engine().evaluate(e);
    log.record(e, d);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldHideAPersonalValueInEveryRecordWhenOnlyAnotherRecordNamesItInAPersonalField(
      String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: the first record's free text names a rep, an e-mail address and two phone
      // numbers that none of its personal fields holds; the rep asks in a later record
      decideBy(log, "VR-C-4004", "rep-wang.fang", "C-4004",
          "handed over to rep-li.lei; mail li.na@example.cn, call 13800138000"
              + " or +86 21 5555 0123");
      decideBy(log, "VR-C-5005", "rep-li.lei", "C-5005", "first call");
      // when
      String json = export(log, DecisionQuery.all(), Masking.personalData("audit-2026"));
      // then: none of the values, anywhere
      assertThat(json).doesNotContain("rep-wang.fang", "rep-li.lei", "C-4004", "C-5005",
          "li.na@example.cn", "13800138000", "5555 0123", "示例医疗器械有限公司");
      // and the rep's pseudonym in the free text is the one of the later record's actor
      JsonNode records = JSON.readTree(json);
      String rep = records.get(1).get("actor").asText();
      assertThat(rep).matches("P-[A-Z2-7]{13}");
      String detail = null;
      for (JsonNode f : records.get(0).get("input").get("facts")) {
        if (f.get("values").path("detail").asText().startsWith("handed over")) {
          detail = f.get("values").get("detail").asText();
        }
      }
      assertThat(detail).startsWith("handed over to " + rep + "; mail P-")
          .contains(", call P-").contains(" or P-");
      assertThat(records.get(1).get("requestId").asText())
          .isEqualTo("VR-" + records.get(1).get("customerId").asText());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepTheDatabaseKeyWhenTheLogIsReopened(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db); var other = TestDatabases.fresh(db)) {
      String first;
      try (DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
        // given
        decide(log, "DEMO-C-2002", customer("C-2002", Profile.EAGER, true));
        Masking masking = log.personalDataMasking(null);
        assertThat(masking.mode()).isEqualTo(Masking.Mode.PSEUDONYM);
        first = export(log, DecisionQuery.all(), masking);
      }
      // when: a new log (a restart) on the same database, and another database
      String again;
      String configured;
      try (DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
        again = export(log, DecisionQuery.all(), log.personalDataMasking(" "));
        configured = export(log, DecisionQuery.all(), log.personalDataMasking("configured"));
      }
      String elsewhere;
      try (DecisionLog log = DecisionLog.open(BatonStore.open(other), engine())) {
        decide(log, "DEMO-C-2002", customer("C-2002", Profile.EAGER, true));
        elsewhere = export(log, DecisionQuery.all(), log.personalDataMasking(null));
      }
      // then
      String pseudonym = JSON.readTree(first).get(0).get("customerId").asText();
      assertThat(first).doesNotContain("C-2002").contains("DEMO-" + pseudonym);
      assertThat(again).contains("DEMO-" + pseudonym);
      assertThat(configured).doesNotContain(pseudonym).doesNotContain("C-2002");
      assertThat(elsewhere).doesNotContain(pseudonym).doesNotContain("C-2002");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFindDecisionsByRequestIdWhenExactOrByPrefix(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      decide(log, "VR-DEMO-1", customer("C-1001", Profile.EAGER, true));
      decide(log, "VR-DEMO-12", customer("C-1002", Profile.EAGER, true));
      decide(log, "VR_DEMO-3", customer("C-1003", Profile.EAGER, true));
      // when / then
      assertThat(log.find(DecisionQuery.all().request("VR-DEMO-1")))
          .extracting(DecisionRecord::requestId).containsExactly("VR-DEMO-1");
      assertThat(log.find(DecisionQuery.all().request("VR-DEMO-*")))
          .extracting(DecisionRecord::requestId).containsExactly("VR-DEMO-1", "VR-DEMO-12");
      assertThat(log.count(DecisionQuery.all().request("VR_*"))).isEqualTo(1);
      assertThat(log.count(DecisionQuery.all().request("vr-demo-1"))).isZero();
    }
  }

  @Test
  void shouldRefuseAPatternThatIsNoRegularExpression() {
    assertThatThrownBy(() -> Masking.personalData("k").withPattern("ID-(\\d+"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ID-(\\d+'").hasMessageContaining("Fix the expression");
  }

  @Test
  void shouldRecogniseEmailAndPhoneShapesButNotDatesOrAmounts() {
    assertThat(Masking.EMAIL.matcher("write to wang.fang+crm@sales.example.com.cn").find())
        .isTrue();
    assertThat(Masking.PHONE.matcher("call 13912345678 today").find()).isTrue();
    assertThat(Masking.PHONE.matcher("tel +49 30 1234 5678").find()).isTrue();
    assertThat(Masking.PHONE.matcher("2026-11-27T09:00:00Z").find()).isFalse();
    assertThat(Masking.PHONE.matcher("amount 480000, order 213912345678").find()).isFalse();
  }
}
