package dev.baton.samples.bootstarter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.Decided;
import io.camunda.client.CamundaClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample as a user runs it: the application started with its own settings, only the data
 * directory moved to a fresh folder and the gateway on a free port (another build may hold
 * 26500).
 */
@ExtendWith(OutputCaptureExtension.class)
class VisitDecisionApplicationTest {

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(VisitDecisionApplication.class)
        .main(VisitDecisionApplication.class)
        .run("--baton.data-dir=" + dataDir, "--baton.workflow.port=0");
  }

  @Test
  void shouldDecideOnTheVisitRequestAndRecordItWhenTheApplicationStarts(@TempDir Path dataDir,
      CapturedOutput output) {
    // when
    try (ConfigurableApplicationContext app = start(dataDir)) {
      Decided decided = app.getBean(DecideOnStartUp.class).lastDecision();
      Baton baton = app.getBean(Baton.class);

      // then: the template pipeline decided: CMI 50 below 70, so a sales task; the AI's voice
      // follow-up script vetoed, the customer having withdrawn voice consent
      assertThat(decided.decision().packs()).extracting(p -> p.id())
          .containsExactly("cmi-threshold", "ai-trigger", "consent-check");
      assertThat(decided.decision().scores().get("CMI")).isEqualByComparingTo("50");
      assertThat(decided.decision().actions()).extracting(a -> a.action())
          .contains("CREATE_SALES_TASK", "GENERATE_BATTLE_PACK");
      assertThat(decided.decision().vetoed()).extracting(v -> v.action().action())
          .containsExactly("RECOMMEND_FOLLOW_UP_SCRIPT");
      // ... recorded in the decision log, in the H2 file under the data directory
      DecisionRecord record = baton.decisions().byRequestId("VR-4004-1").orElseThrow();
      assertThat(record.decisionId()).isEqualTo(decided.record().decisionId());
      assertThat(record.actor()).isEqualTo(VisitDecisions.ACTOR);
      assertThat(record.customerId()).isEqualTo("C-4004");
      assertThat(baton.decisions().verify().ok()).isTrue();
      assertThat(dataDir.resolve("baton.mv.db")).exists();
      // ... and printed with why
      assertThat(output.getOut()).contains("Visit request VR-4004-1 decided",
          "Recorded as " + record.decisionId(), "Pipeline: cmi-threshold@",
          "Vetoed: RECOMMEND_FOLLOW_UP_SCRIPT by consent-check/", "EV-4004-VOICE-2");
      // the starter's workflow client reaches the embedded engine
      assertThat(app.getBean(CamundaClient.class).newTopologyRequest().send().join()
          .getBrokers()).hasSize(1);
    }
  }

  @Test
  void shouldKeepTheDecisionAndRecordItOnceWhenTheApplicationStartsAgain(@TempDir Path dataDir) {
    // given: a first run recorded the visit request's decision
    String first;
    try (ConfigurableApplicationContext app = start(dataDir)) {
      first = app.getBean(DecideOnStartUp.class).lastDecision().record().decisionId();
    }

    // when: the application starts again on the same data directory
    try (ConfigurableApplicationContext app = start(dataDir)) {
      Decided again = app.getBean(DecideOnStartUp.class).lastDecision();
      Baton baton = app.getBean(Baton.class);

      // then: the first record survived the restart, the same request was not recorded twice
      assertThat(again.record().duplicate()).isTrue();
      assertThat(again.record().decisionId()).isEqualTo(first);
      assertThat(baton.decisions().get(first)).isPresent();
      assertThat(baton.decisions().verify().checked()).isEqualTo(1);
      assertThat(baton.decisions().verify().ok()).isTrue();
    }
  }
}
