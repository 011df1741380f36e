package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiquidCommandTest {
  @TempDir
  Path dir;

  String db;

  @BeforeEach
  void freshDatabase() {
    db = TestDb.url(dir);
  }

  @Test
  void shouldFormUnitRecordEventsAndReportPointsWhenDemoIsLoaded() {
    // given
    Baton.Run demo = Baton.run("liquid", "demo", "--db", db);
    // when
    Baton.Run preview = Baton.run("liquid", "form", "--campaign", "CMP-2026Q4-FLEET",
        "--dry-run", "--all", "--db", db);
    Baton.Run formed = Baton.run("liquid", "form", "--campaign", "CMP-2026Q4-FLEET", "--db", db);
    Baton.Run recorded = Baton.run("liquid", "record", "--id", "EV-CLI-1", "--person", "P-0013",
        "--campaign", "CMP-2026Q4-FLEET", "--customer", "C-2002", "--kind", "bid_document",
        "--input", "招标文件", "--output", "标书 38 页", "--department", "法务部",
        "--at", "2026-12-07T03:00:00Z", "--db", db);
    Baton.Run points = Baton.run("liquid", "points", "--campaign", "CMP-2026Q1-STORAGE",
        "--db", db);
    Baton.Run verify = Baton.run("liquid", "verify", "--db", db);
    Baton.Run kpis = Baton.run("liquid", "kpis", "--db", db);
    // then
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(preview.out()).contains("P-0003 NOT_ELIGIBLE for RISK_EXPERT",
        "CERTIFICATION_MISSING");
    assertThat(formed.exitCode()).as(formed.err()).isZero();
    assertThat(formed.out()).contains("ACTIVE for CMP-2026Q4-FLEET", "ACCOUNT_MANAGER: picked");
    assertThat(recorded.exitCode()).as(recorded.err()).isZero();
    assertThat(recorded.out()).contains("Recorded EV-CLI-1 as #");
    assertThat(points.out()).contains("P-0001", "attributable 100%");
    assertThat(verify.out()).contains("Intact:");
    assertThat(kpis.out()).contains("target 23");
  }

  @Test
  void shouldRefuseEventOfUnknownPersonWithReason() {
    // when
    Baton.Run run = Baton.run("liquid", "record", "--id", "EV-1", "--person", "P-NOBODY",
        "--kind", "BID_DOCUMENT", "--db", db);
    // then
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("P-NOBODY", "Add the person first");
    assertThat(Baton.run("liquid", "events", "--db", db).out()).isEmpty();
  }

  @Test
  void shouldImportJsonLinesAndRecordRepeatedIdsOnceWhenImportedTwice() throws Exception {
    // given: the demo's people and campaigns; EV-IMP-2 twice, a blank line
    Baton.run("liquid", "demo", "--db", db);
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, """
        {"eventId": "EV-IMP-1", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001", \
        "campaignId": "CMP-2026Q4-FLEET", "customerId": "C-2002", "kind": "BID_DOCUMENT", \
        "inputs": ["招标文件"], "outputs": ["标书 38 页"], "counterpartDepartment": "法务部"}
        {"eventId": "EV-IMP-2", "occurredAt": "2026-12-06T09:00:00Z", "personId": "P-0013", \
        "kind": "CASE_LIBRARY_USE"}

        {"eventId": "EV-IMP-2", "occurredAt": "2026-12-06T09:00:00Z", "personId": "P-0013", \
        "kind": "CASE_LIBRARY_USE"}
        """);
    // when
    Baton.Run first = Baton.run("liquid", "import", file.toString(), "--actor", "crm-sync",
        "--db", db);
    Baton.Run again = Baton.run("liquid", "import", file.toString(), "--db", db);
    // then
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("recorded 3 of 3");
    assertThat(first.out()).contains("Imported 3 events from " + file
        + ": 2 new, 0 already recorded, 1 repeated in the file.", "Chain head: #");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("0 new, 2 already recorded, 1 repeated in the file.");
    String head = first.out().substring(first.out().indexOf("Chain head"));
    assertThat(again.out()).contains(head.strip());
    String events = Baton.run("liquid", "events", "--campaign", "CMP-2026Q4-FLEET", "--db", db)
        .out();
    assertThat(events).contains("EV-IMP-1 P-0001 BID_DOCUMENT", "with 法务部");
    assertThat(Baton.run("liquid", "verify", "--db", db).out()).contains("Intact:");
  }

  @Test
  void shouldImportJsonArrayInChunksAndPrintProgress() throws Exception {
    // given: 1,200 events in a JSON array
    Baton.run("liquid", "demo", "--db", db);
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < 1200; i++) {
      json.append(i == 0 ? "" : ",\n").append("""
          {"eventId": "EV-BULK-%d", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001",           "kind": "KNOWLEDGE_SESSION"}""".formatted(i));
    }
    Path file = dir.resolve("events.json");
    Files.writeString(file, json.append("\n]\n"));
    // when
    Baton.Run run = Baton.run("liquid", "import", file.toString(), "--db", db);
    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("recorded 500 of 1,200", "recorded 1,000 of 1,200",
        "recorded 1,200 of 1,200");
    assertThat(run.out()).contains("Imported 1,200 events", "1,200 new, 0 already recorded");
    assertThat(Baton.run("liquid", "verify", "--db", db).out()).contains("Intact:");
  }

  @Test
  void shouldRecordNothingAndNameEveryProblemWithItsLineWhenAnyEventIsInvalid()
      throws Exception {
    // given: [1] has no time (line 3), [2] an unknown person and campaign (line 4), [3] a typo
    // in a field name (line 5)
    Baton.run("liquid", "demo", "--db", db);
    Path file = dir.resolve("bad.json");
    Files.writeString(file, """
        [
          {"eventId": "EV-OK", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001", "kind": "BID_DOCUMENT"},
          {"eventId": "EV-NO-TIME", "personId": "P-0001", "kind": "BID_DOCUMENT"},
          {"eventId": "EV-NOBODY", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-NOBODY", "campaignId": "CMP-NONE", "kind": "BID_DOCUMENT"},
          {"eventId": "EV-TYPO", "occurredAt": "2026-12-06T08:00:00Z", "person": "P-0001", "kind": "bid"}
        ]
        """);
    Path broken = dir.resolve("broken.jsonl");
    Files.writeString(broken, """
        {"eventId": "EV-A", "occurredAt": "2026-12-06T08:00:00Z", "personId": "P-0001", "kind": "BID_DOCUMENT"}
        {"eventId": "EV-B", "occurredAt": "2026-12-06T08:00:00Z",
        """);
    // when
    Baton.Run run = Baton.run("liquid", "import", file.toString(), "--db", db);
    Baton.Run jsonl = Baton.run("liquid", "import", broken.toString(), "--db", db);
    Baton.Run missing = Baton.run("liquid", "import", dir.resolve("nope.json").toString(),
        "--db", db);
    // then
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nothing recorded: 5 problems in " + file,
        file + ":3: [1].occurredAt: is missing",
        file + ":4: [2].personId: no person P-NOBODY in the directory.",
        file + ":4: [2].campaignId: no campaign CMP-NONE.",
        file + ":5: [3].person: is not a field of an event",
        file + ":5: [3].personId: is missing").doesNotContain("[0]");
    assertThat(run.err().indexOf("[1].occurredAt")).isLessThan(run.err().indexOf("[2].personId"));
    assertThat(jsonl.exitCode()).isEqualTo(1);
    assertThat(jsonl.err()).contains(broken + ":2: [1]: not valid JSON");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("No such events file");
    assertThat(Baton.run("liquid", "events", "--db", db).out()).doesNotContain("EV-OK", "EV-A");
  }
}
