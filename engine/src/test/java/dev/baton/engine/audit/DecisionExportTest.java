package dev.baton.engine.audit;

import static dev.baton.engine.audit.AuditFixtures.customer;
import static dev.baton.engine.audit.AuditFixtures.decide;
import static dev.baton.engine.audit.AuditFixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Export for auditors: CSV and JSON, with personal data hidden. */
class DecisionExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static void fill(DecisionLog log) {
    decide(log, "REQ-1", customer("C-1001", Profile.COMPARING, true));
    decide(log, "REQ-2", customer("C-2002", Profile.EAGER, true));
    decide(log, "REQ-3", customer("C-1001", Profile.READY, false));
  }

  private static String export(DecisionLog log, DecisionQuery query, ExportFormat format,
      Masking masking) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    log.export(query, format, masking, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldWriteStablePseudonymsWhenCsvIsMasked(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      fill(log);
      Masking masking = Masking.pseudonyms("audit-2026", "customerId", "name");
      // when
      String csv = export(log, DecisionQuery.all(), ExportFormat.CSV, masking);
      String again = export(log, DecisionQuery.all(), ExportFormat.CSV, masking);
      String otherSecret = export(log, DecisionQuery.all(), ExportFormat.CSV,
          Masking.pseudonyms("another-secret", "customerId", "name"));
      // then
      assertThat(csv).isEqualTo(again);
      assertThat(csv).doesNotContain("C-1001", "C-2002", "示例医疗器械有限公司");
      List<CSVRecord> rows;
      try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
          .get().parse(new StringReader(csv))) {
        assertThat(parser.getHeaderNames()).containsExactly("sequence", "decision_id",
            "request_id", "recorded_at", "evaluated_at", "actor", "customer_id", "packs",
            "actions", "hash", "input", "decision");
        rows = parser.getRecords();
      }
      assertThat(rows).hasSize(3);
      String first = rows.get(0).get("customer_id");
      assertThat(first).matches("P-[A-Z2-7]{13}");
      assertThat(rows.get(2).get("customer_id")).isEqualTo(first);
      assertThat(rows.get(1).get("customer_id")).isNotEqualTo(first);
      assertThat(otherSecret).doesNotContain(first);
      assertThat(rows.get(0).get("request_id")).isEqualTo("REQ-1");
      assertThat(rows.get(0).get("packs"))
          .isEqualTo("cmi-threshold@1.0.0 ai-trigger@1.1.0 consent-check@1.1.0");
      assertThat(rows.get(0).get("actions")).isEqualTo("CREATE_SALES_TASK GRADE_OPPORTUNITY");
      assertThat(rows.get(0).get("evaluated_at")).isEqualTo("2026-11-27T09:00:00Z");
      JsonNode input = JSON.readTree(rows.get(0).get("input"));
      JsonNode customer = input.get("facts").get(0).get("values");
      assertThat(customer.get("customerId").asText()).isEqualTo(first);
      assertThat(customer.get("name").asText()).matches("P-[A-Z2-7]{13}");
      assertThat(customer.get("region").asText()).isEqualTo("华东");
      JsonNode decision = JSON.readTree(rows.get(0).get("decision"));
      assertThat(decision.get("actions").get(0).get("params").get("customerId").asText())
          .isEqualTo(first);
      assertThat(decision.get("actions").get(0).get("action").asText())
          .isEqualTo("CREATE_SALES_TASK");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldWriteAJsonArrayWithRedactedFieldsWhenJsonIsExported(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      fill(log);
      // when: one customer's decisions, with customer ids and the actor redacted
      String json = export(log, DecisionQuery.all().customer("C-1001"), ExportFormat.JSON,
          Masking.redact("customerId", "actor"));
      // then
      JsonNode array = JSON.readTree(json);
      assertThat(array.isArray()).isTrue();
      assertThat(array).hasSize(2);
      JsonNode first = array.get(0);
      assertThat(first.get("sequence").asLong()).isEqualTo(1);
      assertThat(first.get("requestId").asText()).isEqualTo("REQ-1");
      assertThat(first.get("customerId").asText()).isEqualTo("***");
      assertThat(first.get("actor").asText()).isEqualTo("***");
      assertThat(first.get("packs").get(0).get("id").asText()).isEqualTo("cmi-threshold");
      assertThat(first.get("hash").asText()).hasSize(64);
      assertThat(first.get("input").get("facts").get(0).get("values").get("customerId").asText())
          .isEqualTo("***");
      assertThat(first.get("input").get("actor").asText()).isEqualTo("***");
      assertThat(first.get("decision").get("actions").get(0).get("params").get("customerId")
          .asText()).isEqualTo("***");
      assertThat(first.get("decision").get("scores").get("CMI").asInt()).isEqualTo(50);
      assertThat(json).doesNotContain("C-1001").doesNotContain("sales-ops@example.com");
      assertThat(array.get(1).get("requestId").asText()).isEqualTo("REQ-3");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldWriteEveryValueWhenNothingIsMasked(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      fill(log);
      // when
      String json = export(log, DecisionQuery.all(), ExportFormat.JSON, Masking.none());
      String csv = export(log, DecisionQuery.all().action("PUSH_CONTENT_PACK"), ExportFormat.CSV,
          Masking.none());
      // then
      JsonNode array = JSON.readTree(json);
      assertThat(array).hasSize(3);
      assertThat(array.get(1).get("customerId").asText()).isEqualTo("C-2002");
      DecisionRecord stored = log.find(DecisionQuery.all()).get(1);
      assertThat(array.get(1).get("decision")).isEqualTo(JSON.readTree(stored.decisionJson()));
      assertThat(array.get(1).get("input")).isEqualTo(JSON.readTree(stored.inputJson()));
      try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
          .get().parse(new StringReader(csv))) {
        assertThat(parser.getRecords()).extracting(r -> r.get("customer_id"))
            .containsExactly("C-2002");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldHideTheComparedValuesWhenANearestMissTestsAMaskedField(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: an outreach request for a customer without consent misses on its customer id
      decide(log, "REQ-1", List.of(AuditFixtures.fact("OutreachRequest", "requestId", "OR-1",
          "customerId", "C-7007", "channel", "EMAIL", "purpose", "MARKETING", "actor", "AI"),
          AuditFixtures.fact("Consent", "customerId", "C-8008", "channel", "EMAIL", "purpose",
              "MARKETING", "status", "GRANTED", "source", "WEBSITE_OPT_IN", "evidenceId",
              "EV-1", "recordedAt", "2026-09-15T10:00:00Z")));
      String raw = log.find(DecisionQuery.all()).get(0).decisionJson();
      assertThat(raw).contains("\"field\":\"customerId\"");
      // when
      String json = export(log, DecisionQuery.all(), ExportFormat.JSON,
          Masking.redact("customerId"));
      // then
      assertThat(json).doesNotContain("C-7007").doesNotContain("C-8008");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldPseudonymiseAnIdentifierThatEmbedsAPersonalValueWhenExportedMasked(String db)
      throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: a request id made from the customer id, as chat bots and the demo do
      decide(log, "DEMO-C-2002", customer("C-2002", Profile.EAGER, true));
      // when
      String csv = export(log, DecisionQuery.all(), ExportFormat.CSV,
          Masking.personalData("audit-2026"));
      // then: no trace of the id, and the same pseudonym where it was embedded
      assertThat(csv).doesNotContain("C-2002");
      try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
          .get().parse(new StringReader(csv))) {
        CSVRecord row = parser.getRecords().get(0);
        String pseudonym = row.get("customer_id");
        assertThat(pseudonym).matches("P-[A-Z2-7]{13}");
        assertThat(row.get("request_id")).isEqualTo("DEMO-" + pseudonym);
        assertThat(row.get("actor")).matches("P-[A-Z2-7]{13}");
        assertThat(JSON.readTree(row.get("input")).get("requestId").asText())
            .isEqualTo("DEMO-" + pseudonym);
      }
    }
  }
}
