package dev.baton.engine.rules;

import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import java.util.List;

/** Small packs and facts for tests. */
final class Packs {
  private Packs() {}

  static final String CONSENT = """
      id: consent-check
      version: 1.0.0
      kind: consent-check
      title: {en: Consent check before automated outreach, zh-CN: 自动触达前的授权校验}
      facts:
        OutreachRequest: {customerId: string, channel: {enum: [EMAIL, SMS, VOICE, WECHAT]}, actor: {enum: [AI, HUMAN]}}
        Consent: {customerId: string, channel: {enum: [EMAIL, SMS, VOICE, WECHAT]}, status: {enum: [GRANTED, DENIED, WITHDRAWN]}, evidenceId: string, recordedAt: datetime}
      rules:
        - id: voice-refused-switch-to-text
          title: {en: Voice refused - send text instead, zh-CN: 拒绝语音则改发图文}
          when:
            - OutreachRequest as req: {channel: VOICE, actor: AI}
            - Consent as refusal: {customerId: $req.customerId, channel: VOICE, status: DENIED}
          then:
            - block: {reason: Customer refused voice contact, proof: $refusal.evidenceId}
            - emit: {action: SEND_TEXT, channel: SMS, customerId: $req.customerId}
      """;

  static RulePack pack(String yaml) {
    return RulePacks.parse("test.yaml", yaml);
  }

  static Fact fact(String type, Object... kv) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return new Fact(type, m);
  }

  static List<Fact> facts(Fact... f) {
    return List.of(f);
  }
}
