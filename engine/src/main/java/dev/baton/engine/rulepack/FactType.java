package dev.baton.engine.rulepack;

import java.util.List;
import java.util.Optional;

/** A declared fact type: a name and its typed fields, in declaration order. */
public record FactType(String name, List<FieldDef> fields) {

  public FactType {
    fields = List.copyOf(fields);
  }

  /** The field with this name, if declared. */
  public Optional<FieldDef> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
