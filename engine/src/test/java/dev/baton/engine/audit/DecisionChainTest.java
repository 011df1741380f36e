package dev.baton.engine.audit;

import static dev.baton.engine.audit.AuditFixtures.customer;
import static dev.baton.engine.audit.AuditFixtures.decide;
import static dev.baton.engine.audit.AuditFixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.AuditFixtures.Profile;
import dev.baton.engine.audit.internal.ChainHash;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash chain: it verifies as written and names the first record changed with plain SQL. */
class DecisionChainTest {
  static List<String> databases() {
    return TestDatabases.names();
  }

  /** Records {@code n} decisions, customers of every profile. */
  private static List<RecordedDecision> fill(DecisionLog log, int n) {
    List<RecordedDecision> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(decide(log, "REQ-" + i, customer("C-" + i, Profile.values()[i % 6], i % 4 != 0)));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldVerifyWhenNothingWasChanged(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: an empty log verifies
      assertThat(log.verify()).isEqualTo(VerifyReport.passed(0));
      // and 1,200 records from 6 threads, more than a page of the walk
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            decide(log, "REQ-" + thread + "-" + i,
                customer("C-" + thread + "-" + i, Profile.values()[i % 6], true));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      // when
      VerifyReport report = log.verify();
      // then
      assertThat(report).isEqualTo(VerifyReport.passed(1200));
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheRecordWhenAnActionInItsDecisionWasChangedWithPlainSql(String db)
      throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      List<RecordedDecision> recorded = fill(log, 12);
      RecordedDecision target = recorded.get(6); // C-6: COMPARING, CMI 50, a sales task
      // when: someone turns the sales task into a content pack, straight in the database
      String json = document(ds, "decision", target.sequence());
      assertThat(json).contains("\"action\":\"CREATE_SALES_TASK\"");
      setDocument(ds, "decision", target.sequence(),
          json.replace("\"action\":\"CREATE_SALES_TASK\"", "\"action\":\"PUSH_CONTENT_PACK\""));
      // then
      VerifyReport report = log.verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.firstBadSequence()).isEqualTo(target.sequence());
      assertThat(report.firstBadDecisionId()).isEqualTo(target.decisionId());
      assertThat(report.checked()).isEqualTo(target.sequence());
      assertThat(report.reason()).contains("Record " + target.sequence())
          .contains(target.decisionId()).contains("changed after it was recorded");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheRecordWhenItsInputFactsWereChangedWithPlainSql(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      List<RecordedDecision> recorded = fill(log, 8);
      RecordedDecision target = recorded.get(3);
      // when: the recorded customer becomes another one (same length: only the hash tells)
      String input = document(ds, "input", target.sequence());
      setDocument(ds, "input", target.sequence(), input.replace("\"C-3\"", "\"C-9\""));
      // then
      VerifyReport report = log.verify();
      assertThat(report.firstBadSequence()).isEqualTo(target.sequence());
      assertThat(report.firstBadDecisionId()).isEqualTo(target.decisionId());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheRecordWhenASearchColumnWasChangedWithPlainSql(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      List<RecordedDecision> recorded = fill(log, 5);
      // when: the customer of record 2 is changed, so that a search finds the wrong person
      execute(ds, "update baton_decision set customer_id = 'C-999' where sequence = 2");
      // then
      assertThat(log.verify().firstBadSequence()).isEqualTo(2L);
      assertThat(log.verify().firstBadDecisionId()).isEqualTo(recorded.get(1).decisionId());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheMissingRecordWhenARecordWasDeleted(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      fill(log, 6);
      // when
      execute(ds, "delete from baton_decision_pack where sequence = 4");
      execute(ds, "delete from baton_decision where sequence = 4");
      // then
      VerifyReport report = log.verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.firstBadSequence()).isEqualTo(4L);
      assertThat(report.firstBadDecisionId()).isNull();
      assertThat(report.reason()).contains("Record 4 is missing");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldReportMissingRecordsWhenTheLastRecordsWereDeleted(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      fill(log, 6);
      // when
      execute(ds, "delete from baton_decision_pack where sequence >= 5");
      execute(ds, "delete from baton_decision where sequence >= 5");
      // then
      VerifyReport report = log.verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.checked()).isEqualTo(4);
      assertThat(report.firstBadSequence()).isEqualTo(5L);
      assertThat(report.reason()).contains("Records 5 to 6 are missing at the end");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheNextRecordWhenARecordWasChangedAndItsHashRecomputed(String db)
      throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog log = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given
      List<RecordedDecision> recorded = fill(log, 5);
      // when: someone who knows the published formula changes record 2 and recomputes its hash
      try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement(
          "select decision_id, request_id, recorded_at, evaluated_at, actor, pack_refs,"
              + " action_names, input, decision from baton_decision where sequence = 2")) {
        try (ResultSet r = q.executeQuery()) {
          r.next();
          String content = ChainHash.content(r.getString(1), r.getString(2),
              r.getObject(4, OffsetDateTime.class).toInstant(), r.getString(5), "C-999",
              r.getString(6), r.getString(7), r.getBytes(8), r.getBytes(9));
          String hash = ChainHash.link(recorded.get(0).hash(), 2,
              r.getObject(3, OffsetDateTime.class).toInstant(), content);
          execute(ds, "update baton_decision set customer_id = 'C-999', hash = '" + hash
              + "' where sequence = 2");
        }
      }
      // then: record 2 matches its new hash, but record 3 was chained to the old one
      VerifyReport report = log.verify();
      assertThat(report.firstBadSequence()).isEqualTo(3L);
      assertThat(report.firstBadDecisionId()).isEqualTo(recorded.get(2).decisionId());
      assertThat(report.reason()).contains("or record 2 was changed and its hash recomputed");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepOneChainWhenTwoLogsWriteToTheSameDatabase(String db) throws Exception {
    try (var ds = TestDatabases.fresh(db);
        DecisionLog first = DecisionLog.open(BatonStore.open(ds), engine());
        DecisionLog second = DecisionLog.open(BatonStore.open(ds), engine())) {
      // given: two logs (as two processes would have) recording at the same time
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        DecisionLog log = t % 2 == 0 ? first : second;
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            decide(log, "REQ-" + thread + "-" + i, customer("C-" + i, Profile.QUIET, true));
            // every request also arrives at the other log
            decide(log == first ? second : first, "REQ-" + thread + "-" + i,
                customer("C-" + i, Profile.QUIET, true));
          }
          return null;
        }));
      }
      // when
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      // then
      assertThat(first.count(DecisionQuery.all())).isEqualTo(200);
      assertThat(first.verify()).isEqualTo(VerifyReport.passed(200));
    }
  }

  // ------------------------------------------------------------ plain SQL, as a tamperer has

  static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** A stored document as JSON text (the columns hold zlib-compressed UTF-8). */
  static String document(DataSource ds, String column, long sequence) throws Exception {
    try (Connection c = ds.getConnection(); PreparedStatement q = c.prepareStatement(
        "select " + column + " from baton_decision where sequence = ?")) {
      q.setLong(1, sequence);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        Inflater inflater = new Inflater();
        inflater.setInput(r.getBytes(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!inflater.finished()) {
          out.write(buf, 0, inflater.inflate(buf));
        }
        return out.toString(StandardCharsets.UTF_8);
      }
    }
  }

  static void setDocument(DataSource ds, String column, long sequence, String json)
      throws Exception {
    Deflater deflater = new Deflater();
    deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    try (Connection c = ds.getConnection(); PreparedStatement u = c.prepareStatement(
        "update baton_decision set " + column + " = ? where sequence = ?")) {
      u.setBytes(1, out.toByteArray());
      u.setLong(2, sequence);
      assertThat(u.executeUpdate()).isEqualTo(1);
    }
  }
}
