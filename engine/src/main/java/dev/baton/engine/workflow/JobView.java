package dev.baton.engine.workflow;

/**
 * A job as an operator inspects it (to see why it failed before retrying it).
 *
 * @param jobKey its key
 * @param type the job type workers subscribe to
 * @param state {@code ACTIVATABLE}, {@code ACTIVATED}, {@code FAILED} or {@code ERROR_THROWN}
 * @param retries the retries it has left
 * @param errorMessage the error message its worker reported last; empty when none
 * @param worker the worker that activated it last; empty when none
 */
public record JobView(long jobKey, String type, String state, int retries, String errorMessage,
    String worker) {}
