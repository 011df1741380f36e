/**
 * Rule packs as a user task: the pack list, templates, versions (diff, publish, roll back,
 * backtest) and template parameters, through {@link dev.baton.designer.packs.RulePackService};
 * the editable pack model ({@code model}) and the typed value editor ({@code ui.ValueEditor}),
 * which the rule designer ({@code rules}) builds on; the REST controllers for packs and
 * evaluation.
 */
package dev.baton.designer.packs;
