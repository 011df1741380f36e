package dev.baton.engine.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.engine.rulepack.Finding.Kind;
import dev.baton.engine.rulepack.Finding.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RulePackChecksTest {

  private static final String HEADER = """
      id: t
      version: 1.0.0
      kind: custom
      title: {en: T, zh-CN: 测试}
      parameters:
        limit: {type: number, value: 1000, title: {en: Limit, zh-CN: 限额}}
      facts:
        Req: {customerId: string, channel: {enum: [EMAIL, SMS, VOICE]}, amount: number, seats: integer, vip: boolean, at: datetime}
        Consent: {customerId: string, status: {enum: [GRANTED, DENIED]}}
      rules:
      """;

  private static CheckReport check(String rules) {
    return RulePackChecks.check(RulePacks.parse("p.yaml", HEADER + rules));
  }

  private static String rule(String id, String when, String then) {
    return "  - id: " + id + "\n    title: {en: R, zh-CN: 规则}\n    when:\n" + when
        + "    then:\n" + then;
  }

  private static final String EMIT_A = "      - emit: {action: A, customerId: $r.customerId}\n";
  private static final String EMIT_B = "      - emit: {action: B, customerId: $r.customerId}\n";

  @Test
  void probeTemplates() {
    for (String id : List.of("ai-trigger", "cmi-threshold", "consent-check")) {
      CheckReport r = RulePackChecks.check(RulePacks.read(Path.of("../rule-packs", id)));
      System.out.println(id);
      r.findings().forEach(f -> System.out.println("  " + f + " | " + f.message(Locale.SIMPLIFIED_CHINESE)));
    }
  }
}
