/**
 * Evaluation of rule packs on Drools, one pack or a pipeline of packs, into a {@link
 * dev.baton.engine.rules.Decision} that says why: fired rules with the facts they matched,
 * actions, vetoes, blocks and their proofs, scores, and for every rule that did not fire its
 * nearest miss. Entry point: {@link dev.baton.engine.rules.RulesEngine}.
 */
package dev.baton.engine.rules;
