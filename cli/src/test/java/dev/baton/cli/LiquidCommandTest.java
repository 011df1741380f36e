package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
