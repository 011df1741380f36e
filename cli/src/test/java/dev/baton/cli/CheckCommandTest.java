package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir
  Path dir;

  /** The tiny pack with a second rule whose tests contradict and a third with a gap. */
  private static final String FLAWED = TinyPack.PACK + """
        - id: impossible
          title: {en: Impossible, zh-CN: 不可能}
          when:
            - Order as o: {amount: {gt: 500, lt: 200}}
          then:
            - emit: {action: CREATE_SALES_TASK, customerId: $o.customerId, priority: LOW}
      """;

  @Test
  void shouldPassWithWarningsWhenThePackHasNoError() throws IOException {
    // given: r0 covers amount ≥ 100 only
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    // when
    Baton.Run run = Baton.run("check", pack.toString());
    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("OK", "tiny@1.0.0", "(0 errors, 1 warning)")
        .contains("warning gap         No rule fires for Order facts with amount < 100.");
  }

  @Test
  void shouldFailAndNameTheRuleWhenARuleCanNeverFire() throws IOException {
    // given
    Path pack = TinyPack.write(dir, FLAWED, null);
    // when
    Baton.Run run = Baton.run("check", pack.toString());
    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.out()).contains("ERRORS", "(1 error, 1 warning)")
        .contains("error   never-fires Rule 'impossible' can never fire: the tests on"
            + " Order.amount contradict each other");
  }

  @Test
  void shouldFailWhenARuleIsShadowedUnderTheHitPolicyFirst() throws IOException {
    // given: under first, a rule below r0 on larger amounts can never fire
    Path pack = TinyPack.write(dir, TinyPack.PACK
        .replace("rules:\n", "hitPolicy: first\nrules:\n") + """
          - id: large
            title: {en: Large, zh-CN: 大额}
            when:
              - Order as o: {amount: {gte: 1000}}
            then:
              - emit: {action: CREATE_SALES_TASK, customerId: $o.customerId, priority: LOW}
        """, null);
    // when
    Baton.Run run = Baton.run("check", pack.toString(), "--json");
    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    JsonNode found = new ObjectMapper().readTree(run.out()).get("packs").get(0).get("findings");
    assertThat(found.get(0).get("kind").asText()).isEqualTo("shadowed");
    assertThat(found.get(0).get("severity").asText()).isEqualTo("error");
    assertThat(found.get(0).get("rules").toString()).isEqualTo("[\"large\",\"r0\"]");
    assertThat(found.get(0).get("message").asText()).startsWith("Rule 'large' can never fire:"
        + " the hit policy is first, and the earlier rule(s) 'r0' match every Order fact");
  }

  @Test
  void shouldPrintFindingsAsJsonWhenAsked() throws IOException {
    // given
    Path pack = TinyPack.write(dir, FLAWED, null);
    // when
    Baton.Run run = Baton.run("check", "--json", "--lang", "zh-CN", pack.toString());
    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    JsonNode doc = new ObjectMapper().readTree(run.out());
    JsonNode report = doc.get("packs").get(0);
    assertThat(report.get("pack").asText()).isEqualTo("tiny@1.0.0");
    assertThat(report.get("errors").asInt()).isEqualTo(1);
    JsonNode first = report.get("findings").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("never-fires");
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("rules").get(0).asText()).isEqualTo("impossible");
    assertThat(first.get("field").asText()).isEqualTo("amount");
    assertThat(first.get("messageKey").asText()).isEqualTo("check.neverFires");
    assertThat(first.get("message").asText()).startsWith("规则“impossible”永远不会触发");
  }

  @Test
  void shouldReportEveryProblemWhenThePackIsNotValid() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.INVALID_PACK, null);
    // when
    Baton.Run run = Baton.run("check", pack.toString());
    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(run.err()).contains("colour", "URGENT");
  }

  @Test
  void shouldRefuseAnUnknownLanguage() throws IOException {
    // given
    Path pack = TinyPack.write(dir, TinyPack.PACK, null);
    // when
    Baton.Run run = Baton.run("check", "--lang", "fr", pack.toString());
    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Unknown language 'fr'. Use --lang en or --lang zh-CN.");
  }

  @Test
  void shouldFindNoErrorInTheShippedTemplates() {
    // when
    Baton.Run run = Baton.run("check", "../rule-packs/ai-trigger",
        "../rule-packs/cmi-threshold", "../rule-packs/consent-check");
    // then
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("ai-trigger@", "(0 errors, 5 warnings)")
        .contains("cmi-threshold@", "(0 errors, 1 warning)")
        .contains("consent-check@", "(0 errors, 0 warnings)");
  }
}
