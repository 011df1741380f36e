package dev.baton.designer.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the engine's INVALID_ARGUMENT answer to a deployment into problems placed on the
 * elements they name ({@code serviceTask 'Task_1': needs zeebe:taskDefinition with a type}, or
 * Zeebe's {@code Element: Task_1} form).
 */
public final class Problems {
  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z_][\\w.\\-]*)'");
  private static final Pattern ELEMENT = Pattern.compile("Element: ([A-Za-z_][\\w.\\-]*)");

  private static final Pattern LEAD = Pattern.compile(
      "^Expected to deploy new resources, but '[^']*':\\s*");

  private Problems() {}

  /** The problems of one refusal; ids that are not elements of {@code knownIds} are skipped. */
  public static List<ElementProblem> parse(String message, Set<String> knownIds) {
    List<ElementProblem> out = new ArrayList<>();
    String body = message == null ? "" : message;
    for (String part : body.split(";\\s+|\\n")) {
      Set<String> ids = new LinkedHashSet<>();
      for (Pattern p : List.of(ELEMENT, QUOTED)) {
        Matcher m = p.matcher(part);
        while (m.find()) {
          if (knownIds.contains(m.group(1))) {
            ids.add(m.group(1));
          }
        }
      }
      String text = LEAD.matcher(part.strip()).replaceFirst("");
      if (ids.isEmpty()) {
        continue;
      }
      ids.forEach(id -> out.add(new ElementProblem(id, text)));
    }
    return out;
  }
}
