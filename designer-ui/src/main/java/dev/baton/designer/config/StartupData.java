package dev.baton.designer.config;

import dev.baton.designer.packs.PackZips;
import dev.baton.designer.packs.TemplateCatalogue;
import dev.baton.designer.security.UserAccounts;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.repository.PackSummary;
import dev.baton.engine.rulepack.Fact;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rules.Evaluation;
import dev.baton.engine.runtime.Baton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * What the designer finds on first start: the template packs imported as drafts (with their
 * examples); on the embedded defaults (or with {@code baton.demo.enabled=true}) also the demo
 * users, the templates published as their first versions and demo decisions recorded on them,
 * so that a backtest has something to compare against. (The battle pack's demo customers are
 * the engine's {@code battlepack.DemoData}.)
 */
@Component
public class StartupData implements ApplicationRunner {
  /** Who the start-up imports are recorded as. */
  public static final String SYSTEM_ACTOR = "baton-setup";
  private static final Logger LOG = LoggerFactory.getLogger(StartupData.class);
  private static final Instant DEMO_NOW = Instant.parse("2026-11-27T09:00:00Z");
  private static final List<String> SIGNALS = List.of("WEBSITE_HEATMAP", "COMMUNITY_KEYWORD",
      "COMPETITOR_COMPARISON_DOWNLOAD", "RATING_CHANGE");

  private final Baton baton;
  private final TemplateCatalogue catalogue;
  private final UserAccounts users;
  private final boolean demo;

  public StartupData(Baton baton, TemplateCatalogue catalogue, UserAccounts users,
      @Value("${baton.db.url:}") String dbUrl, @Value("${baton.demo.enabled:}") String demo) {
    this.baton = baton;
    this.catalogue = catalogue;
    this.users = users;
    this.demo = BatonConfiguration.demoMode(dbUrl, demo);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (demo) {
      demoUsers();
    }
    importTemplates();
    if (demo) {
      demoDecisions();
    }
  }

  private void demoUsers() {
    LOG.warn("Demo users are enabled (embedded defaults): analyst, ops, legal, finance, auditor,"
        + " developer and admin, each with its name as password. Never use them in production:"
        + " configure baton.db.url (BATON_DB_URL) and start with BATON_ADMIN_PASSWORD; the demo"
        + " users are then disabled (see the README's Production section).");
    if (users.count() > 0) {
      return;
    }
    ProductionAccounts.DEMO_USERS.forEach((name, roles) -> users.create(name, name, name, roles));
  }

  private void importTemplates() {
    Set<String> present = baton.packs().list().stream().map(PackSummary::id)
        .collect(Collectors.toSet());
    for (TemplateCatalogue.Template t : catalogue.templates()) {
      String id = t.pack().id();
      if (present.contains(id)) {
        continue;
      }
      baton.packs().importTemplate(t.pack(), Map.of(), SYSTEM_ACTOR);
      if (t.examples() != null) {
        RulePack draft = baton.packs().draft(id).orElseThrow().pack();
        baton.packs().importDraft(PackSource.bytes(id + ".zip", PackZips.of(draft,
            t.examples())), SYSTEM_ACTOR, "examples of template " + t.pack().coordinates());
      }
      if (demo) {
        baton.packs().publish(id, SYSTEM_ACTOR, "template " + t.pack().coordinates());
      }
      LOG.info("Imported template pack {}", t.pack().coordinates());
    }
  }

  /** Decisions of the CMI pack for 48 demo customers with every mix of behaviour signals. */
  private void demoDecisions() {
    // its own first record, not "any record": the liquid organisation's demo records formation
    // decisions too, and may run first
    if (baton.decisions().byRequestId("DEMO-C-2001").isPresent()) {
      return;
    }
    RulePack cmi = baton.packs().active("cmi-threshold").orElse(null);
    if (cmi == null) {
      return;
    }
    for (int i = 0; i < 48; i++) {
      String customer = String.format("C-%04d", 2001 + i);
      List<Fact> facts = new ArrayList<>();
      facts.add(new Fact("Customer", Map.of("customerId", customer, "name",
          "示例客户 " + (i + 1), "region", i % 2 == 0 ? "华东" : "华南")));
      int mask = i % 16;
      for (int s = 0; s < SIGNALS.size(); s++) {
        if ((mask & (1 << s)) != 0) {
          facts.add(new Fact("BehaviourSignal", Map.of("customerId", customer, "kind",
              SIGNALS.get(s), "detail", "demo", "occurredAt",
              DEMO_NOW.minus(Duration.ofDays(2 + s)).toString())));
        }
      }
      baton.decide(Evaluation.of(List.of(cmi), facts, DEMO_NOW)
          .by("DEMO-" + customer, SYSTEM_ACTOR));
    }
    LOG.info("Recorded 48 demo decisions of cmi-threshold for backtests");
  }
}
