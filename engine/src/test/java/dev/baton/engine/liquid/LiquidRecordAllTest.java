package dev.baton.engine.liquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.engine.Problem;
import dev.baton.engine.runtime.Baton;
import dev.baton.engine.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Recording a list of collaboration events (an import), on H2 and PostgreSQL. */
class LiquidRecordAllTest {

  static List<String> databases() {
    return TestDatabases.names();
  }

  private static LiquidServices open(Baton baton) {
    LiquidServices liquid = LiquidServices.open(baton, LiquidFixture.packs())
        .withClock(Clock.fixed(LiquidFixture.NOW, ZoneOffset.UTC));
    liquid.directory().savePeople(LiquidFixture.people());
    liquid.postCampaign(LiquidFixture.microCampaign("CMP-1"));
    return liquid;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRecordEveryEventInChunksInInputOrderWhenListIsValid(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(baton)) {
      // given: more than two chunks
      int n = LiquidServices.RECORD_CHUNK * 2 + 7;
      List<CollaborationEvent> events = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        events.add(event("E-" + i, i % 2 == 0 ? "P-AM-1" : "P-RISK-2", i % 3 == 0 ? null
            : "CMP-1"));
      }
      List<int[]> progress = new ArrayList<>();
      // when
      LiquidServices.RecordedBatch batch = liquid.recordAll(events, "importer",
          (done, total) -> progress.add(new int[] {done, total}));
      // then
      assertThat(batch.events()).extracting(e -> e.event().eventId())
          .containsExactlyElementsOf(events.stream().map(CollaborationEvent::eventId).toList());
      assertThat(batch.events()).extracting(RecordedEvent::sequence)
          .isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
      assertThat(batch.events()).extracting(RecordedEvent::actor).containsOnly("importer");
      assertThat(batch.newlyRecorded()).isEqualTo(n);
      assertThat(batch.alreadyRecorded()).isZero();
      assertThat(batch.repeatedInList()).isZero();
      assertThat(batch.head().sequence()).isEqualTo(n);
      assertThat(batch.head().hash()).isEqualTo(batch.events().get(n - 1).hash());
      assertThat(progress).extracting(p -> p[0]).containsExactly(LiquidServices.RECORD_CHUNK,
          LiquidServices.RECORD_CHUNK * 2, n);
      assertThat(progress).extracting(p -> p[1]).containsOnly(n);
      assertThat(liquid.ledger().all()).hasSize(n);
      assertThat(liquid.ledger().verify().intact()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRecordNothingAndNameEveryBadEventWhenAnyIsInvalid(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(baton)) {
      // given: events 1 and 3 refer to nobody / no campaign, 4 to both
      List<CollaborationEvent> events = new ArrayList<>(List.of(event("E-0", "P-AM-1", "CMP-1"),
          event("E-1", "P-NOBODY", "CMP-1"), event("E-2", "P-AM-1", null),
          event("E-3", "P-AM-1", "CMP-NONE"), event("E-4", "P-NOBODY", "CMP-NONE")));
      events.add(null);
      // when
      LiquidInputException e = catchThrowableOfType(LiquidInputException.class,
          () -> liquid.recordAll(events, "importer"));
      // then
      assertThat(e).isNotNull();
      assertThat(e.problems()).extracting(Problem::path).containsExactly("[1].personId",
          "[3].campaignId", "[4].personId", "[4].campaignId", "[5]");
      assertThat(e.problems()).extracting(Problem::source).startsWith("event E-1");
      assertThat(e.getMessage()).startsWith("4 of 6 events are not valid; nothing was recorded.")
          .contains("event E-1: [1].personId: no person P-NOBODY in the directory.",
              "Add the person first", "event E-3: [3].campaignId: no campaign CMP-NONE.",
              "send the whole list again");
      assertThat(liquid.ledger().all()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void shouldRecordRepeatedIdsOnceAndResendSafelyWhenListIsSentAgain(String db) {
    try (HikariDataSource ds = TestDatabases.fresh(db); Baton baton = Baton.open(ds, true);
        LiquidServices liquid = open(baton)) {
      // given: E-1 twice in the list, E-0 recorded before
      RecordedEvent before = liquid.record(event("E-0", "P-AM-1", "CMP-1"), "ops");
      List<CollaborationEvent> events = List.of(event("E-0", "P-AM-1", "CMP-1"),
          event("E-1", "P-RISK-2", "CMP-1"), event("E-2", "P-AM-1", null),
          event("E-1", "P-RISK-2", "CMP-1"));
      // when
      LiquidServices.RecordedBatch first = liquid.recordAll(events, "importer", (d, t) -> { });
      LiquidServices.RecordedBatch again = liquid.recordAll(events, "importer", (d, t) -> { });
      // then
      assertThat(first.events()).hasSize(4);
      assertThat(first.events().get(0)).isEqualTo(before);
      assertThat(first.events().get(3)).isEqualTo(first.events().get(1));
      assertThat(first.newlyRecorded()).isEqualTo(2);
      assertThat(first.alreadyRecorded()).isEqualTo(1);
      assertThat(first.repeatedInList()).isEqualTo(1);
      assertThat(again.events()).isEqualTo(first.events());
      assertThat(again.newlyRecorded()).isZero();
      assertThat(again.alreadyRecorded()).isEqualTo(3);
      assertThat(again.head()).isEqualTo(first.head());
      assertThat(liquid.ledger().all()).extracting(e -> e.event().eventId())
          .containsExactly("E-0", "E-1", "E-2");
      assertThat(liquid.ledger().verify().intact()).isTrue();
      assertThat(liquid.recordAll(List.of(), "importer")).isEmpty();
    }
  }

  private static CollaborationEvent event(String id, String person, String campaign) {
    return new CollaborationEvent(id, LiquidFixture.NOW.minus(Duration.ofMinutes(30)), person,
        campaign, "C-1001", "BID_DOCUMENT", List.of("招标文件"), List.of("标书"), "法务部");
  }
}
