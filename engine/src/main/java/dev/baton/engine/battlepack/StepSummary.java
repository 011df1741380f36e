package dev.baton.engine.battlepack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workflow step's summary as a message key with arguments, for a user interface that shows it
 * in the user's language. The step keeps the English summary its handler wrote (it is what is
 * stored); this class derives the key and the arguments from that text, so steps recorded before
 * this class existed render the same way. A summary of another shape (a shortened one, a future
 * handler's) becomes {@code step.text} with the summary as its argument, and is shown as it is.
 *
 * <p>Arguments are the values as the summary has them: ids, counts, instants, action lists and
 * the free texts of rules and reviewers (a review reason, a consent block's reason, comments).
 * A review role is given as {@code step.role.<role>} and a review status as
 * {@code step.status.<STATUS>}, for the user interface to translate ({@link #KEY_PREFIXES}).
 *
 * @param key the message key
 * @param args the arguments
 */
public record StepSummary(String key, List<String> args) {

  /** Prefixes of an argument that is itself a message key. */
  public static final List<String> KEY_PREFIXES = List.of("step.role.", "step.status.");

  private record Shape(String key, Pattern pattern, int role1, int role2, int status) {}

  private static Shape shape(String key, String regex) {
    return new Shape(key, Pattern.compile(regex, Pattern.DOTALL), 0, 0, 0);
  }

  private static Shape roles(String key, String regex, int role1, int role2, int status) {
    return new Shape(key, Pattern.compile(regex, Pattern.DOTALL), role1, role2, status);
  }

  private static final String DECISION = "Decision (\\S+) on (\\S+): ";
  private static final String ACTIONS = "; actions \\[(.*)\\]";

  private static final List<Shape> SHAPES = List.of(
      shape("step.evaluate.approval", DECISION + "the AI may generate the battle pack, a sales"
          + " manager approves it before release \\[(.*)\\]" + ACTIONS),
      shape("step.evaluate.allowed", DECISION + "the AI may generate the battle pack" + ACTIONS),
      shape("step.evaluate.review", DECISION + "the AI may not act \\(a person reviews first:"
          + " (.*)\\)" + ACTIONS),
      shape("step.evaluate.noPack", DECISION + "the AI may not act \\(the ai-trigger pack"
          + " proposed no battle pack for this visit request\\)" + ACTIONS),
      shape("step.evaluate.noChannel", DECISION + "the AI may not act \\(no customer contact"
          + " channel is known \\(no contactChannel on the request and no open deal with a"
          + " next-step channel\\), so consent cannot be checked\\)" + ACTIONS),
      shape("step.evaluate.consentProof", DECISION + "the AI may not act \\(consent blocked on"
          + " (\\S+): (.*) \\(proof (.*)\\)\\)" + ACTIONS),
      shape("step.evaluate.consent", DECISION + "the AI may not act \\(consent blocked on"
          + " (\\S+)\\)" + ACTIONS),
      shape("step.evaluate.blocked", DECISION + "the AI may not act \\((.*)\\)" + ACTIONS),
      shape("step.gather", "Gathered (\\d+) deals, (\\d+) competitor activities in (.*), (\\d+)"
          + " catalogue updates, (\\d+) purchase cycles, (\\d+) behaviour signals for (\\S+)"),
      shape("step.generate", "Generated battle pack (\\S+) with (\\d+) pricing strategies and"
          + " (\\d+) compliance risk hints by the (.+) generator; SHA-256 (\\S+)"),
      roles("step.queue", "Queued battle pack (\\S+) for ([a-z]+) review, due (\\S+)"
          + " \\(correlation key (.*)\\)", 2, 0, 0),
      shape("step.releaseManager", "Released battle pack (\\S+) to (\\S+) after legal and"
          + " finance approval and the sales manager's approval"),
      shape("step.release", "Released battle pack (\\S+) to (\\S+) after legal and finance"
          + " approval"),
      shape("step.return", "Returned battle pack (\\S+) to (\\S+) with the reviewers' comments"
          + " \\[(.*)\\]"),
      roles("step.escalated", "The ([a-z]+) review of (\\S+) was due at (\\S+): escalated to"
          + " the ([a-z]+) lead", 1, 4, 0),
      roles("step.notEscalated", "The ([a-z]+) review of (\\S+) is ([a-z]+): nothing to"
          + " escalate", 1, 0, 3),
      shape("step.noAlternatives", "The AI may not act and the decision has no other action:"
          + " nothing carried out"),
      shape("step.alternatives", "The AI may not act; carried out the decision's alternative"
          + " actions \\[(.*)\\]"));

  public StepSummary {
    args = List.copyOf(args);
  }

  /** The summary of a step. */
  public static StepSummary of(WorkflowStep step) {
    return of(step.summary());
  }

  /** The key and arguments of a step's summary (see the class comment). */
  public static StepSummary of(String summary) {
    String text = summary == null ? "" : summary;
    for (Shape s : SHAPES) {
      Matcher m = s.pattern().matcher(text);
      if (m.matches()) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          String g = m.group(i);
          if (i == s.role1() || i == s.role2()) {
            g = "step.role." + g;
          } else if (i == s.status()) {
            g = "step.status." + g.toUpperCase(java.util.Locale.ROOT);
          }
          args.add(g);
        }
        return new StepSummary(s.key(), args);
      }
    }
    return new StepSummary("step.text", List.of(text));
  }
}
