package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivateJobsResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long polling, job timeouts and back-off, through the official client. */
class JobsTest {
  private EngineFixture f;

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
    f.deploy(ServiceTaskTest.oneTask());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void shouldAnswerWaitingActivationWhenJobBecomesAvailable() throws Exception {
    // given: a long poll with nothing to activate yet
    CompletableFuture<ActivateJobsResponse> poll = f.client.newActivateJobsCommand()
        .jobType("work").maxJobsToActivate(5).requestTimeout(Duration.ofSeconds(60)).send()
        .toCompletableFuture();
    assertThat(poll).isNotDone();

    // when
    long pi = f.create("one-task", Map.of("amount", 1));

    // then: answered with the job, long before the request timeout
    ActivateJobsResponse response = poll.get(30, TimeUnit.SECONDS);
    assertThat(response.getJobs()).hasSize(1);
    assertThat(response.getJobs().get(0).getProcessInstanceKey()).isEqualTo(pi);
  }

  @Test
  void shouldActivateJobAgainWhenItsTimeoutPasses() {
    // given
    f.create("one-task", Map.of("amount", 1));
    var first = f.client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1)
        .timeout(Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(10)).send().join()
        .getJobs().get(0);

    // when: nobody completes it in time
    var again = f.activate("work");

    // then
    assertThat(again.getKey()).isEqualTo(first.getKey());
  }

  @Test
  void shouldActivateFailedJobAgainAfterBackOff() {
    // given
    f.create("one-task", Map.of("amount", 1));
    var job = f.activate("work");

    // when
    f.client.newFailCommand(job).retries(2).retryBackoff(Duration.ofMillis(200))
        .errorMessage("try later").send().join();

    // then
    var again = f.activate("work");
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(2);
  }

  @Test
  void shouldKeepJobWhenTimeoutIsExtended() {
    // given
    f.create("one-task", Map.of("amount", 1));
    var job = f.activate("work");

    // when
    f.client.newUpdateTimeoutCommand(job).timeout(Duration.ofMinutes(10)).send().join();

    // then: nothing else to activate, and the job completes
    assertThat(f.client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(300)).send().join().getJobs()).isEmpty();
    f.client.newCompleteCommand(job).send().join();
  }

  @Test
  void shouldResumeWaitingInstanceWhenEngineRestarts() {
    // given
    long pi = f.create("one-task", Map.of("amount", 4));

    // when
    f.restart();

    // then
    var job = f.activate("work");
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    assertThat(job.getVariablesAsMap()).containsEntry("doubled", 8);
    f.client.newCompleteCommand(job).send().join();
    assertThat(f.active(pi)).isFalse();
  }
}
