/**
 * The decision log: every evaluation recorded as evidence, hash-chained, replayable. {@link
 * dev.baton.engine.audit.DecisionLog#record} stores the canonical input facts, the exact packs
 * (by content hash), the decision and the hash of the previous record, durably, before it
 * returns; {@link dev.baton.engine.audit.DecisionLog#verify()} walks the chain and names the
 * first record that was changed or removed; a {@link dev.baton.engine.audit.Replayer}
 * re-evaluates recorded inputs on the recorded pack versions (replay) or on a candidate version
 * (backtest) and reports what differs. Entry point: {@link
 * dev.baton.engine.audit.DecisionLog#open(dev.baton.engine.store.BatonStore,
 * dev.baton.engine.rules.RulesEngine)}.
 *
 * <p>The chain, so that anyone can check it without Baton. Table {@code baton_decision} holds
 * one row per record; its documents {@code input} and {@code decision} are UTF-8 JSON compressed
 * with zlib (RFC 1950) and are hashed as stored. For the record at position {@code n} (1, 2,
 * ...): {@code content = SHA-256(f(decision_id) f(request_id) f(evaluated_at) f(actor)
 * f(customer_id) f(pack_refs) f(action_names) f(input) f(decision))}, where {@code f(v)} is the
 * byte length of {@code v} in decimal, a colon and the bytes (text as UTF-8; {@code -} alone
 * for a null), and {@code hash(n) = SHA-256(hash(n-1) ":" n ":" recorded_at ":" hex(content))}
 * over UTF-8; hashes in lower-case hex, {@code hash(0)} is 64 zeros, times in ISO-8601 UTC to
 * the millisecond ({@code 2026-11-27T09:00:00Z}, {@code 2026-11-27T09:00:00.120Z}). Table
 * {@code baton_decision_head} holds the last position and hash, so that records removed from
 * the end are noticed too.
 */
package dev.baton.engine.audit;
