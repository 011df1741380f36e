package dev.baton.engine.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.ValidationException;
import dev.baton.engine.repository.PackEvent.Type;
import dev.baton.engine.repository.PackRefusedException.Reason;
import dev.baton.engine.rulepack.RulePack;
import dev.baton.engine.rulepack.RulePacks;
import dev.baton.engine.store.BatonStore;
import dev.baton.engine.store.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PackRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

  private HikariDataSource dataSource;
  private BatonStore store;
  private Templates.StepClock clock;
  private PackRepository repo;

  static List<String> databases() {
    return TestDatabases.names();
  }

  private void open(String db) {
    dataSource = TestDatabases.fresh(db);
    store = BatonStore.open(dataSource);
    clock = new Templates.StepClock(T0);
    repo = PackRepository.on(store, RepositoryOptions.defaults().withClock(clock));
  }

  @AfterEach
  void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private DraftRef importCmi() {
    return repo.importDraft(PackSource.path(Templates.folder("cmi-threshold")), "ops.li",
        "template from the rule-packs folder");
  }

  // ------------------------------------------------------------------------------ import

  @ParameterizedTest
  @MethodSource("databases")
  void shouldImportTheSamePackWhenReadFromFolderFileOrZip(String db, @TempDir Path dir)
      throws Exception {
    // given
    open(db);
    RulePack expected = Templates.pack("consent-check");
    String examples = Files.readString(Templates.folder("consent-check").resolve("examples.yaml"));
    byte[] zip = Templates.zip(Map.of("consent-check/pack.yaml", Templates.yaml("consent-check"),
        "consent-check/examples.yaml", examples));
    Path zipFile = Files.write(dir.resolve("consent-check.zip"), zip);
    Path yamlFile = Files.writeString(dir.resolve("consent.yaml"), Templates.yaml("consent-check"));
    // when
    DraftRef fromFolder = repo.importDraft(PackSource.path(Templates.folder("consent-check")),
        "ops.li", null);
    DraftRef fromFile = repo.importDraft(PackSource.path(yamlFile), "ops.li", null);
    DraftRef fromJson = repo.importDraft(PackSource.bytes("pack.json",
        RulePacks.toJson(expected).getBytes(StandardCharsets.UTF_8)), "ops.li", null);
    DraftRef fromZipFile = repo.importDraft(PackSource.path(zipFile), "ops.li", null);
    DraftRef fromUpload = repo.importDraft(PackSource.bytes("upload.zip", zip), "ops.li", null);
    // then
    String hash = RulePacks.contentHash(expected);
    assertThat(List.of(fromFolder, fromFile, fromJson, fromZipFile, fromUpload))
        .extracting(DraftRef::hash, DraftRef::revision)
        .containsExactly(tuple(hash, 1L), tuple(hash, 2L), tuple(hash, 3L), tuple(hash, 4L),
            tuple(hash, 5L));
    Draft draft = repo.draft("consent-check").orElseThrow();
    assertThat(RulePacks.contentHash(draft.pack())).isEqualTo(hash);
    assertThat(draft.examplesName()).isEqualTo("examples.yaml");
    assertThat(draft.examples()).isEqualTo(examples);
    assertThat(repo.history("consent-check")).extracting(PackEvent::type)
        .containsOnly(Type.DRAFT_IMPORTED).hasSize(5);
    assertThat(repo.list()).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(PackSummary.Lifecycle.DRAFT);
      assertThat(s.draftRevision()).isEqualTo(5);
      assertThat(s.activeVersion()).isNull();
    });
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseAnInvalidPackWhenImportingAndChangeNothing(String db) {
    // given
    open(db);
    byte[] broken = Templates.yaml("cmi-threshold").replace("kind: cmi-threshold",
        "kind: cmi-threshold\nowner: sales-ops").getBytes(StandardCharsets.UTF_8);
    // when / then
    assertThatThrownBy(() -> repo.importDraft(PackSource.bytes("cmi.yaml", broken), "ops.li",
        null)).isInstanceOf(ValidationException.class).hasMessageContaining("owner");
    assertThat(repo.list()).isEmpty();
  }

  // ------------------------------------------------------------------------------ publish

  @ParameterizedTest
  @MethodSource("databases")
  void shouldPublishAnImmutableVersionWhenTheDraftIsValid(String db) {
    // given
    open(db);
    importCmi();
    // when
    PublishedVersion v1 = repo.publish("cmi-threshold", "ops.li", "first release");
    DraftRef edited = repo.saveDraft(PackDiffTest.changedCmiPack(), 1, "analyst.wang");
    // then
    RulePack original = Templates.pack("cmi-threshold");
    assertThat(v1.version()).isEqualTo("1.0.0");
    assertThat(v1.hash()).isEqualTo(RulePacks.contentHash(original));
    assertThat(v1.publishedBy()).isEqualTo("ops.li");
    assertThat(v1.publishedAt()).isEqualTo(T0);
    assertThat(v1.note()).isEqualTo("first release");
    assertThat(v1.state()).isEqualTo(PublishedVersion.State.PUBLISHED);
    assertThat(edited.revision()).isEqualTo(2);
    assertThat(repo.get("cmi-threshold", "1.0.0")).hasValueSatisfying(p ->
        assertThat(RulePacks.contentHash(p)).isEqualTo(v1.hash()));
    assertThat(repo.active("cmi-threshold")).hasValueSatisfying(p ->
        assertThat(RulePacks.contentHash(p)).isEqualTo(v1.hash()));
    assertThat(store.contents().get(v1.hash())).as("replay finds it by hash").isPresent();
    assertThat(repo.draft("cmi-threshold").orElseThrow().pack().version()).isEqualTo("1.1.0");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseAVersionThatIsNotGreaterWhenPublishing(String db) {
    // given
    open(db);
    importCmi();
    repo.publish("cmi-threshold", "ops.li", null);
    RulePack sameVersionNewContent = Templates.edited("cmi-threshold",
        "    type: number\n    value: 70\n", "    type: number\n    value: 65\n");
    repo.saveDraft(sameVersionNewContent, 1, "analyst.wang");
    // when / then
    assertThatThrownBy(() -> repo.publish("cmi-threshold", "ops.li", null))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.VERSION_NOT_GREATER))
        .hasMessageContaining("version 1.0.0, which is not greater than the last published"
            + " version 1.0.0")
        .hasMessageContaining("e.g. 1.0.1");
    assertThat(repo.versions("cmi-threshold")).extracting(PublishedVersion::version)
        .containsExactly("1.0.0");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldOrderPreReleasesBelowTheirReleaseWhenPublishing(String db) {
    // given
    open(db);
    importCmi();
    repo.publish("cmi-threshold", "ops.li", null);
    long revision = 1;
    // when
    for (String[] step : new String[][] {{"1.1.0-rc.1", "61"}, {"1.1.0-rc.2", "62"},
        {"1.1.0", "63"}, {"1.10.0", "64"}}) {
      revision = repo.saveDraft(Templates.edited("cmi-threshold", "version: 1.0.0",
          "version: " + step[0], "    type: number\n    value: 70\n",
          "    type: number\n    value: " + step[1] + "\n"), revision, "analyst.wang").revision();
      repo.publish("cmi-threshold", "ops.li", null);
    }
    repo.saveDraft(Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.9.0",
        "    type: number\n    value: 70\n", "    type: number\n    value: 69\n"), revision,
        "analyst.wang");
    // then
    assertThat(repo.versions("cmi-threshold")).extracting(PublishedVersion::version)
        .containsExactly("1.0.0", "1.1.0-rc.1", "1.1.0-rc.2", "1.1.0", "1.10.0");
    assertThatThrownBy(() -> repo.publish("cmi-threshold", "ops.li", null))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.VERSION_NOT_GREATER))
        .hasMessageContaining("1.9.0, which is not greater than the last published version"
            + " 1.10.0");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseIdenticalContentWhenOnlyTheVersionChanged(String db) {
    // given
    open(db);
    importCmi();
    repo.publish("cmi-threshold", "ops.li", null);
    repo.saveDraft(Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.0.1"), 1,
        "analyst.wang");
    // when / then
    assertThatThrownBy(() -> repo.publish("cmi-threshold", "ops.li", null))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.IDENTICAL_CONTENT))
        .hasMessageContaining("has the same content as the published version 1.0.0, apart from"
            + " the version number");
    assertThat(repo.versions("cmi-threshold")).hasSize(1);
    assertThat(repo.history("cmi-threshold")).extracting(PackEvent::type)
        .containsExactly(Type.DRAFT_IMPORTED, Type.PUBLISHED, Type.DRAFT_SAVED);
  }

  // ----------------------------------------------------------- retire, rollback, pin

  /** Publishes 1.0.0 (threshold 70), 1.1.0 (60) and 1.2.0 (50); 1.2.0 is active. */
  private void publishThreeVersions() {
    importCmi();
    repo.publish("cmi-threshold", "ops.li", "defaults");
    clock.advance(Duration.ofDays(1));
    repo.saveDraft(Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.1.0",
        "    type: number\n    value: 70\n", "    type: number\n    value: 60\n"), 1,
        "analyst.wang");
    repo.publish("cmi-threshold", "ops.li", "threshold 60");
    clock.advance(Duration.ofDays(1));
    repo.saveDraft(Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.2.0",
        "    type: number\n    value: 70\n", "    type: number\n    value: 50\n"), 2,
        "analyst.wang");
    repo.publish("cmi-threshold", "ops.li", "threshold 50");
    clock.advance(Duration.ofDays(1));
  }

  private static Object threshold(RulePack p) {
    return p.parameter("cmiThreshold").orElseThrow().value().toString();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldServeThePinnedVersionWhileTheActiveOneMoves(String db) {
    // given
    open(db);
    publishThreeVersions();
    // when
    RulePack pinned = repo.get("cmi-threshold", "1.0.0").orElseThrow();
    RulePack active = repo.active("cmi-threshold").orElseThrow();
    // then
    assertThat(threshold(pinned)).isEqualTo("70");
    assertThat(threshold(active)).isEqualTo("50");
    assertThat(repo.activeVersion("cmi-threshold").orElseThrow().version()).isEqualTo("1.2.0");
    assertThat(repo.get("cmi-threshold", "9.9.9")).isEmpty();
    assertThat(repo.active("no-such-pack")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRecordTheRollbackWhenAnEarlierVersionIsMadeActiveAgain(String db) {
    // given
    open(db);
    publishThreeVersions();
    // when
    PublishedVersion back = repo.rollback("cmi-threshold", "1.1.0", "ops.zhao",
        "threshold 50 sends too few customers to sales");
    // then
    assertThat(back.version()).isEqualTo("1.1.0");
    assertThat(threshold(repo.active("cmi-threshold").orElseThrow())).isEqualTo("60");
    assertThat(repo.get("cmi-threshold", "1.2.0")).isPresent();
    PackEvent last = repo.history("cmi-threshold").get(6);
    assertThat(last).isEqualTo(new PackEvent("cmi-threshold", Type.ROLLED_BACK, "1.1.0", 0,
        "1.2.0", "1.1.0", "ops.zhao", T0.plus(Duration.ofDays(3)),
        "threshold 50 sends too few customers to sales"));
    assertThatThrownBy(() -> repo.rollback("cmi-threshold", "1.1.0", "ops.zhao", "again"))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.ALREADY_ACTIVE));
    assertThatThrownBy(() -> repo.rollback("cmi-threshold", "1.1.0", "ops.zhao", " "))
        .isInstanceOf(ValidationException.class).hasMessageContaining("why");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldFallBackToTheHighestRemainingVersionWhenTheActiveOneIsRetired(String db) {
    // given
    open(db);
    publishThreeVersions();
    // when
    PublishedVersion retired = repo.retire("cmi-threshold", "1.2.0", "ops.zhao",
        "threshold 50 is too low");
    // then
    assertThat(retired.state()).isEqualTo(PublishedVersion.State.RETIRED);
    assertThat(repo.activeVersion("cmi-threshold").orElseThrow().version()).isEqualTo("1.1.0");
    assertThat(repo.get("cmi-threshold", "1.2.0")).as("still readable for audit").isPresent();
    assertThat(repo.versions("cmi-threshold")).extracting(PublishedVersion::version,
        PublishedVersion::state).containsExactly(
            tuple("1.0.0", PublishedVersion.State.PUBLISHED),
            tuple("1.1.0", PublishedVersion.State.PUBLISHED),
            tuple("1.2.0", PublishedVersion.State.RETIRED));
    assertThatThrownBy(() -> repo.rollback("cmi-threshold", "1.2.0", "ops.zhao", "undo"))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.RETIRED))
        .hasMessageContaining("Roll back to one of [1.0.0, 1.1.0]");
    assertThatThrownBy(() -> repo.retire("cmi-threshold", "1.2.0", "ops.zhao", "twice"))
        .isInstanceOfSatisfying(PackRefusedException.class, e ->
            assertThat(e.reason()).isEqualTo(Reason.RETIRED));
    assertThatThrownBy(() -> repo.retire("cmi-threshold", "3.0.0", "ops.zhao", "typo"))
        .isInstanceOf(UnknownPackException.class)
        .hasMessageContaining("Published versions: [1.0.0, 1.1.0, 1.2.0]");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldListThePackAsRetiredWhenEveryVersionIsRetired(String db) {
    // given
    open(db);
    importCmi();
    repo.publish("cmi-threshold", "ops.li", null);
    repo.importDraft(PackSource.path(Templates.folder("ai-trigger")), "ops.li", null);
    // when
    repo.retire("cmi-threshold", "1.0.0", "ops.zhao", "replaced by the regional packs");
    // then
    assertThat(repo.list()).extracting(PackSummary::id, PackSummary::state,
        PackSummary::activeVersion, PackSummary::latestVersion).containsExactly(
            tuple("ai-trigger", PackSummary.Lifecycle.DRAFT, null, null),
            tuple("cmi-threshold", PackSummary.Lifecycle.RETIRED, null, "1.0.0"));
    assertThat(repo.active("cmi-threshold")).isEmpty();
    assertThat(repo.list().get(1).title().zhCN()).isEqualTo("客户成熟度指数（CMI）：推送内容还是销售跟进");
  }

  // ------------------------------------------------------------------------- history

  @ParameterizedTest
  @MethodSource("databases")
  void shouldKeepWhoWhenAndWhyOfEveryChangeWhenAskedForHistory(String db) {
    // given
    open(db);
    publishThreeVersions();
    repo.retire("cmi-threshold", "1.0.0", "ops.zhao", "defaults are outdated");
    // when
    List<PackEvent> history = repo.history("cmi-threshold");
    // then
    Instant day1 = T0.plus(Duration.ofDays(1));
    Instant day2 = T0.plus(Duration.ofDays(2));
    Instant day3 = T0.plus(Duration.ofDays(3));
    assertThat(history).containsExactly(
        new PackEvent("cmi-threshold", Type.DRAFT_IMPORTED, "1.0.0", 1, null, null, "ops.li",
            T0, "template from the rule-packs folder"),
        new PackEvent("cmi-threshold", Type.PUBLISHED, "1.0.0", 1, null, "1.0.0", "ops.li", T0,
            "defaults"),
        new PackEvent("cmi-threshold", Type.DRAFT_SAVED, "1.1.0", 2, "1.0.0", "1.0.0",
            "analyst.wang", day1, null),
        new PackEvent("cmi-threshold", Type.PUBLISHED, "1.1.0", 2, "1.0.0", "1.1.0", "ops.li",
            day1, "threshold 60"),
        new PackEvent("cmi-threshold", Type.DRAFT_SAVED, "1.2.0", 3, "1.1.0", "1.1.0",
            "analyst.wang", day2, null),
        new PackEvent("cmi-threshold", Type.PUBLISHED, "1.2.0", 3, "1.1.0", "1.2.0", "ops.li",
            day2, "threshold 50"),
        new PackEvent("cmi-threshold", Type.RETIRED, "1.0.0", 0, "1.2.0", "1.2.0", "ops.zhao",
            day3, "defaults are outdated"));
  }

  // ---------------------------------------------------------------- concurrent edits

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRefuseAStaleRevisionWhenTheDraftWasEditedConcurrently(String db) {
    // given
    open(db);
    long loaded = importCmi().revision();
    RulePack wangsEdit = Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.1.0",
        "    type: number\n    value: 70\n", "    type: number\n    value: 60\n");
    RulePack zhaosEdit = Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.1.0",
        "    type: number\n    value: 70\n", "    type: number\n    value: 80\n");
    repo.saveDraft(wangsEdit, loaded, "analyst.wang");
    // when / then
    assertThatThrownBy(() -> repo.saveDraft(zhaosEdit, loaded, "analyst.zhao"))
        .isInstanceOfSatisfying(ConcurrentEditException.class, e -> {
          assertThat(e.expectedRevision()).isEqualTo(1);
          assertThat(e.currentRevision()).isEqualTo(2);
          assertThat(e.savedBy()).isEqualTo("analyst.wang");
        })
        .hasMessageContaining("was changed by analyst.wang")
        .hasMessageContaining("your changes were not saved");
    Draft draft = repo.draft("cmi-threshold").orElseThrow();
    assertThat(draft.revision()).isEqualTo(2);
    assertThat(threshold(draft.pack())).isEqualTo("60");
    assertThat(repo.saveDraft(zhaosEdit, draft.revision(), "analyst.zhao").revision())
        .isEqualTo(3);
    assertThatThrownBy(() -> repo.saveDraft(Templates.pack("ai-trigger"), 4, "analyst.zhao"))
        .isInstanceOf(UnknownPackException.class).hasMessageContaining("Save with revision 0");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldLetExactlyOneWinWhenTwoEditorsSaveTheSameRevisionAtOnce(String db)
      throws Exception {
    // given
    open(db);
    long loaded = importCmi().revision();
    RulePack edit = Templates.edited("cmi-threshold", "version: 1.0.0", "version: 1.1.0");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      // when
      List<Future<DraftRef>> saves = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String who = "analyst." + i;
        saves.add(pool.submit(() -> repo.saveDraft(edit, loaded, who)));
      }
      int won = 0;
      int refused = 0;
      for (var f : saves) {
        try {
          f.get();
          won++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ConcurrentEditException.class);
          refused++;
        }
      }
      // then
      assertThat(won).isEqualTo(1);
      assertThat(refused).isEqualTo(3);
      assertThat(repo.draft("cmi-threshold").orElseThrow().revision()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- diff and export

  @ParameterizedTest
  @MethodSource("databases")
  void shouldDiffStoredVersionsAndTheDraftWhenAsked(String db) {
    // given
    open(db);
    importCmi();
    repo.publish("cmi-threshold", "ops.li", null);
    repo.saveDraft(PackDiffTest.changedCmiPack(), 1, "analyst.wang");
    repo.publish("cmi-threshold", "ops.li", null);
    // when
    PackDiff diff = repo.diff("cmi-threshold", "1.0.0", "1.1.0");
    PackDiff pending = repo.diff("cmi-threshold", "1.1.0", PackRepository.DRAFT);
    // then
    assertThat(diff).isEqualTo(PackDiff.between(Templates.pack("cmi-threshold"),
        PackDiffTest.changedCmiPack()));
    assertThat(diff.text(Locale.ENGLISH))
        .contains("parameters.cmiThreshold: value changed from 70 to 60");
    assertThat(pending.isEmpty()).isTrue();
    assertThatThrownBy(() -> repo.diff("cmi-threshold", "1.0.0", "2.0.0"))
        .isInstanceOf(UnknownPackException.class)
        .hasMessageContaining("has no published version 2.0.0. Published versions: [1.0.0,"
            + " 1.1.0]");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldImportAnExportedZipWithTheSameContentHash(String db) {
    // given
    open(db);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String id : List.of("cmi-threshold", "ai-trigger", "consent-check")) {
      repo.importDraft(PackSource.path(Templates.folder(id)), "ops.li", null);
      hashes.put(id, repo.publish(id, "ops.li", null).hash());
    }
    // when
    Map<String, byte[]> zips = new LinkedHashMap<>();
    hashes.keySet().forEach(id ->
        zips.put(id, repo.exportZip(id, Templates.pack(id).version())));
    open(db);
    // then
    for (String id : hashes.keySet()) {
      DraftRef back = repo.importDraft(PackSource.bytes(id + ".zip", zips.get(id)), "ops.li",
          null);
      assertThat(back.hash()).as(id).isEqualTo(hashes.get(id));
      Draft draft = repo.draft(id).orElseThrow();
      assertThat(draft.examplesName()).isEqualTo("examples.yaml");
      assertThat(draft.examples()).isEqualTo(readExamples(id));
      PublishedVersion republished = repo.publish(id, "ops.li", null);
      assertThat(republished.hash()).isEqualTo(hashes.get(id));
      assertThat(repo.exportZip(id, Templates.pack(id).version())).as("same version, same bytes")
          .isEqualTo(zips.get(id));
    }
  }

  private static String readExamples(String id) {
    try {
      return Files.readString(Templates.folder(id).resolve("examples.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
