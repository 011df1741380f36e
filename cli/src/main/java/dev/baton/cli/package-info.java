/**
 * The {@code baton} command line: {@code validate} checks packs, {@code test} runs their
 * examples, {@code evaluate} evaluates a pipeline of packs on a facts file and prints the
 * decision as JSON (with {@code --record}, through the decision log), {@code drl} prints the
 * Drools rule language generated for a pack; {@code pack}, {@code decisions} and {@code consent}
 * work on the Baton database: the pack repository, the decision log (list, show, replay, verify,
 * backtest, export) and the consent ledger. Entry point: {@link dev.baton.cli.BatonCli}; each
 * subcommand is one small class built on {@link dev.baton.cli.BatonCommand}, which turns expected
 * failures into a message and an exit code, or on {@link dev.baton.cli.StoreCommand}, which
 * also opens the database given by {@code --db}.
 */
package dev.baton.cli;
