package dev.baton.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.engine.rulepack.CheckReport;
import dev.baton.engine.rulepack.Finding;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePackChecks;
import dev.baton.engine.rulepack.RulePacks;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code baton check <pack>...}: the static checks of each pack (rules that never fire, rules
 * that add nothing of their own, overlapping and conflicting rules, gaps); fails when a finding
 * is an error.
 */
@Command(
    name = "check",
    description = {
        "Checks the rules of each pack statically, without examples.",
        "Reports rules that can never fire (contradictory tests), rules that add nothing of"
            + " their own (inside another rule, with the same actions), rules that propose the"
            + " same action for the same facts, facts allowed by one rule and blocked by"
            + " another, and gaps: enumeration or numeric values of a fact for which no rule"
            + " fires. Exits with 1 when a finding is an error; warnings do not fail."})
final class CheckCommand extends BatonCommand {

  @Parameters(arity = "1..*", paramLabel = "<pack>",
      description = "A pack file (pack.yaml or pack.json) or a pack folder.")
  List<Path> packs;

  @Option(names = "--json", description = "Print the findings as one JSON document.")
  boolean json;

  @Option(names = "--lang", paramLabel = "<en|zh-CN>", defaultValue = "en",
      description = "The language of the messages: en (default) or zh-CN.")
  String lang;

  @Override
  protected int execute() {
    Locale locale;
    if ("en".equals(lang)) {
      locale = Locale.ENGLISH;
    } else if ("zh-CN".equals(lang)) {
      locale = Locale.SIMPLIFIED_CHINESE;
    } else {
      error("Unknown language '" + lang + "'. Use --lang en or --lang zh-CN.");
      return ExitCodes.USAGE;
    }
    int exit = ExitCodes.OK;
    ArrayNode all = PrettyJson.object().arrayNode();
    for (Path path : packs) {
      exit = Math.max(exit, attempt(() -> check(path, locale, all)));
    }
    if (json) {
      ObjectNode doc = PrettyJson.object();
      doc.set("packs", all);
      out().println(PrettyJson.write(doc));
    }
    return exit;
  }

  private int check(Path path, Locale locale, ArrayNode all) {
    RulePack pack = RulePacks.read(path);
    CheckReport report = RulePackChecks.check(pack);
    if (json) {
      all.add(json(path, report, locale));
    } else {
      print(path, report, locale);
    }
    return report.hasErrors() ? ExitCodes.INVALID : ExitCodes.OK;
  }

  private void print(Path path, CheckReport report, Locale locale) {
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    out().printf("%-8s %s  %s  (%d %s, %d %s)%n", errors > 0 ? "ERRORS" : "OK", path,
        report.pack(), errors, errors == 1 ? "error" : "errors", warnings,
        warnings == 1 ? "warning" : "warnings");
    for (Finding f : report.findings()) {
      out().printf("  %-7s %-11s %s%n", f.severity().name().toLowerCase(Locale.ROOT),
          kind(f.kind()), f.message(locale));
    }
  }

  private static ObjectNode json(Path path, CheckReport report, Locale locale) {
    ObjectNode node = PrettyJson.object();
    node.put("source", path.toString());
    node.put("pack", report.pack());
    node.put("errors", report.errors().size());
    node.put("warnings", report.warnings().size());
    ArrayNode findings = node.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode o = findings.addObject();
      o.put("kind", kind(f.kind()));
      o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
      ArrayNode rules = o.putArray("rules");
      f.ruleIds().forEach(rules::add);
      o.put("factType", f.factType());
      o.put("field", f.field());
      o.put("messageKey", f.messageKey());
      ArrayNode args = o.putArray("args");
      f.args().forEach(args::add);
      o.put("message", f.message(locale));
    }
    return node;
  }

  /** The kind as written in outputs: {@code never-fires}, {@code gap}... */
  static String kind(Finding.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
