package dev.baton.engine.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A business rule task's reference to published Baton rule packs: the {@code decisionId} of
 * {@code zeebe:calledDecision} when it starts with {@value #PREFIX}. One pack, or a pipeline of
 * packs evaluated in the order given, each at its active version or a version named with
 * {@code @}:
 *
 * <pre>
 *   baton:consent-check                          the active version of one pack
 *   baton:consent-check@1.1.0                    that version
 *   baton:cmi-threshold,ai-trigger,consent-check a pipeline, each pack at its active version
 *   baton:cmi-threshold@2.0.0,consent-check      versions may be mixed
 * </pre>
 *
 * @param packs the pipeline, in order (at least one)
 */
public record RuleDecisionRef(List<PackStep> packs) {
  /** What marks a decision id as a Baton rule pack reference. */
  public static final String PREFIX = "baton:";

  private static final Pattern PACK_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]*");

  /** Checks the pipeline. */
  public RuleDecisionRef {
    packs = List.copyOf(packs);
    if (packs.isEmpty()) {
      throw new IllegalArgumentException("A rule decision needs at least one pack");
    }
  }

  /**
   * One pack of the pipeline.
   *
   * @param packId the pack's id
   * @param version the published version, or null for the pack's active version
   */
  public record PackStep(String packId, String version) {
    @Override
    public String toString() {
      return version == null ? packId : packId + "@" + version;
    }
  }

  /** Whether a decision id names Baton rule packs (starts with {@value #PREFIX}). */
  public static boolean isRuleDecision(String decisionId) {
    return decisionId != null && decisionId.startsWith(PREFIX);
  }

  /**
   * Parses a decision id such as {@code baton:cmi-threshold,consent-check@1.1.0}.
   *
   * @throws IllegalArgumentException naming the part that is wrong and the expected form
   */
  public static RuleDecisionRef parse(String decisionId) {
    if (!isRuleDecision(decisionId)) {
      throw new IllegalArgumentException("'" + decisionId + "' is not a Baton rule decision: it"
          + " must start with '" + PREFIX + "'");
    }
    String body = decisionId.substring(PREFIX.length());
    List<PackStep> steps = new ArrayList<>();
    for (String part : body.split(",", -1)) {
      String p = part.strip();
      int at = p.indexOf('@');
      String id = at < 0 ? p : p.substring(0, at);
      String version = at < 0 ? null : p.substring(at + 1);
      if (!PACK_ID.matcher(id).matches() || version != null
          && !VERSION.matcher(version).matches()) {
        throw new IllegalArgumentException("'" + decisionId + "': '" + p + "' is not a pack"
            + " reference; write " + PREFIX + "<pack-id>[@<version>], several separated by"
            + " commas for a pipeline (pack ids are lower case letters, digits, '.', '_' and"
            + " '-'), e.g. " + PREFIX + "cmi-threshold,consent-check@1.1.0");
      }
      steps.add(new PackStep(id, version));
    }
    return new RuleDecisionRef(steps);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(PREFIX);
    for (int i = 0; i < packs.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(packs.get(i));
    }
    return sb.toString();
  }
}
