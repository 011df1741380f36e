/**
 * The rule-pack repository: packs as versioned artifacts. Sales ops import a pack (folder,
 * YAML/JSON file or zip) or a template with parameter values as an editable draft; publishing
 * canonicalises and hashes the content (SHA-256) into an immutable version whose number must
 * exceed the last; versions are retired or rolled back to, and every change is an event with
 * who, when and why. Callers pin a version or get the active one. {@link
 * dev.baton.engine.repository.PackDiff} compares any two versions by meaning (rules, conditions,
 * operators, thresholds, actions, parameters, fact types), as JSON or readable text in English
 * and Chinese; a template upgrade merges base template, new template and local edits three ways
 * and reports conflicts instead of overwriting. Entry point: {@link
 * dev.baton.engine.repository.PackRepository}.
 */
package dev.baton.engine.repository;
