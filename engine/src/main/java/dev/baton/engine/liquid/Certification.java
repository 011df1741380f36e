package dev.baton.engine.liquid;

import java.time.Instant;
import java.util.Objects;

/**
 * A certification in a capability passport, valid from {@code validFrom} (inclusive) until
 * {@code validUntil} (exclusive; null = no expiry).
 */
public record Certification(String name, Instant validFrom, Instant validUntil) {
  public Certification {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(validFrom, "validFrom");
    if (name.isBlank()) {
      throw new LiquidInputException("A certification needs a name.");
    }
    if (validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new LiquidInputException("Certification " + name + ": validUntil " + validUntil
          + " must be after validFrom " + validFrom + ".");
    }
  }

  /** True when the certification is valid at that time. */
  public boolean validAt(Instant time) {
    return !time.isBefore(validFrom) && (validUntil == null || time.isBefore(validUntil));
  }
}
