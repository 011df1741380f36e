package dev.baton.engine.battlepack;

import java.time.Instant;

/**
 * One workflow step on a decision's timeline: a job a worker completed.
 *
 * @param jobKey the job's key (unique; a redelivered job is not run again)
 * @param decisionId the decision the workflow belongs to
 * @param processInstanceKey the workflow instance
 * @param jobType the job type, e.g. {@code baton.generate-battle-pack}
 * @param elementId the BPMN element, e.g. {@code generate-battle-pack}
 * @param summary what the step did, in one line
 * @param outputJson the variables the job completed with, as a JSON object
 * @param occurredAt when
 */
public record WorkflowStep(
    long jobKey,
    String decisionId,
    long processInstanceKey,
    String jobType,
    String elementId,
    String summary,
    String outputJson,
    Instant occurredAt) {}
