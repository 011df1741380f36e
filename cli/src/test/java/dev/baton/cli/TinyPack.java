package dev.baton.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-rule pack, its examples and facts, written into a test's temporary folder. */
final class TinyPack {

  static final String PACK = """
      id: tiny
      version: 1.0.0
      kind: custom
      title: {en: Tiny pack, zh-CN: 小规则包}
      facts:
        Order:
          customerId: string
          amount: number
      rules:
        - id: r0
          title: {en: Large order - sales task, zh-CN: 大额订单：销售任务}
          when:
            - Order as o: {amount: {gte: 100}}
          then:
            - emit: {action: CREATE_SALES_TASK, customerId: $o.customerId, priority: HIGH}
      """;

  /** The same pack with an unknown field on line 13 and an unknown enum value on line 15. */
  static final String INVALID_PACK = PACK
      .replace("{amount: {gte: 100}}", "{amount: {gte: 100}, colour: red}")
      .replace("priority: HIGH", "priority: URGENT");

  static final String EXAMPLES = """
      - name: A large order creates a sales task
        now: 2026-11-27T09:00:00Z
        facts:
          Order: [{customerId: C1, amount: 150}]
        expect:
          fired: [r0]
          actions: [{action: CREATE_SALES_TASK, priority: HIGH}]
      - name: A small order creates nothing
        now: 2026-11-27T09:00:00Z
        facts:
          Order: [{customerId: C2, amount: 50}]
        expect:
          fired: []
          actions: []
      """;

  /** The examples with a wrong expectation in the second one. */
  static final String WRONG_EXAMPLES = EXAMPLES.replace("fired: []", "fired: [r0]");

  static final String FACTS = """
      {"now": "2026-11-27T09:00:00Z",
       "facts": {"Order": [{"customerId": "C1", "amount": 150}]}}
      """;

  private TinyPack() {}

  /** Writes {@code pack.yaml} (and {@code examples.yaml} when given) into the folder. */
  static Path write(Path dir, String pack, String examples) throws IOException {
    Files.writeString(dir.resolve("pack.yaml"), pack);
    if (examples != null) {
      Files.writeString(dir.resolve("examples.yaml"), examples);
    }
    return dir;
  }

  static Path writeFacts(Path dir, String facts) throws IOException {
    return Files.writeString(dir.resolve("facts.json"), facts);
  }
}
