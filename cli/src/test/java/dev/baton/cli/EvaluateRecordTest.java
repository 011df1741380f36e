package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton evaluate --record} and packs taken from the repository. */
class EvaluateRecordTest {

  @TempDir
  Path dir;

  String db;

  @BeforeEach
  void freshDatabase() {
    db = TestDb.url(dir);
  }

  @Test
  void shouldPrintTheDecisionAndReportTheRecordWhenRecording() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS);

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString(), "--request-id", "REQ-7", "--record", "--db", db);
    Baton.Run again = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString(), "--request-id", "REQ-7", "--record", "--db", db);
    Baton.Run listed = Baton.run("decisions", "list", "--db", db);

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"CREATE_SALES_TASK\"", "\"REQ-7\"");
    assertThat(run.err()).containsPattern("recorded decision [0-9a-f-]{36} \\(#1, request"
        + " REQ-7, hash [0-9a-f]{64}\\)");
    assertThat(again.exitCode()).isZero();
    assertThat(again.err()).contains("request REQ-7 was recorded before",
        TestDb.recordedDecisionId(run), "nothing new was recorded");
    assertThat(listed.out().lines().filter(l -> l.contains("REQ-7"))).hasSize(1);
  }

  @Test
  void shouldRecordTheActorAsTheUserWhenNoActorIsGiven() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS);

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString(), "--record", "--db", db);

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"actor\" : \"" + System.getProperty("user.name") + "\"");
  }

  @Test
  void shouldTakeConsentFromTheLedgerAndSaySoWhenRecording() throws IOException {
    // given
    TestDb.importConsent(dir, db);

    // when
    Baton.Run run = TestDb.recordDemo(db, "visit-request.json", "VR-1");
    Baton.Run recorded = Baton.run("decisions", "show", "VR-1", "--db", db);

    // then
    assertThat(run.err()).contains("note: the 4 Consent facts", "were not used",
        "consent ledger");
    assertThat(recorded.out()).contains("\"evidenceId\" : \"EV-WX-1001\"", "EV-SMS-1001")
        .doesNotContain("EV-2026-1008-VOICE", "EV-2026-0818-WX");
  }

  @Test
  void shouldEvaluateThePublishedVersionsWhenPacksAreNamedById() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS);
    Baton.run("pack", "import", pack.toString(), "--db", db);
    Baton.run("pack", "publish", "tiny", "--db", db);

    // when
    Baton.Run active = Baton.run("evaluate", "--pack", "tiny", "--facts", facts.toString(),
        "--db", db);
    Baton.Run pinned = Baton.run("evaluate", "--pack", "tiny@1.0.0", "--facts",
        facts.toString(), "--db", db);

    // then
    assertThat(active.exitCode()).as(active.err()).isZero();
    assertThat(active.out()).contains("\"id\" : \"tiny\"", "\"CREATE_SALES_TASK\"");
    assertThat(pinned.exitCode()).as(pinned.err()).isZero();
    assertThat(pinned.out()).isEqualTo(active.out());
  }

  @Test
  void shouldSayHowToPublishWhenTheNamedPackIsNotInTheRepository() throws IOException {
    // given
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS);

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", "tiny", "--facts", facts.toString(),
        "--db", db);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("no active version of a pack 'tiny'", "baton pack publish");
  }
}
