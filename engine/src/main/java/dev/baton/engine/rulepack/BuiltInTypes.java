package dev.baton.engine.rulepack;

import java.util.List;
import java.util.Optional;

/** The fact types every pack may use without declaring them. */
public final class BuiltInTypes {

  /** The running total of a score: {@code Score: {name: CMI, value: {gte: 70}}}. */
  public static final FactType SCORE =
      new FactType("Score", List.of(
          new FieldDef("name", FieldType.of(ValueType.STRING)),
          new FieldDef("value", FieldType.of(ValueType.NUMBER))));

  /** An action proposed by an earlier pack of the pipeline. */
  public static final FactType PROPOSED_ACTION =
      new FactType("ProposedAction", List.of(
          new FieldDef("id", FieldType.of(ValueType.STRING)),
          new FieldDef("action", FieldType.of(ValueType.STRING)),
          new FieldDef("customerId", FieldType.of(ValueType.STRING)),
          new FieldDef("channel", FieldType.of(ValueType.STRING)),
          new FieldDef("actor", FieldType.of(ValueType.STRING)),
          new FieldDef("pack", FieldType.of(ValueType.STRING)),
          new FieldDef("rule", FieldType.of(ValueType.STRING))));

  /** Both built-in types. */
  public static final List<FactType> ALL = List.of(SCORE, PROPOSED_ACTION);

  private BuiltInTypes() {}

  /** The built-in type with this name. */
  public static Optional<FactType> named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
