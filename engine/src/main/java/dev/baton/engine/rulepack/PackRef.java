package dev.baton.engine.rulepack;

import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to a rule pack: {@code id} (its active published version) or {@code id@version}
 * (that version). Parses, validates and formats the one text form used by the CLI, the REST API
 * and the decision log's filters.
 *
 * @param id the pack id
 * @param version the semantic version, or null for the active version
 */
public record PackRef(PackId id, String version) {
  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

  /**
   * @throws ValidationException when the version is given and is not a semantic version
   */
  public PackRef {
    java.util.Objects.requireNonNull(id, "id");
    if (version != null && !SEMVER.matcher(version).matches()) {
      throw invalid(id + "@" + version, "'" + version + "' is not a semantic version.",
          "Write the version as major.minor.patch, e.g. " + id + "@1.0.0.");
    }
  }

  /** The active version of a pack. */
  public static PackRef active(String id) {
    return new PackRef(new PackId(id), null);
  }

  /** One version of a pack. */
  public static PackRef of(String id, String version) {
    return new PackRef(new PackId(id), java.util.Objects.requireNonNull(version, "version"));
  }

  /**
   * Parses {@code id} or {@code id@version} (surrounding spaces ignored).
   *
   * @throws ValidationException naming the reference and what is wrong with it
   */
  public static PackRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(String.valueOf(text), "The pack reference is empty.",
          "Name a pack as id (its active version) or id@version, e.g. consent-check@1.1.0.");
    }
    String t = text.strip();
    int at = t.indexOf('@');
    String id = at < 0 ? t : t.substring(0, at);
    if (!PackId.isValid(id)) {
      throw invalid(t, "'" + id + "' is not a pack id.", "A pack id has lower-case letters,"
          + " digits and '-' and starts with a letter; name a pack as id or id@version, e.g."
          + " consent-check@1.1.0.");
    }
    if (at < 0) {
      return new PackRef(new PackId(id), null);
    }
    String version = t.substring(at + 1);
    if (version.isEmpty()) {
      throw invalid(t, "The version after '@' is missing.",
          "Write id@version, e.g. " + id + "@1.0.0, or just " + id + " for its active version.");
    }
    return new PackRef(new PackId(id), version);
  }

  /** The reference when the text is one, else empty (for input that may also be a path). */
  public static Optional<PackRef> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  /** The version, when the reference pins one. */
  public Optional<String> pinnedVersion() {
    return Optional.ofNullable(version);
  }

  /** {@code id} or {@code id@version}. */
  public String format() {
    return version == null ? id.value() : id.value() + "@" + version;
  }

  @Override
  public String toString() {
    return format();
  }

  private static ValidationException invalid(String ref, String message, String hint) {
    return new ValidationException("Not a pack reference: " + ref, List.of(
        new Problem("pack reference", 0, 0, null, ref, message, hint)));
  }
}
