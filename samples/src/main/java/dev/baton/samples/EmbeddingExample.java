package dev.baton.samples;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.rules.Decision;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.rules.RulesEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Embedding Baton in plain Java: load the three template packs from the classpath, build the
 * facts of one customer in code, evaluate the pipeline {@code cmi-threshold → ai-trigger →
 * consent-check} and print why: the rules that fired, the actions, the actions vetoed with their
 * reasons and proofs, and the nearest miss of every rule that did not fire.
 *
 * <p>The customer, C-3003, shows three kinds of interest in the last 30 days (CMI 75, above the
 * threshold of 70), files a visit request for a 1.2 M deal (above the review limit), has a stale
 * opportunity whose next step is a voice call, granted WeChat marketing and withdrew voice
 * follow-up. So the AI pushes a content pack on WeChat, a person reviews the visit, and the
 * AI's voice follow-up script is vetoed with the withdrawal as proof.
 */
public final class EmbeddingExample {

  /** The pipeline, in evaluation order: route, let the AI act, then vet its actions. */
  public static final List<String> PIPELINE = List.of("cmi-threshold", "ai-trigger",
      "consent-check");

  /** The evaluation time is an input, never the wall clock, so the decision can be replayed. */
  public static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  private static final String CUSTOMER = "C-3003";

  private EmbeddingExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Evaluates the pipeline on the sample customer, prints why to {@code out}, returns the decision. */
  public static Decision run(PrintStream out) {
    List<RulePack> pipeline = PIPELINE.stream().map(EmbeddingExample::templatePack).toList();
    RulesEngine engine = RulesEngine.create(); // one engine per application; thread-safe
    Evaluation evaluation = Evaluation.of(pipeline, customerFacts(), NOW)
        .by("sample-" + CUSTOMER, "embedding-example");
    Decision decision = engine.evaluate(evaluation);
    explain(decision, out);
    return decision;
  }

  /** A template pack from the rule-packs jar, which holds them as baton/rule-packs/<id>/pack.yaml. */
  static RulePack templatePack(String id) {
    String resource = "baton/rule-packs/" + id + "/pack.yaml";
    try (InputStream in = EmbeddingExample.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The template pack " + resource + " is not on the"
            + " classpath: add the dev.baton:baton-rule-packs dependency.");
      }
      return RulePacks.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /** The facts of one customer, typed as the packs declare them; times are ISO-8601 text. */
  static List<Fact> customerFacts() {
    return List.of(
        fact("Customer", "customerId", CUSTOMER, "name", "Example Diagnostics Ltd",
            "region", "East China"),
        // cmi-threshold: three signal kinds in the last 30 days -> CMI 20 + 25 + 30 = 75
        fact("BehaviourSignal", "customerId", CUSTOMER, "kind", "WEBSITE_HEATMAP",
            "detail", "/solutions/architecture", "occurredAt", "2026-11-25T03:10:00Z"),
        fact("BehaviourSignal", "customerId", CUSTOMER, "kind", "COMMUNITY_KEYWORD",
            "detail", "deployment time", "occurredAt", "2026-11-20T12:00:00Z"),
        fact("BehaviourSignal", "customerId", CUSTOMER, "kind", "COMPETITOR_COMPARISON_DOWNLOAD",
            "detail", "comparison.pdf", "occurredAt", "2026-11-24T06:00:00Z"),
        // on the site, but navigated two minutes ago: no journey breakpoint yet
        fact("WebSession", "customerId", CUSTOMER, "onSite", true, "currentPage", "/pricing",
            "lastNavigationAt", "2026-11-27T08:58:00Z"),
        // ai-trigger: a deal above the review limit, and an opportunity not contacted for 15 days
        fact("VisitRequest", "requestId", "VR-3003-1", "customerId", CUSTOMER, "repId", "REP-12",
            "plannedDate", "2026-12-03", "channel", "WECOM", "dealSize", 1_200_000,
            "riskLevel", "LOW"),
        fact("Opportunity", "opportunityId", "OPP-3003", "customerId", CUSTOMER,
            "stage", "NEGOTIATION", "amount", 1_200_000, "nextStepChannel", "VOICE",
            "lastContactAt", "2026-11-12T10:00:00Z"),
        // consent-check: WeChat marketing granted; voice follow-up granted, then withdrawn
        fact("Consent", "customerId", CUSTOMER, "channel", "WECHAT", "purpose", "MARKETING",
            "status", "GRANTED", "source", "WECHAT_AUTHORIZATION",
            "evidenceId", "EV-3003-WX-MKT", "recordedAt", "2026-08-18T11:00:00Z"),
        fact("Consent", "customerId", CUSTOMER, "channel", "VOICE", "purpose", "SALES_FOLLOW_UP",
            "status", "GRANTED", "source", "EVENT_QR_CODE",
            "evidenceId", "EV-3003-VOICE-1", "recordedAt", "2026-03-12T09:00:00Z"),
        fact("Consent", "customerId", CUSTOMER, "channel", "VOICE", "purpose", "SALES_FOLLOW_UP",
            "status", "WITHDRAWN", "source", "SERVICE_HOTLINE",
            "evidenceId", "EV-3003-VOICE-2", "recordedAt", "2026-10-08T16:45:00Z"));
  }

  /** Prints the decision's reasons, section by section. */
  static void explain(Decision d, PrintStream out) {
    out.println("Decision for " + d.requestId() + " at " + d.now());
    out.println("Pipeline: " + d.packs().stream().map(p -> p.id() + "@" + p.version())
        .collect(Collectors.joining(" -> ")));
    out.println("Scores: " + (d.scores().isEmpty() ? "none" : d.scores().entrySet().stream()
        .map(s -> s.getKey() + " = " + s.getValue().toPlainString())
        .collect(Collectors.joining(", "))));
    out.println("Request blocked: " + (d.blocked() ? "yes" : "no"));

    out.println();
    out.println("Fired rules (" + d.fired().size() + "):");
    d.fired().forEach(f -> out.println("  " + f.pack() + "/" + f.rule() + ": " + f.title()));

    out.println();
    out.println("Actions (" + d.actions().size() + "):");
    d.actions().forEach(a -> out.println("  " + show(a)));

    out.println();
    out.println("Vetoed actions (" + d.vetoed().size() + "):");
    d.vetoed().forEach(v -> {
      out.println("  " + show(v.action()));
      out.println("    vetoed by " + v.pack() + "/" + v.rule() + ": " + v.reason()
          + " (proof: " + v.proof() + ")");
    });

    if (!d.allows().isEmpty()) {
      out.println();
      out.println("Allowed, with proof (" + d.allows().size() + "):");
      d.allows().forEach(a -> out.println("  " + a.pack() + "/" + a.rule() + ": " + a.reason()
          + " (proof: " + a.proof() + ")"));
    }

    out.println();
    out.println("Nearest misses - why the other rules did not fire (" + d.nearestMisses().size()
        + "):");
    d.nearestMisses().forEach(m -> out.println("  " + m.pack() + "/" + m.rule() + ", condition "
        + m.condition() + ": " + m.explanation()));
  }

  private static String show(Decision.DecidedAction a) {
    return a.action() + " " + a.params() + "  <- " + a.pack() + "/" + a.rule();
  }

  /** A fact from alternating field names and values. */
  private static Fact fact(String type, Object... fieldsAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      values.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return new Fact(type, values);
  }
}
