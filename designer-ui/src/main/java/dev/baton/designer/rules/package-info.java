/**
 * The rule designer: editing one pack's rules with blocks, the palette, the test panel and the
 * decision table, autosaved as working copies ({@link dev.baton.designer.rules.WorkingCopies}).
 * Builds on {@code packs}; nothing outside {@code config} depends on it, and views reach it by
 * route ({@code packs.ui.PackRoutes}).
 */
package dev.baton.designer.rules;
