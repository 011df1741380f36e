package dev.baton.engine.audit;

/**
 * One field where a replayed decision differs from the recorded one.
 *
 * @param path the field as a JSON pointer into the decision, e.g. {@code /actions/0/action}
 * @param recorded the recorded value as JSON text, or null when the field was not recorded
 * @param replayed the replayed value as JSON text, or null when replay did not produce it
 */
public record FieldDifference(String path, String recorded, String replayed) {}
