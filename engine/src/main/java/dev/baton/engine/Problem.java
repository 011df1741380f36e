package dev.baton.engine;

/**
 * One thing wrong with an input, with where it is and how to fix it.
 *
 * @param source the file or input name, e.g. {@code rule-packs/consent-check/pack.yaml}
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param ruleId the rule the problem is in, or {@code null}
 * @param path the path of the offending element, e.g. {@code rules[2].when[0].Consent.status}
 * @param message what is wrong
 * @param hint what to do about it, or {@code null}
 */
public record Problem(
    String source, int line, int column, String ruleId, String path, String message, String hint) {

  /** Renders {@code source:line:column: [rule id] path: message (hint)}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(source == null ? "<input>" : source);
    if (line > 0) {
      b.append(':').append(line).append(':').append(column);
    }
    b.append(": ");
    if (ruleId != null) {
      b.append("rule '").append(ruleId).append("': ");
    }
    if (path != null && !path.isEmpty()) {
      b.append(path).append(": ");
    }
    b.append(message);
    if (hint != null && !hint.isEmpty()) {
      b.append(" Hint: ").append(hint);
    }
    return b.toString();
  }
}
