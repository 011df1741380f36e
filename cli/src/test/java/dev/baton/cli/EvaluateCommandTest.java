package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

  @TempDir
  Path dir;

  @Test
  void shouldPrintDecisionJsonWhenFactsFitThePack() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS);

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString(), "--request-id", "REQ-1", "--actor", "analyst@example.com");

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).startsWith("{").endsWith("}");
    assertThat(run.out())
        .contains("\"fired\"", "\"r0\"", "\"CREATE_SALES_TASK\"")
        .contains("\"REQ-1\"", "\"analyst@example.com\"", "\"2026-11-27T09:00:00Z\"");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void shouldEvaluateAtTheGivenTimeWhenNowIsGiven() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS);

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString(), "--now", "2027-01-02T03:04:05Z");

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"now\" : \"2027-01-02T03:04:05Z\"");
  }

  @Test
  void shouldEvaluateNowAndSaySoWhenNoTimeIsGiven() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir,
        "{\"facts\": {\"Order\": [{\"customerId\": \"C1\", \"amount\": 150}]}}");

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString());

    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"fired\"");
    assertThat(run.err()).contains("note:", "current time", "--now");
  }

  @Test
  void shouldNameTheFileAndFieldWhenFactsDoNotFit() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS.replace("150", "\"lots\""));

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains(facts.toString(), "Order[0].amount");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldExitWithUsageErrorWhenTheFactsFileDoesNotExist() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        dir.resolve("missing.json").toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("No such facts file", "missing.json");
  }

  @Test
  void shouldExitWithUsageErrorWhenNowIsNotAnInstant() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    Path facts = TinyPack.writeFacts(dir, TinyPack.FACTS);

    // when
    Baton.Run run = Baton.run("evaluate", "--pack", pack.toString(), "--facts",
        facts.toString(), "--now", "tomorrow");

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'tomorrow' is not an ISO-8601 instant");
  }
}
