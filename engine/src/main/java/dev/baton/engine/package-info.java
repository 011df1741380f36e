/**
 * Baton's embeddable engine. Capabilities live in sub-packages, each one an API package with its
 * implementation in {@code internal} below it: {@code rulepack} (the declarative rule-pack model,
 * reading, validation and canonical form) and {@code rules} (evaluation on Drools, decisions with
 * reasons). Only API packages may be used from outside; the engine needs no Spring.
 */
package dev.baton.engine;
