package dev.baton.engine.rulepack;

/** A declared field of a fact type. */
public record FieldDef(String name, FieldType type) {}
