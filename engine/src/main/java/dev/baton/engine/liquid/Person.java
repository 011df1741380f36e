package dev.baton.engine.liquid;

import java.util.Objects;

/** A person of the sales organisation with their capability passport. */
public record Person(String id, String name, String department, String region,
    CapabilityPassport passport) {
  public Person {
    Names.checkId("person id", id);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passport, "passport");
    if (name.isBlank()) {
      throw new LiquidInputException("Person " + id + " needs a name.");
    }
  }
}
