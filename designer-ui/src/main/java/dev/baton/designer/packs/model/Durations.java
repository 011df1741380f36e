package dev.baton.designer.packs.model;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Durations as the designer shows them: an amount and one unit (days, hours, minutes, seconds),
 * written as ISO-8601 text ({@code P30D}, {@code PT3M}). A duration is shown in the largest
 * unit that holds it exactly, so {@code P1DT2H} reads as 26 hours and nothing is lost.
 */
public final class Durations {
  /** The units, largest first: D, H, M, S. */
  public static final List<String> UNITS = List.of("D", "H", "M", "S");

  private Durations() {}

  /** An amount of one unit. */
  public record Amount(long amount, String unit) {}

  /** The ISO-8601 text of an amount, e.g. {@code (3, "M")} → {@code PT3M}. */
  public static String iso(long amount, String unit) {
    return switch (unit) {
      case "D" -> "P" + amount + "D";
      case "H" -> "PT" + amount + "H";
      case "M" -> "PT" + amount + "M";
      case "S" -> "PT" + amount + "S";
      default -> throw new IllegalArgumentException("Unknown unit " + unit);
    };
  }

  /**
   * The amount and unit of an ISO-8601 duration; empty when the text is not a duration of days,
   * hours, minutes and seconds (weeks {@code P2W} count as days).
   */
  public static Optional<Amount> split(String iso) {
    if (iso == null || iso.isBlank()) {
      return Optional.empty();
    }
    Duration d;
    try {
      if (iso.matches("P-?\\d{1,6}W")) {
        d = Duration.ofDays(7L * Long.parseLong(iso.substring(1, iso.length() - 1)));
      } else {
        d = Duration.parse(iso);
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
    if (d.getNano() != 0) {
      return Optional.empty();
    }
    long s = d.getSeconds();
    if (s != 0 && s % 86_400 == 0) {
      return Optional.of(new Amount(s / 86_400, "D"));
    }
    if (s != 0 && s % 3_600 == 0) {
      return Optional.of(new Amount(s / 3_600, "H"));
    }
    if (s != 0 && s % 60 == 0) {
      return Optional.of(new Amount(s / 60, "M"));
    }
    return Optional.of(new Amount(s, s == 0 ? "D" : "S"));
  }
}
