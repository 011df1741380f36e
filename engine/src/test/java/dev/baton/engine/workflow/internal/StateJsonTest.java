package dev.baton.engine.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.EventKind;
import dev.baton.engine.workflow.internal.State.Incident;
import dev.baton.engine.workflow.internal.State.IncidentType;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.JobState;
import dev.baton.engine.workflow.internal.State.Phase;
import dev.baton.engine.workflow.internal.State.Retry;
import dev.baton.engine.workflow.internal.State.Role;
import dev.baton.engine.workflow.internal.State.Subscription;
import org.junit.jupiter.api.Test;

/** The typed state reads and writes the rows that the untyped state stored (same schema). */
class StateJsonTest {

  @Test
  void shouldReadTypedStateWhenRowsWereStoredAsIntsAndStrings() throws Exception {
    // given rows as the engine wrote them before its state was typed
    String element = "{\"key\":7,\"phase\":\"ACTIVATING\",\"mi\":1,\"joinTokens\":{\"g|f1\":1}}";
    String job = "{\"key\":8,\"state\":\"FAILED\",\"retries\":0}";
    String incident = "{\"key\":9,\"errorType\":\"JOB_NO_RETRIES\",\"retry\":\"JOB\"}";
    String subscription = "{\"key\":10,\"kind\":\"MESSAGE\",\"name\":\"m\"}";

    // when
    ElementInstance e = Json.read(element, ElementInstance.class);
    Job j = Json.read(job, Job.class);
    Incident i = Json.read(incident, Incident.class);
    Subscription s = Json.read(subscription, Subscription.class);

    // then
    assertThat(e.phase).isEqualTo(Phase.ACTIVATING);
    assertThat(e.mi).isEqualTo(Role.BODY);
    assertThat(e.joinTokens).containsEntry(ElementInstance.joinKey("g", "f1"), 1);
    assertThat(j.state).isEqualTo(JobState.FAILED);
    assertThat(i.errorType).isEqualTo(IncidentType.JOB_NO_RETRIES);
    assertThat(i.retry).isEqualTo(Retry.JOB);
    assertThat(s.kind).isEqualTo(EventKind.MESSAGE);
  }

  @Test
  void shouldWriteTheStoredFormWhenStateIsTyped() throws Exception {
    // given
    ElementInstance e = new ElementInstance();
    e.mi = Role.INNER;
    e.phase = Phase.COMPLETING;

    // when
    JsonNode row = Json.MAPPER.readTree(Json.write(e));

    // then the columns keep the form that older rows have
    assertThat(row.get("mi").isInt()).isTrue();
    assertThat(row.get("mi").asInt()).isEqualTo(2);
    assertThat(row.get("phase").asText()).isEqualTo("COMPLETING");
  }
}
