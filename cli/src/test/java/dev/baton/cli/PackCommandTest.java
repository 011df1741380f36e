package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {
  private static final Pattern HASH = Pattern.compile("sha256:([0-9a-f]{64})");

  @TempDir
  Path dir;

  String db;

  @BeforeEach
  void freshDatabase() {
    db = TestDb.url(dir);
  }

  private Baton.Run pack(String... args) {
    List<String> all = new ArrayList<>(List.of("pack"));
    all.addAll(List.of(args));
    all.addAll(List.of("--db", db, "--actor", "ops@example.com"));
    return Baton.run(all.toArray(String[]::new));
  }

  private static String hash(Baton.Run run) {
    Matcher m = HASH.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return m.group(1);
  }

  @Test
  void shouldImportPublishDiffExportAndRollBackWhenSalesOpsChangeTheThreshold()
      throws IOException {
    // given
    Path template = TestDb.TEMPLATES.resolve("cmi-threshold");
    Path changed = TestDb.lowerCmiThreshold(dir);

    // when
    Baton.Run imported = pack("import", template.toString(), "--note", "template as shipped");
    Baton.Run published = pack("publish", "cmi-threshold", "--note", "first version");
    Baton.Run importedChange = pack("import", changed.toString());
    Baton.Run publishedChange = pack("publish", "cmi-threshold", "--note", "threshold 50");
    Baton.Run history = pack("history", "cmi-threshold");
    Baton.Run diff = pack("diff", "cmi-threshold", "1.0.0", "1.1.0");
    Baton.Run diffChinese = pack("diff", "cmi-threshold", "1.0.0", "1.1.0", "--lang", "zh-CN");
    Baton.Run diffJson = pack("diff", "cmi-threshold", "1.0.0", "1.1.0", "--json");
    Path zip = dir.resolve("cmi-threshold-1.0.0.zip");
    Baton.Run exported = pack("export", "cmi-threshold", "1.0.0", "-o", zip.toString());
    Baton.Run rolledBack = pack("rollback", "cmi-threshold", "1.0.0", "--why",
        "threshold 50 sends too few customers to sales");
    Baton.Run shown = pack("show", "cmi-threshold");
    Baton.Run listed = pack("list");

    // then
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported cmi-threshold 1.0.0 as draft revision 1");
    assertThat(published.exitCode()).as(published.err()).isZero();
    assertThat(published.out()).contains("Published cmi-threshold 1.0.0",
        "now the active version");
    assertThat(hash(published)).isEqualTo(hash(imported));
    assertThat(importedChange.exitCode()).isZero();
    assertThat(publishedChange.exitCode()).as(publishedChange.err()).isZero();
    assertThat(publishedChange.out()).contains("Published cmi-threshold 1.1.0");

    assertThat(history.exitCode()).isZero();
    assertThat(history.out()).contains("DRAFT_IMPORTED", "PUBLISHED", "none → 1.0.0",
        "1.0.0 → 1.1.0", "ops@example.com", "template as shipped", "threshold 50");

    assertThat(diff.exitCode()).isZero();
    assertThat(diff.out()).contains("cmi-threshold 1.0.0 → 1.1.0", "cmiThreshold", "70", "50");
    assertThat(diffChinese.exitCode()).isZero();
    assertThat(diffChinese.out()).contains("cmiThreshold").containsPattern("\\p{IsHan}");
    assertThat(diffJson.exitCode()).isZero();
    assertThat(diffJson.out().strip()).startsWith("{").endsWith("}");
    assertThat(diffJson.out()).contains("PARAMETER_VALUE_CHANGED");

    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(exported.out()).contains("Wrote cmi-threshold 1.0.0", zip.toString());
    assertThat(zipEntries(zip)).contains("cmi-threshold/pack.yaml",
        "cmi-threshold/examples.yaml");

    assertThat(rolledBack.exitCode()).as(rolledBack.err()).isZero();
    assertThat(rolledBack.out()).contains("active version is now 1.0.0 (was 1.1.0)");
    assertThat(shown.exitCode()).isZero();
    assertThat(shown.out()).contains("id: cmi-threshold", "version: 1.0.0");
    assertThat(listed.out()).containsPattern("cmi-threshold\\s+cmi-threshold\\s+PUBLISHED"
        + "\\s+1\\.0\\.0\\s+1\\.1\\.0");
  }

  @Test
  void shouldGiveTheSameContentHashWhenTheExportedZipIsImported() {
    // given
    pack("import", TestDb.TEMPLATES.resolve("consent-check").toString());
    String publishedHash = hash(pack("publish", "consent-check"));
    Path zip = dir.resolve("consent-check.zip");
    pack("export", "consent-check", "1.1.0", "-o", zip.toString());

    // when
    Baton.Run reimported = pack("import", zip.toString());

    // then
    assertThat(reimported.exitCode()).as(reimported.err()).isZero();
    assertThat(hash(reimported)).isEqualTo(publishedHash);
  }

  @Test
  void shouldShowTheRetiredHistoryWhenAVersionIsRetired() throws IOException {
    // given
    pack("import", TestDb.TEMPLATES.resolve("cmi-threshold").toString());
    pack("publish", "cmi-threshold");
    pack("import", TestDb.lowerCmiThreshold(dir).toString());
    pack("publish", "cmi-threshold");

    // when
    Baton.Run retired = pack("retire", "cmi-threshold", "1.1.0", "--why", "too low for Q4");
    Baton.Run history = pack("history", "cmi-threshold");

    // then
    assertThat(retired.exitCode()).as(retired.err()).isZero();
    assertThat(retired.out()).contains("Retired cmi-threshold 1.1.0",
        "the active version is 1.0.0");
    assertThat(history.out()).contains("RETIRED", "1.1.0 → 1.0.0", "too low for Q4");
  }

  @Test
  void shouldRefuseAndChangeNothingWhenTheDraftHasNothingNewToPublish() {
    // given
    pack("import", TestDb.TEMPLATES.resolve("ai-trigger").toString());
    pack("publish", "ai-trigger");

    // when
    Baton.Run again = pack("publish", "ai-trigger");
    Baton.Run history = pack("history", "ai-trigger");

    // then
    assertThat(again.exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(again.err()).contains("baton pack publish: ", "nothing new to publish")
        .doesNotContain("Exception", "\tat ");
    assertThat(history.out().lines().filter(l -> l.contains("PUBLISHED"))).hasSize(1);
  }

  @Test
  void shouldNameThePacksThereAreWhenThePackIsUnknown() {
    // given
    pack("import", TestDb.TEMPLATES.resolve("ai-trigger").toString());

    // when
    Baton.Run run = pack("history", "no-such-pack");

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("There is no pack 'no-such-pack'", "packs: ai-trigger");
  }

  @Test
  void shouldExitWithUsageErrorWhenRetiringWithoutAReason() {
    // given
    String[] args = {"pack", "retire", "cmi-threshold", "1.0.0", "--db", db};

    // when
    Baton.Run run = Baton.run(args);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--why");
  }

  @Test
  void shouldChangeNothingWhenThePathToImportDoesNotExist() {
    // given
    Path missing = dir.resolve("nowhere");

    // when
    Baton.Run run = pack("import", missing.toString());

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("No such pack file or folder", "nowhere");
    assertThat(dir.resolve("baton.mv.db")).doesNotExist();
  }

  @Test
  void shouldSayWhatToCheckWhenTheDatabaseCannotBeOpened() {
    // given
    String[] args = {"pack", "list", "--db", "jdbc:nosuchdriver:baton"};

    // when
    Baton.Run run = Baton.run(args);

    // then
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Cannot open the database jdbc:nosuchdriver:baton", "--db")
        .doesNotContain("\tat ");
  }

  private static List<String> zipEntries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
