package dev.baton.engine.rulepack;

import java.util.List;

/** What a fact must satisfy: field tests combined with and / or. */
public sealed interface Constraint {

  /** A test of one field: {@code field operator args}. */
  record Test(String field, Operator operator, List<Operand> args) implements Constraint {
    public Test {
      args = List.copyOf(args);
    }
  }

  /** Every part holds (an empty list always holds). */
  record All(List<Constraint> parts) implements Constraint {
    public All {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part holds. */
  record Any(List<Constraint> parts) implements Constraint {
    public Any {
      parts = List.copyOf(parts);
    }
  }
}
