package dev.baton.engine.liquid;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.CrashHarness;
import dev.baton.engine.store.CrashHarness.CrashDatabase;
import dev.baton.engine.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durability of the liquid organisation's stores: a child JVM appends collaboration events on
 * several threads (the ledger's group commit), adds and changes people, and posts campaigns,
 * forms and dissolves their units, and is killed with SIGKILL while it does. Afterwards every
 * acknowledged event is in the ledger once and the chain verifies, every acknowledged person is
 * there with at least the last acknowledged change, and every acknowledged unit is there with
 * its members (dissolved when its dissolution was acknowledged). The people and unit writers
 * stop after a few writes, so that the events acknowledged last were made durable by the
 * ledger's own commits (a directory write's checkpoint would cover them on H2 as well).
 */
class LiquidCrashTest {
  private static final int EVENT_THREADS = 4;
  /** Thread numbers after the event writers. */
  private static final int PEOPLE_THREAD = EVENT_THREADS;
  private static final int UNIT_THREAD = EVENT_THREADS + 1;
  private static final int ACKS_BEFORE_KILL = 300;
  /** People and unit steps the child writes before only events are written (so that the last
   * events are made durable by the ledger's own commits, not by a directory write's). */
  private static final int PEOPLE = 20;
  private static final int UNIT_STEPS = 8;
  private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

  static List<String> databases() {
    return TestDatabases.names();
  }

  @ParameterizedTest
  @MethodSource("databases")
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void shouldKeepEveryAcknowledgedEventPersonAndUnitWhenTheProcessIsKilled(String db)
      throws Exception {
    try (CrashDatabase database = CrashDatabase.create(db)) {
      // given: a child appending events, changing people and forming units on 6 threads
      // when: it is killed with SIGKILL once each kind of write was acknowledged a few times
      CrashHarness.Run run = CrashHarness.run(LiquidCrashTest.class, database, lines ->
          count(lines, "ACK P:") >= PEOPLE && count(lines, "ACK U:") + count(lines, "ACK D:")
              >= UNIT_STEPS && count(lines, "ACK EV-") >= ACKS_BEFORE_KILL
              && lines.get(lines.size() - 1).startsWith("ACK EV-"));
      List<String> acknowledged = run.acknowledged();

      // then
      try (HikariDataSource ds = database.open()) {
        BatonStore store = BatonStore.open(ds);
        try (CollaborationLedger ledger = CollaborationLedger.open(store)) {
          // every acknowledged event once, and the chain intact
          List<String> events = acknowledged.stream().filter(a -> a.startsWith("EV-")).toList();
          List<String> found = ledger.all().stream().map(e -> e.event().eventId()).toList();
          CrashHarness.assertKeptOnce(events, found);
          LedgerVerifyReport report = ledger.verify();
          assertThat(report.intact()).as(report.problem()).isTrue();
          assertThat(report.checked()).isEqualTo(found.size());
        }
        LiquidDirectory directory = LiquidDirectory.on(store);
        // every acknowledged person, at least at the last acknowledged change of the changed one
        int lastChange = -1;
        List<String> people = new ArrayList<>();
        for (String a : acknowledged) {
          if (a.startsWith("P:")) {
            String[] parts = a.split(":");
            people.add(parts[1]);
            lastChange = Math.max(lastChange, Integer.parseInt(parts[2]));
          }
        }
        CrashHarness.assertKeptOnce(people, directory.people().stream().map(Person::id)
            .filter(id -> id.startsWith("P-CR-")).toList());
        Person changed = directory.person(changedPerson()).orElseThrow();
        assertThat(changed.name()).matches("Changed v\\d+");
        int version = Integer.parseInt(changed.name().substring("Changed v".length()));
        assertThat(version).as("the changed person's version after the last acknowledged change"
            + " %d", lastChange).isGreaterThanOrEqualTo(lastChange);
        assertThat(changed.passport().level("crash-writes")).as("the passport of that version")
            .isEqualTo(version % 6);
        // every acknowledged unit with its members; acknowledged dissolutions kept
        Map<String, Unit> units = new HashMap<>();
        directory.units().forEach(u -> units.put(u.id(), u));
        List<String> formed = new ArrayList<>();
        for (String a : acknowledged) {
          if (a.startsWith("U:")) {
            formed.add(a.substring(2));
          }
        }
        CrashHarness.assertKeptOnce(formed, units.keySet());
        for (String id : formed) {
          assertThat(units.get(id).members()).as("members of %s", id).hasSize(2);
          assertThat(directory.campaign(units.get(id).campaignId()).orElseThrow().status())
              .isIn(CampaignStatus.STAFFED, CampaignStatus.CLOSED);
        }
        for (String a : acknowledged) {
          if (a.startsWith("D:")) {
            Unit u = units.get(a.substring(2));
            assertThat(u.status()).as("acknowledged dissolution of %s", u.id())
                .isEqualTo(UnitStatus.DISSOLVED);
            assertThat(u.activeMembers()).isEmpty();
            assertThat(directory.campaign(u.campaignId()).orElseThrow().status())
                .isEqualTo(CampaignStatus.CLOSED);
          }
        }
      }
    }
  }

  private static long count(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).count();
  }

  private static String changedPerson() {
    return "P-CHANGED";
  }

  private static Person person(String id, String name, int level) {
    return new Person(id, name, "销售中台", "华东", new CapabilityPassport(
        Set.of("ACCOUNT_MANAGER"), Map.of("key-account", 4, "crash-writes", level), List.of()));
  }

  /**
   * The child: event writers append one event at a time; the people writer adds a person and
   * changes another; the unit writer posts a campaign, forms its unit and dissolves every second
   * one. Prints ACK lines: {@code EV-<t>-<i>}, {@code P:<id>:<i>}, {@code U:<unit>},
   * {@code D:<unit>}.
   */
  public static void main(String[] args) throws Exception {
    BatonStore store = BatonStore.open(CrashHarness.dataSource(args));
    LiquidDirectory directory = LiquidDirectory.on(store);
    CollaborationLedger ledger = CollaborationLedger.open(store);
    directory.savePerson(person(changedPerson(), "Changed v0", 0));
    directory.savePerson(person("P-MEMBER", "Member", 5));
    CrashHarness.writeUntilKilled(EVENT_THREADS + 2, (thread, i) -> {
      if ((thread == PEOPLE_THREAD && i >= PEOPLE) || (thread == UNIT_THREAD && i >= UNIT_STEPS)) {
        Thread.sleep(Long.MAX_VALUE); // done: from here on only events are written
      }
      if (thread == PEOPLE_THREAD) {
        String id = "P-CR-" + i;
        directory.savePerson(person(id, "Person " + i, i % 6));
        directory.savePerson(person(changedPerson(), "Changed v" + i, i % 6));
        return "P:" + id + ":" + i;
      }
      if (thread == UNIT_THREAD) {
        return unitStep(directory, i);
      }
      String id = "EV-" + thread + "-" + i;
      ledger.append(new CollaborationEvent(id, T0.plusSeconds(i), "P-CHANGED", null,
          "C-" + (i % 9), "BID_DOCUMENT", List.of("标书 v" + i), List.of("评审意见"),
          i % 3 == 0 ? "法务部" : null), "crash-test");
      return id;
    });
  }

  /** Even steps form a unit, odd steps dissolve the unit of the step before. */
  private static String unitStep(LiquidDirectory directory, int i) {
    int n = i / 2;
    String campaign = "CMP-CR-" + n;
    String unit = "U-CR-" + n;
    if (i % 2 == 1) {
      directory.dissolve(unit, T0.plus(Duration.ofHours(1)));
      return "D:" + unit;
    }
    directory.saveCampaign(new Campaign(campaign, "Crash " + n, "C-1", "华东", List.of(
        new DemandRole("ACCOUNT_MANAGER", 2, "key-account", 3, "")), List.of(),
        T0, T0.plus(Duration.ofHours(72)), Duration.ofHours(72), CampaignStatus.OPEN));
    Instant at = T0.plusSeconds(n);
    directory.saveUnit(new Unit(unit, campaign, UnitStatus.ACTIVE, FormationMode.AUTOMATIC, at,
        "crash-test", null, null, 0, List.of(new UnitMember(changedPerson(), "ACCOUNT_MANAGER",
            at, null), new UnitMember("P-MEMBER", "ACCOUNT_MANAGER", at, null))));
    return "U:" + unit;
  }
}
