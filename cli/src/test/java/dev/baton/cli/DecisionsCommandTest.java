package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionsCommandTest {

  /** The database with the recorded decisions, made once; each test works on a copy. */
  @TempDir
  static Path recorded;

  static String visitDecision;
  static String highIntentDecision;

  @TempDir
  Path dir;

  String db;

  /** C-1001's visit request (CMI 50: a sales task) and C-2002's high intent (CMI 75). */
  @BeforeAll
  static void recordTwoDecisions() throws IOException {
    String url = TestDb.url(recorded);
    TestDb.importConsent(recorded, url);
    visitDecision = TestDb.recordedDecisionId(
        TestDb.recordDemo(url, "visit-request.json", "VR-2026-1127-001"));
    highIntentDecision = TestDb.recordedDecisionId(
        TestDb.recordDemo(url, "high-intent-customer.json", "HI-2026-1127-002"));
  }

  @BeforeEach
  void copyOfTheRecordedDatabase() throws IOException {
    TestDb.copy(recorded, dir);
    db = TestDb.url(dir);
  }

  private Baton.Run decisions(String... args) {
    List<String> all = new ArrayList<>(List.of("decisions"));
    all.addAll(List.of(args));
    all.addAll(List.of("--db", db));
    return Baton.run(all.toArray(String[]::new));
  }

  @Test
  void shouldFindShowReplayAndVerifyWhenDecisionsWereRecorded() {
    // given two recorded decisions

    // when
    Baton.Run listed = decisions("list", "--customer", "C-1001");
    Baton.Run shown = decisions("show", visitDecision);
    Baton.Run shownByRequest = decisions("show", "HI-2026-1127-002");
    Baton.Run verified = decisions("verify");
    Baton.Run replayed = decisions("replay");
    Baton.Run replayedOne = decisions("replay", "--decision", visitDecision);

    // then
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out()).contains(visitDecision, "VR-2026-1127-001", "C-1001",
        "cmi-threshold@1.0.0", "CREATE_SALES_TASK").doesNotContain(highIntentDecision);

    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("decision   " + visitDecision, "request    VR-2026-1127-001",
        "actor      rep-07@example.com", "customer   C-1001", "input:", "decision:",
        "\"fired\"", "\"nearestMisses\"", "Score(CMI): value is 50, needs ≥ 70");
    assertThat(shownByRequest.out()).contains("decision   " + highIntentDecision);

    assertThat(verified.exitCode()).isZero();
    assertThat(verified.out()).contains("OK: 2 records checked");

    assertThat(replayed.exitCode()).as(replayed.out()).isZero();
    assertThat(replayed.out()).as("replay's progress: %s; verify: %s", replayed.err(),
        verified.out()).contains("2 identical, 0 different");
    assertThat(replayed.err()).contains("2 of 2 decisions");
    assertThat(replayedOne.out()).contains("1 identical, 0 different");
  }

  @Test
  void shouldNameTheFirstChangedRecordWhenARowWasTamperedWith() throws SQLException {
    // given
    TestDb.execute(db, "update baton_decision set customer_id = 'C-6666' where decision_id = '"
        + highIntentDecision + "'");

    // when
    Baton.Run verified = decisions("verify");

    // then
    assertThat(verified.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(verified.out()).contains("FAILED at record #2", highIntentDecision)
        .doesNotContain(visitDecision);
  }

  @Test
  void shouldPrintTheFieldsThatDifferWhenARecordedDecisionWasAltered() throws SQLException {
    // given
    TestDb.rewriteDecision(db, visitDecision,
        json -> json.replace("CREATE_SALES_TASK", "PUSH_CONTENT_PACK"));

    // when
    Baton.Run replayed = decisions("replay");
    Baton.Run verified = decisions("verify");

    // then
    assertThat(replayed.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(replayed.out()).contains("1 identical, 1 different",
        "#1 decision " + visitDecision + " differs")
        .containsPattern("/actions/\\d+/action: recorded \"PUSH_CONTENT_PACK\", replayed"
            + " \"CREATE_SALES_TASK\"");
    assertThat(verified.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(verified.out()).contains("FAILED at record #1", visitDecision);
  }

  @Test
  void shouldSummariseTheFlipsWhenBacktestingACandidate() throws IOException {
    // given
    Path candidate = TestDb.lowerCmiThreshold(dir);

    // when
    Baton.Run run = decisions("backtest", "--candidate", candidate.toString());

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("cmi-threshold@1.1.0", "2 recorded decisions: 1 changed, 1 unchanged")
        .contains("1 customer, 1 decision: CREATE_SALES_TASK → PUSH_CONTENT_PACK")
        .contains(visitDecision).doesNotContain(highIntentDecision);
    assertThat(run.err()).contains("2 of 2 decisions");
  }

  @Test
  void shouldHideEveryMaskedValueWhenExportingCsv() {
    // given
    String[] hidden = {"C-1001", "C-2002", "华东示例医疗器械有限公司", "苏州示例医学影像有限公司"};

    // when
    Baton.Run run = decisions("export", "--format", "csv", "--mask", "customerId,name");

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("sequence,decision_id,").contains(visitDecision,
        highIntentDecision, "***").doesNotContain(hidden);
    assertThat(run.err()).contains("2 decisions exported as CSV",
        "masked (redact): customerId, name");
  }

  @Test
  void shouldWritePseudonymsToTheFileWhenExportingJsonWithASecret() throws IOException {
    // given
    Path file = dir.resolve("decisions.json");

    // when
    Baton.Run run = decisions("export", "--format", "json", "--customer", "C-1001", "--mask",
        "customerId", "--mask", "name", "--mask-mode", "pseudonym", "--mask-secret",
        "s3cret-for-tests", "-o", file.toString());

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    String json = Files.readString(file);
    assertThat(json.strip()).startsWith("[").endsWith("]");
    assertThat(json).contains(visitDecision).doesNotContain(highIntentDecision, "C-1001",
        "华东示例医疗器械有限公司", "***");
    assertThat(run.err()).contains("1 decision exported as JSON to " + file);
  }

  @Test
  void shouldWriteNothingWhenTheOutputFolderDoesNotExist() {
    // given
    Path file = dir.resolve("no-such-folder").resolve("decisions.csv");

    // when
    Baton.Run run = decisions("export", "--format", "csv", "-o", file.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Cannot write " + file, "does not exist");
    assertThat(dir.resolve("no-such-folder")).doesNotExist();
  }

  @Test
  void shouldRefusePseudonymsWhenNoSecretIsGiven() {
    // given
    String[] args = {"export", "--format", "csv", "--mask", "customerId", "--mask-mode",
        "pseudonym", "--mask-secret", ""};

    // when
    Baton.Run run = decisions(args);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("needs a secret", "BATON_MASK_SECRET");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldSayNothingWasFoundWhenNoDecisionMatches() {
    // given
    String[] args = {"list", "--customer", "C-9999"};

    // when
    Baton.Run run = decisions(args);

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("No recorded decisions for customer C-9999");
  }

  @Test
  void shouldListTheDecisionsOfARequestIdWhenExactOrByPrefix() {
    // when
    Baton.Run exact = decisions("list", "--request", "VR-2026-1127-001");
    Baton.Run prefix = decisions("list", "--request", "HI-2026-*");
    Baton.Run refused = decisions("list", "--request", "VR-*-001");

    // then
    assertThat(exact.exitCode()).as(exact.err()).isZero();
    assertThat(exact.out()).contains(visitDecision).doesNotContain(highIntentDecision);
    assertThat(prefix.exitCode()).as(prefix.err()).isZero();
    assertThat(prefix.out()).contains(highIntentDecision).doesNotContain(visitDecision);
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("--request 'VR-*-001'", "one * at the end");
  }

  @Test
  void shouldExitWithUsageErrorWhenTheDecisionIsUnknown() {
    // given
    String[] args = {"show", "00000000-0000-0000-0000-000000000000"};

    // when
    Baton.Run run = decisions(args);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("No recorded decision has the id",
        "baton decisions list --customer");
  }

  @Test
  void shouldExitWithUsageErrorWhenReplayIsGivenTwoScopes() {
    // given
    String[] args = {"replay", "--decision", visitDecision, "--pack", "cmi-threshold"};

    // when
    Baton.Run run = decisions(args);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Give one scope");
  }
}
