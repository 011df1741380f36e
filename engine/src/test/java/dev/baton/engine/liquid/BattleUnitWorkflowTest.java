package dev.baton.engine.liquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.TestDatabases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import dev.baton.engine.workflow.WorkflowRestServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The battle-unit workflow end to end on the embedded engine through the official client: a
 * customer event forms a micro unit at once, every member commits in a user task of their own,
 * a lead signs off and the unit dissolves with its contribution summary; the SLA escalates; a
 * lead confirms a proposed unit.
 */
class BattleUnitWorkflowTest {

  static List<String> databases() {
    return TestDatabases.names();
  }

  static final class Running implements AutoCloseable {
    final HikariDataSource dataSource;
    final Baton baton;
    final EmbeddedWorkflowEngine engine;
    final WorkflowRestServer rest;
    final CamundaClient client;
    final LiquidServices liquid;
    final LiquidRuntime runtime;

    Running(String database) throws Exception {
      dataSource = TestDatabases.fresh(database);
      baton = Baton.open(dataSource, true);
      engine = EmbeddedWorkflowEngine.start(WorkflowEngineOptions.defaults(dataSource).withPort(0));
      rest = WorkflowRestServer.start(engine.restApi(), "127.0.0.1", 0);
      client = CamundaClient.newClientBuilder().grpcAddress(engine.grpcAddress())
          .restAddress(rest.restAddress()).preferRestOverGrpc(false).build();
      liquid = LiquidServices.open(baton, LiquidFixture.packs());
      liquid.directory().savePeople(LiquidFixture.people());
      runtime = LiquidRuntime.start(client, liquid, baton, Files.readAllBytes(
          LiquidFixture.RULE_PACKS.resolve("workflows/battle-unit.bpmn")));
    }

    List<UserTask> awaitTasks(long instance, String elementId, int count) {
      return await().atMost(Duration.ofSeconds(30)).until(() -> client.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(instance).elementId(elementId)
              .state(UserTaskState.CREATED)).send().join().items(), l -> l.size() == count);
    }

    Unit awaitUnit(String unitId, UnitStatus status) {
      return await().atMost(Duration.ofSeconds(30)).until(
          () -> liquid.directory().unit(unitId).orElseThrow(), u -> u.status() == status);
    }

    @Override
    public void close() {
      runtime.close();
      liquid.close();
      client.close();
      rest.close();
      engine.close();
      baton.close();
      dataSource.close();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFormMicroUnitAtOnceAndDissolveWithSummaryWhenCustomerViewsFinancingPlan(String db)
      throws Exception {
    try (Running r = new Running(db)) {
      // when: the customer viewed the AI financing plan a minute ago
      LiquidRuntime.Triggered t = r.runtime.onCustomerEvent("C-1001", "VIEW_AI_FINANCING_PLAN",
          Instant.now().minusSeconds(60), "华东", "webhook-1", "wecom");
      // then: formed at once, one commitment task per member, assigned to the member
      assertThat(t.formed()).isTrue();
      Unit unit = t.unit().unit();
      assertThat(unit.members()).extracting(UnitMember::role)
          .containsExactly("AI_TRAINER", "RISK_EXPERT", "ACCOUNT_MANAGER");
      assertThat(r.liquid.directory().campaign(unit.campaignId()).orElseThrow().sla())
          .isEqualTo(Duration.ofHours(72));
      List<UserTask> commits = r.awaitTasks(t.processInstanceKey(), "commit", 3);
      assertThat(commits).extracting(UserTask::getAssignee).containsExactlyInAnyOrderElementsOf(
          unit.members().stream().map(UnitMember::personId).toList());
      // when: members commit, work is recorded, a lead signs off
      for (UserTask task : commits) {
        r.client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
      }
      r.liquid.record(new CollaborationEvent("E-1", Instant.now(), unit.members().get(1)
          .personId(), unit.campaignId(), "C-1001", "RISK_REVIEW", List.of("融资方案 v2"),
          List.of("风险意见"), "风控部"), "test");
      UserTask signOff = r.awaitTasks(t.processInstanceKey(), "sign-off", 1).get(0);
      r.client.newCompleteUserTaskCommand(signOff.getUserTaskKey()).send().join();
      // then
      Unit dissolved = r.awaitUnit(unit.id(), UnitStatus.DISSOLVED);
      assertThat(dissolved.activeMembers()).isEmpty();
      assertThat(r.liquid.directory().campaign(unit.campaignId()).orElseThrow().status())
          .isEqualTo(CampaignStatus.CLOSED);
      assertThat(r.liquid.contributions(unit.campaignId()).byRole()).containsKey("RISK_EXPERT");
    }
  }

  @Test
  void shouldFormNothingWhenTheEventIsNotATrigger() throws Exception {
    try (Running r = new Running("h2")) {
      LiquidRuntime.Triggered t = r.runtime.onCustomerEvent("C-1001", "BOOK_DEMO",
          Instant.now(), "华东", "webhook-2", "wecom");
      assertThat(t.formed()).isFalse();
      assertThat(r.liquid.directory().units()).isEmpty();
      // an old view (more than 24 hours ago) does not trigger either
      assertThat(r.runtime.onCustomerEvent("C-1001", "VIEW_AI_FINANCING_PLAN",
          Instant.now().minus(Duration.ofDays(2)), "华东", "webhook-3", "wecom").formed())
          .isFalse();
    }
  }

  @Test
  void shouldEscalateTheUnitWhenItsSlaPasses() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      r.liquid.postCampaign(LiquidFixture.microCampaign("CMP-SLA"));
      // when
      long instance = r.runtime.startUnit("CMP-SLA", FormationMode.AUTOMATIC,
          Duration.ofSeconds(1));
      // then
      r.awaitTasks(instance, "commit", 3);
      Unit unit = r.liquid.directory().unitsOf("CMP-SLA").get(0);
      r.awaitUnit(unit.id(), UnitStatus.ESCALATED);
      assertThat(r.awaitTasks(instance, "commit", 3)).hasSize(3);
    }
  }

  @Test
  void shouldActivateTheMembersALeadConfirmsWhenFormationNeedsConfirmation() throws Exception {
    try (Running r = new Running("h2")) {
      // given
      r.liquid.postCampaign(LiquidFixture.microCampaign("CMP-LEAD"));
      long instance = r.runtime.startUnit("CMP-LEAD", FormationMode.LEAD_CONFIRMS, null);
      UserTask confirm = r.awaitTasks(instance, "confirm-unit", 1).get(0);
      Unit proposed = r.liquid.directory().unitsOf("CMP-LEAD").get(0);
      assertThat(proposed.status()).isEqualTo(UnitStatus.PROPOSED);
      // when: the lead swaps the account manager
      r.client.newCompleteUserTaskCommand(confirm.getUserTaskKey()).variables(Map.of(
          "lead", "manager-li", "confirmedMembers", List.of(
              Map.of("personId", "P-AI-1", "role", "AI_TRAINER"),
              Map.of("personId", "P-RISK-2", "role", "RISK_EXPERT"),
              Map.of("personId", "P-AM-2", "role", "ACCOUNT_MANAGER")))).send().join();
      // then
      Unit active = r.awaitUnit(proposed.id(), UnitStatus.ACTIVE);
      assertThat(active.members()).extracting(UnitMember::personId)
          .contains("P-AM-2").doesNotContain("P-AM-1");
      assertThat(active.formedBy()).isEqualTo("manager-li");
      assertThat(r.awaitTasks(instance, "commit", 3)).extracting(UserTask::getAssignee)
          .contains("P-AM-2");
    }
  }
}
