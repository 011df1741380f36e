package dev.baton.samples.bootstarter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.audit.DecisionRecord;
import dev.baton.engine.rulepack.FactsDocument;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.ElementInstanceView;
import dev.baton.engine.workflow.ProcessInstanceState;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.runtime.Decided;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  @SuppressWarnings("unchecked")
  void shouldDecideInTheWorkflowAndRecordUnderTheInstanceWhenAVisitRequestStartsIt(
      @TempDir Path dataDir) throws IOException {
    try (ConfigurableApplicationContext app = start(dataDir)) {
      // given: the visit-check process deployed at start-up, the templates published
      Baton baton = app.getBean(Baton.class);
      assertThat(baton.packs().activeVersion("consent-check")).isPresent();

      // when: the visit request runs through the workflow
      var result = app.getBean(VisitCheckWorkflow.class).check(bundledVisit());

      // then: the business rule task decided with the pipeline and recorded it under the
      // process instance, and the gateway took the branch the decision asked for
      Map<String, Object> decision = (Map<String, Object>) result.getVariablesAsMap()
          .get("decision");
      assertThat((String) decision.get("requestId"))
          .startsWith("workflow:" + result.getProcessInstanceKey() + ":");
      DecisionRecord record = baton.decisions().get((String) decision.get("decisionId"))
          .orElseThrow();
      assertThat(record.packs()).extracting(p -> p.id())
          .containsExactly("cmi-threshold", "ai-trigger", "consent-check");
      assertThat(record.actor()).isEqualTo("workflow:visit-check/decide");
      var instance = app.getBean(EmbeddedWorkflowEngine.class).inspector()
          .instance(result.getProcessInstanceKey()).orElseThrow();
      assertThat(instance.summary().state()).isEqualTo(ProcessInstanceState.COMPLETED);
      List<String> path = instance.path().stream().map(ElementInstanceView::elementId).toList();
      assertThat(path).contains(Boolean.TRUE.equals(decision.get("blocked")) ? "visit-refused"
          : "visit-goes-ahead");
      assertThat(path).doesNotContain(Boolean.TRUE.equals(decision.get("blocked"))
          ? "visit-goes-ahead" : "visit-refused");
      assertThat(baton.decisions().verify().ok()).isTrue();
    }
  }

  private static FactsDocument bundledVisit() throws IOException {
    try (InputStream in = VisitDecisionApplicationTest.class.getClassLoader()
        .getResourceAsStream("visit-request.json")) {
      return RulePacks.parseFacts("visit-request.json",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
