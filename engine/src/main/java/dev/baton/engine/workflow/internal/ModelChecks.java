package dev.baton.engine.workflow.internal;

import java.util.ArrayList;
import java.util.List;

/** The deployment checks of the embedded engine, run without deploying (for designers' lint). */
public final class ModelChecks {
  private ModelChecks() {}

  /** Every problem the engine would refuse the resource for; empty when it would deploy it. */
  public static List<String> deployProblems(String resourceName, byte[] xml) {
    try {
      ProcessModel.parse(resourceName, xml);
      return List.of();
    } catch (ProcessModel.InvalidModelException e) {
      String lead = "'" + resourceName + "': ";
      String body = e.getMessage().startsWith(lead) ? e.getMessage().substring(lead.length())
          : e.getMessage();
      List<String> out = new ArrayList<>();
      for (String part : body.split(";\\s+")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }
  }

  /** Why a {@code =} value is not FEEL, or null when it parses (or is a static string). */
  public static String feelSyntaxProblem(String value) {
    return Feel.isExpression(value) ? Feel.conditionSyntaxProblem(value) : null;
  }
}
