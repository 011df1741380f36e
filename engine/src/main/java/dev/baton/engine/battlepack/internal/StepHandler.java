package dev.baton.engine.battlepack.internal;

import dev.baton.engine.ValidationException;
import dev.baton.engine.battlepack.BattlePackServices;
import dev.baton.engine.battlepack.ReviewRefusedException;
import dev.baton.engine.battlepack.WorkflowStep;
import dev.baton.engine.store.BatonStore;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * One workflow step, run at most once per job key. A step writes its effects and its timeline
 * row in one transaction whose primary key is the job key; a redelivered job (a crash before
 * the completion reached the engine, or a job timeout) finds the row and completes with the
 * same variables without repeating any effect. Two deliveries racing each other: the second
 * insert violates the key, rolls back, and completes with the first one's variables.
 */
abstract class StepHandler implements JobHandler {
  protected final BattlePackServices services;
  protected final BatonStore store;

  StepHandler(BattlePackServices services) {
    this.services = services;
    this.store = services.baton().store();
  }

  @Override
  public final void handle(JobClient client, ActivatedJob activated) {
    Job job;
    Map<String, Object> output;
    try {
      job = Job.of(activated);
      output = run(job);
    } catch (ValidationException | ReviewRefusedException | Job.BadJobException e) {
      // a retry cannot fix wrong input: fail without retries, so the engine raises an incident
      client.newFailCommand(activated.getKey()).retries(0).errorMessage(e.getMessage())
          .send().join();
      return;
    }
    client.newCompleteCommand(activated.getKey()).variables(output).send().join();
  }

  /** The step's output: the one recorded for this job, or a fresh run. */
  final Map<String, Object> run(Job job) {
    Optional<WorkflowStep> done = store.inTransaction(c -> JdbcBattlePackStore.step(c, job.key()));
    if (done.isPresent()) {
      return PackJson.mapOf(done.get().outputJson());
    }
    try {
      return execute(job);
    } catch (RuntimeException e) {
      if (Sql.isDuplicate(e)) {
        Optional<WorkflowStep> raced = store.inTransaction(c ->
            JdbcBattlePackStore.step(c, job.key()));
        if (raced.isPresent()) {
          return PackJson.mapOf(raced.get().outputJson());
        }
      }
      throw e;
    }
  }

  /** Runs the step: its effects and {@link #record} in one transaction. */
  abstract Map<String, Object> execute(Job job);

  /** Appends the step to the decision's timeline, in the caller's transaction. */
  final Map<String, Object> record(Connection c, Job job, String decisionId, String summary,
      Map<String, Object> output) throws SQLException {
    JdbcBattlePackStore.insertStep(c, new WorkflowStep(job.key(), decisionId,
        job.processInstanceKey(), job.type(), job.elementId(), summary, PackJson.write(output),
        services.clock().instant()));
    return output;
  }
}
