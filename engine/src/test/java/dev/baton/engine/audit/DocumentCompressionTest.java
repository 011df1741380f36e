package dev.baton.engine.audit;

import static dev.baton.engine.audit.AuditFixtures.customer;
import static dev.baton.engine.audit.AuditFixtures.engine;
import static dev.baton.engine.audit.AuditFixtures.evaluation;
import static dev.baton.engine.audit.DecisionChainTest.document;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents stored uncompressed ({@link DocumentCompression#STORE}) and compressed (the default)
 * in one log: both are zlib streams, read, verified and replayed alike.
 */
class DocumentCompressionTest {

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReadVerifyAndReplayRecordsStoredEitherWayInOneLog(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db)) {
      // given: six decisions recorded compressed, then six more, of the same customers, stored
      List<RecordedDecision> deflated = record(ds, DecisionLogOptions.defaults(), "D-");
      List<RecordedDecision> stored = record(ds,
          DecisionLogOptions.defaults().withDocuments(DocumentCompression.STORE), "S-");
      try (DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
        // when
        VerifyReport verify = log.verify();
        ReplayReport replay = log.replayer().replay(ReplayScope.all());
        // then: the chain holds and every decision replays identical
        assertThat(verify.ok()).isTrue();
        assertThat(verify.checked()).isEqualTo(12);
        assertThat(replay).isEqualTo(new ReplayReport(12, 12, 0, 0, List.of(), List.of(), false));
        for (int i = 0; i < 6; i++) {
          // the same decision, read back the same, whichever way it was stored
          DecisionRecord d = log.get(deflated.get(i).decisionId()).orElseThrow();
          DecisionRecord s = log.get(stored.get(i).decisionId()).orElseThrow();
          assertThat(s.decisionJson()).isEqualTo(d.decisionJson().replace("\"D-", "\"S-"));
          assertThat(s.inputJson()).isEqualTo(d.inputJson().replace("\"D-", "\"S-"));
          assertThat(document(ds, "decision", stored.get(i).sequence()))
              .isEqualTo(s.decisionJson());
          // stored: the JSON's bytes plus the zlib frame; compressed: far smaller
          int json = s.decisionJson().getBytes(StandardCharsets.UTF_8).length;
          assertThat(storedLength(ds, stored.get(i).sequence())).isBetween(json, json + 64);
          assertThat(storedLength(ds, deflated.get(i).sequence())).isLessThan(json / 2);
        }
      }
    }
  }

  private static List<RecordedDecision> record(DataSource ds, DecisionLogOptions options,
      String prefix) {
    List<RecordedDecision> out = new ArrayList<>();
    try (DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine(), options)) {
      for (int i = 0; i < 6; i++) {
        Evaluation e = evaluation(prefix + i,
            customer("C-" + i, Profile.values()[i % 6], i % 2 == 0));
        Decision d = engine().evaluate(e);
        out.add(log.record(e, d));
      }
    }
    return out;
  }

  private static int storedLength(DataSource ds, long sequence) throws Exception {
    try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement(
        "select decision from baton_decision where sequence = ?")) {
      q.setLong(1, sequence);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getBytes(1).length;
      }
    }
  }
}
