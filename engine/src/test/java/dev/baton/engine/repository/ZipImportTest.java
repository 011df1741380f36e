package dev.baton.engine.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.Problem;
import dev.baton.engine.ValidationException;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ZipImportTest {
  private HikariDataSource dataSource;
  private PackRepository repo;

  static List<String> databases() {
    return TestDatabases.names();
  }

  private void open(String db, RepositoryOptions options) {
    dataSource = TestDatabases.fresh(db);
    repo = PackRepository.on(BatonStore.open(dataSource), options);
  }

  @AfterEach
  void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private static Map<String, String> validPack() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("consent-check/pack.yaml", Templates.yaml("consent-check"));
    return entries;
  }

  private ValidationException refused(byte[] zip) {
    try {
      repo.importDraft(PackSource.bytes("upload.zip", zip), "ops.li", null);
    } catch (ValidationException e) {
      return e;
    }
    throw new AssertionError("the zip was imported");
  }

  private void assertNothingImported() {
    assertThat(repo.list()).isEmpty();
    assertThat(repo.history("consent-check")).isEmpty();
    assertThat(repo.draft("consent-check")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseTheWholeZipWhenEntriesLeaveItsRoot(String db) {
    // given
    open(db, RepositoryOptions.defaults());
    Map<String, String> entries = validPack();
    entries.put("../../etc/cron.d/baton", "* * * * * root sh /tmp/x");
    entries.put("/tmp/evil.sh", "x");
    entries.put("C:\\Windows\\evil.dll", "x");
    entries.put("consent-check\\..\\..\\evil.txt", "x");
    // when
    ValidationException e = refused(Templates.zip(entries));
    // then
    assertThat(e).hasMessageContaining("The zip upload.zip was refused; nothing was imported");
    assertThat(e.problems()).extracting(Problem::path).containsExactly(
        "../../etc/cron.d/baton", "/tmp/evil.sh", "C:\\Windows\\evil.dll",
        "consent-check\\..\\..\\evil.txt");
    assertThat(e.problems()).extracting(Problem::message).allMatch(m -> m.contains("zip slip"));
    assertThat(e.problems().get(0).message()).contains("contains '..'");
    assertThat(e.problems().get(1).message()).contains("is absolute");
    assertThat(e.problems().get(2).message()).contains("drive letter");
    assertNothingImported();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseTheZipWhenAnEntryIsOversized(String db) {
    // given
    open(db, RepositoryOptions.defaults());
    Map<String, String> entries = validPack();
    entries.put("consent-check/notes.txt", " ".repeat((4 << 20) + 1));
    byte[] zip = Templates.zip(entries);
    // when
    ValidationException e = refused(zip);
    // then
    assertThat(zip.length).as("small compressed: sizes are counted while inflating")
        .isLessThan(100_000);
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("consent-check/notes.txt");
      assertThat(p.message()).isEqualTo("The entry is larger than 4194304 bytes uncompressed.");
    });
    assertNothingImported();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseTheZipWhenItHasTooManyEntries(String db) {
    // given
    open(db, RepositoryOptions.defaults());
    Map<String, String> entries = validPack();
    for (int i = 0; i < 100; i++) {
      entries.put("consent-check/notes/" + i + ".txt", "note " + i);
    }
    // when
    ValidationException e = refused(Templates.zip(entries));
    // then
    assertThat(e.problems()).singleElement().satisfies(p ->
        assertThat(p.message()).isEqualTo("The zip has more than 100 entries."));
    assertNothingImported();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseTheZipWhenItsEntriesAddUpBeyondTheLimit(String db) {
    // given
    // the consent-check template alone is about 51 kB; each entry stays under the entry limit
    open(db, RepositoryOptions.defaults().withZipLimits(10, 80_000, 120_000));
    Map<String, String> entries = validPack();
    entries.put("consent-check/a.txt", "a".repeat(40_000));
    entries.put("consent-check/b.txt", "b".repeat(40_000));
    // when
    ValidationException e = refused(Templates.zip(entries));
    // then
    assertThat(e.problems()).singleElement().satisfies(p ->
        assertThat(p.message()).isEqualTo("The zip's entries add up to more than 120000 bytes"
            + " uncompressed."));
    assertNothingImported();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseTheZipWhenItHoldsNoPackOrSeveral(String db) {
    // given
    open(db, RepositoryOptions.defaults());
    Map<String, String> two = validPack();
    two.put("cmi-threshold/pack.yaml", Templates.yaml("cmi-threshold"));
    byte[] notAZip = "PK not really".getBytes(StandardCharsets.UTF_8);
    // when / then
    assertThat(refused(Templates.zip(two))).hasMessageContaining("The zip holds several packs,"
        + " in [consent-check/, cmi-threshold/]").hasMessageContaining("Import one pack per zip");
    assertThat(refused(Templates.zip(Map.of("README.md", "hello"))))
        .hasMessageContaining("no pack file at its root or in a top-level folder");
    assertThatThrownBy(() -> repo.importDraft(PackSource.bytes("upload.zip", notAZip), "ops.li",
        null)).isInstanceOf(ValidationException.class).hasMessageContaining("upload.zip");
    assertNothingImported();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldNameTheEntryWhenThePackInTheZipIsInvalid(String db) {
    // given
    open(db, RepositoryOptions.defaults());
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("pack.yaml", Templates.yaml("consent-check").replace("status: GRANTED",
        "status: GRANTD"));
    // when
    ValidationException e = refused(Templates.zip(entries));
    // then
    assertThat(e.problems()).isNotEmpty().allSatisfy(p ->
        assertThat(p.source()).isEqualTo("upload.zip!/pack.yaml"));
    assertThat(e).hasMessageContaining("GRANTD");
    assertNothingImported();
  }
}
