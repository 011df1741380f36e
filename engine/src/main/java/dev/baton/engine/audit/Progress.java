package dev.baton.engine.audit;

/**
 * How far a long run is.
 *
 * @param done records processed
 * @param total records in scope when the run started
 */
public record Progress(long done, long total) {}
