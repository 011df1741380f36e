/**
 * The liquid organisation (液态组织): teams that form per campaign and dissolve again.
 *
 * <p>People carry a {@link dev.baton.engine.liquid.CapabilityPassport} (roles, skill levels,
 * certifications with validity). A {@link dev.baton.engine.liquid.Campaign} posts a demand list
 * ({@link dev.baton.engine.liquid.DemandRole}: role, count, entry threshold) with exit rules and a
 * time box; {@link dev.baton.engine.liquid.LiquidServices#formUnit} forms its battle
 * {@link dev.baton.engine.liquid.Unit} by evaluating a {@code unit-formation} rule pack over one
 * {@code Candidate} fact per person and demanded role, and explains for every candidate why they
 * were or were not picked. Every collaboration event is appended to the {@link
 * dev.baton.engine.liquid.CollaborationLedger}, hash-chained like the decision log
 * ({@code hash = SHA-256(previousHash ":" sequence ":" recordedAt ":" contentHash)}), and turned
 * into contribution points (液态积分) by a {@code contribution-points} pack. {@link
 * dev.baton.engine.liquid.LiquidRuntime} runs the battle-unit workflow (formation, one
 * commitment task per member, SLA timer with escalation, dissolution with a contribution
 * summary) through the official Camunda client.
 *
 * <p>The implementation lives in {@code liquid.internal}; stores commit through the durable
 * store mechanism of {@link dev.baton.engine.store.BatonStore}, on H2 and PostgreSQL.
 */
package dev.baton.engine.liquid;
