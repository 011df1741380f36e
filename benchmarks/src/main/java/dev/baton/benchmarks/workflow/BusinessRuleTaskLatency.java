package dev.baton.benchmarks.workflow;

import dev.baton.engine.store.Databases;
import dev.baton.engine.workflow.EmbeddedWorkflowEngine;
import dev.baton.engine.workflow.WorkflowClients;
import dev.baton.engine.workflow.WorkflowEngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a DMN evaluation costs inside a business rule task: instances of two processes, one with
 * a business rule task between start and end (a decision table of 12 rules over two inputs, with
 * a required literal-expression decision) and one without it, started one at a time with
 * {@code CreateProcessInstanceWithResult} and interleaved; the difference of the medians is the
 * task's cost (evaluation, result variable, element lifecycle) on top of a durable instance.
 *
 * <p>Arguments: [instances per process (default 2000)] [jdbc url (default: H2 in a temp dir)].
 * Prints a warm-up round, then the measured one.
 */
public final class BusinessRuleTaskLatency {
  private BusinessRuleTaskLatency() {}

  static String dmn() {
    StringBuilder rules = new StringBuilder();
    String[] seasons = {"Winter", "Spring", "Summer", "Fall"};
    String[] sizes = {"< 4", "[4..8]", "> 8"};
    int n = 0;
    for (String s : seasons) {
      for (String g : sizes) {
        n++;
        rules.append("<rule id=\"r").append(n).append("\"><inputEntry><text>\"").append(s)
            .append("\"</text></inputEntry><inputEntry><text>").append(g.replace("<", "&lt;")
                .replace(">", "&gt;"))
            .append("</text></inputEntry><outputEntry><text>\"dish ").append(n)
            .append("\"</text></outputEntry></rule>");
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"menu\""
        + " name=\"Menu\" namespace=\"http://example.com/menu\">"
        + "<decision id=\"dish\" name=\"Dish\">"
        + "<informationRequirement><requiredDecision href=\"#season\"/></informationRequirement>"
        + "<decisionTable id=\"table\" hitPolicy=\"UNIQUE\">"
        + "<input id=\"i1\" label=\"Season\"><inputExpression typeRef=\"string\"><text>season"
        + "</text></inputExpression></input>"
        + "<input id=\"i2\" label=\"Guests\"><inputExpression typeRef=\"integer\"><text>"
        + "guestCount</text></inputExpression></input>"
        + "<output id=\"o1\" name=\"dish\" typeRef=\"string\"/>" + rules
        + "</decisionTable></decision>"
        + "<decision id=\"season\" name=\"Season\"><literalExpression><text>"
        + "if month &lt; 3 or month = 12 then \"Winter\" else if month &lt; 6 then \"Spring\""
        + " else if month &lt; 9 then \"Summer\" else \"Fall\"</text></literalExpression>"
        + "</decision></definitions>";
  }

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    String url = args.length > 1 ? args[1]
        : Databases.h2Url(Files.createTempDirectory("baton-brt-bench-"));
    try (var ds = Databases.pooled(url);
        EmbeddedWorkflowEngine engine = EmbeddedWorkflowEngine.start(
            WorkflowEngineOptions.defaults(ds).withPort(0));
        CamundaClient client = WorkflowClients.embedded(engine.grpcAddress())) {
      client.newDeployResourceCommand()
          .addResourceBytes(dmn().getBytes(StandardCharsets.UTF_8), "menu.dmn")
          .addProcessModel(Bpmn.createExecutableProcess("with-rule").startEvent()
              .businessRuleTask("choose", t -> t.zeebeCalledDecisionId("dish")
                  .zeebeResultVariable("dish")).endEvent().done(), "with-rule.bpmn")
          .addProcessModel(Bpmn.createExecutableProcess("without-rule").startEvent()
              .endEvent().done(), "without-rule.bpmn")
          .send().join();
      for (String phase : List.of("warm-up", "measured")) {
        int n = phase.equals("warm-up") ? Math.max(300, instances / 4) : instances;
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          Map<String, Object> vars = Map.of("month", 1 + i % 12, "guestCount", i % 11);
          with.add(run(client, "with-rule", vars, true));
          without.add(run(client, "without-rule", vars, false));
        }
        long[] w = with.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] wo = without.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: %d instances each; with the business rule task p50 %.2f ms,"
            + " p99 %.2f ms; without p50 %.2f ms, p99 %.2f ms; the task's cost at p50:"
            + " %.2f ms (%d cores, %s)%n", phase, n, pct(w, 0.5), pct(w, 0.99), pct(wo, 0.5),
            pct(wo, 0.99), pct(w, 0.5) - pct(wo, 0.5),
            Runtime.getRuntime().availableProcessors(),
            url.startsWith("jdbc:h2") ? "H2" : url.replaceAll("\\?.*", ""));
      }
    }
  }

  private static long run(CamundaClient client, String process, Map<String, Object> vars,
      boolean check) {
    long t0 = System.nanoTime();
    var r = client.newCreateInstanceCommand().bpmnProcessId(process).latestVersion()
        .variables(vars).withResult().send().join();
    long t = System.nanoTime() - t0;
    if (check && !(r.getVariablesAsMap().get("dish") instanceof String s
        && s.startsWith("dish "))) {
      throw new IllegalStateException("the decision gave no dish: " + r.getVariablesAsMap());
    }
    return t;
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }
}
