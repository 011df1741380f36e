package dev.baton.engine.rulepack.internal.check;

/**
 * The values a field may take under some tests, with {@code missing} standing for an absent
 * field. Implementations are immutable.
 */
sealed interface ValueSet permits Discrete, Ranges {

  /** True when the field may be absent. */
  boolean missing();

  /** True when no value (and not missing) is in the set. */
  boolean isEmpty();

  /** The values in both. */
  ValueSet intersect(ValueSet other);

  /** True when every value of {@code other} is in this set. */
  boolean containsAll(ValueSet other);

  /** The same set, without the missing field. */
  ValueSet present();

  /** A short readable description of the values, e.g. {@code ∈ {WON, LOST}} or {@code < 5}. */
  String describe(String field);
}
