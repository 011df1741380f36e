/**
 * The rule-pack model: a typed, declarative description of fact types and rules that analysts
 * compose without code, read from YAML or JSON ({@link dev.baton.engine.rulepack.RulePacks}),
 * validated with every problem located, and written back in a canonical form whose SHA-256 is
 * the pack's content hash. Values are immutable records; nothing here runs rules.
 */
package dev.baton.engine.rulepack;
