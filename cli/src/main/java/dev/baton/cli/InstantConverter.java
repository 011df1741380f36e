package dev.baton.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an ISO-8601 instant such as {@code 2026-11-27T09:00:00Z} or {@code ...T17:00+08:00}. */
final class InstantConverter implements ITypeConverter<Instant> {

  @Override
  public Instant convert(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant;"
          + " write e.g. 2026-11-27T09:00:00Z or 2026-11-27T17:00:00+08:00.");
    }
  }
}
