/**
 * The {@code baton} command line: {@code validate} checks packs, {@code test} runs their
 * examples, {@code evaluate} evaluates a pipeline of packs on a facts file and prints the
 * decision as JSON, {@code drl} prints the Drools rule language generated for a pack. Entry
 * point: {@link dev.baton.cli.BatonCli}; each subcommand is one small class built on {@link
 * dev.baton.cli.BatonCommand}, which turns expected failures into a message and an exit code.
 */
package dev.baton.cli;
