/**
 * The embedded Baton: one object that opens the database and wires the capabilities together
 * — rules, pack repository, decision log, consent ledger — for applications, the CLI and the
 * designer. {@link dev.baton.engine.runtime.Baton#decide} is the product's evaluation path:
 * consent facts from the ledger, evaluation, and a durable, hash-chained record.
 */
package dev.baton.engine.runtime;
