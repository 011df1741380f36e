/**
 * The pre-visit battle pack (拜访作战包) workflow that runs on top of the official Camunda 8 Java
 * client: a rep's {@link dev.baton.engine.battlepack.VisitRequest} starts the BPMN process
 * {@code visit-battle-pack}; job workers ({@link dev.baton.engine.battlepack.BattlePackWorkers})
 * evaluate the rule pipeline, gather the customer's history
 * ({@link dev.baton.engine.battlepack.BattlePackHistory}), generate a pack of 3 pricing strategies
 * and 2 compliance risk hints with their evidence
 * ({@link dev.baton.engine.battlepack.BattlePackGenerator}), queue it for legal and finance
 * pre-review ({@link dev.baton.engine.battlepack.ReviewQueue}) and release it to the rep or return
 * it with the reviewers' comments. Every step lands on the decision's timeline
 * ({@link dev.baton.engine.battlepack.BattlePackStore#timeline(String)}).
 *
 * <p>The same workers and BPMN run against Baton's embedded Zeebe-protocol engine and against a
 * Camunda 8 cluster; nothing here depends on which one.
 */
package dev.baton.engine.battlepack;
