package dev.baton.designer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.audit.DecisionQuery;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

  @Test
  void shouldQueryWholeUtcDaysWhenADateRangeIsGiven() {
    // given
    AuditFilter f = new AuditFilter(" C-2002 ", "cmi-threshold", "1.0.0", "PUSH_CONTENT_PACK",
        LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-27"));
    // when
    DecisionQuery q = f.toQuery(50);
    // then
    assertThat(q.customerId()).isEqualTo("C-2002");
    assertThat(q.packId()).isEqualTo("cmi-threshold");
    assertThat(q.packVersion()).isEqualTo("1.0.0");
    assertThat(q.action()).isEqualTo("PUSH_CONTENT_PACK");
    assertThat(q.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(q.to()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    assertThat(q.limit()).isEqualTo(50);
  }

  @Test
  void shouldMatchEverythingWhenTheFieldsAreBlank() {
    // when
    DecisionQuery q = new AuditFilter("", " ", "", null, null, null).toQuery(10);
    // then
    assertThat(q.customerId()).isNull();
    assertThat(q.packId()).isNull();
    assertThat(q.from()).isNull();
  }

  @Test
  void shouldRefuseWhenAVersionHasNoPackOrTheRangeIsReversed() {
    // when / then
    assertThatThrownBy(() -> new AuditFilter(null, null, "1.0.0", null, null, null).toQuery(1))
        .hasMessageContaining("needs the pack");
    assertThatThrownBy(() -> new AuditFilter(null, null, null, null,
        LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-01")).toQuery(1))
        .hasMessageContaining("before it starts");
  }

  @Test
  void shouldQueryTheRequestIdExactlyOrByPrefixWhenOneIsGiven() {
    // when
    DecisionQuery exact = new AuditFilter(null, null, null, null, null, null, " DEMO-C-2002 ")
        .toQuery(10);
    DecisionQuery prefix = new AuditFilter(null, null, null, null, null, null, "VR-DEMO-*")
        .toQuery(10);
    DecisionQuery blank = new AuditFilter(null, null, null, null, null, null, " ").toQuery(10);
    // then
    assertThat(exact.requestId()).isEqualTo("DEMO-C-2002");
    assertThat(prefix.requestId()).isEqualTo("VR-DEMO-*");
    assertThat(blank.requestId()).isNull();
  }

  @Test
  void shouldRefuseARequestIdWhoseStarIsNoPrefix() {
    // when / then
    assertThatThrownBy(() -> new AuditFilter(null, null, null, null, null, null, "*")
        .toQuery(1)).hasMessageContaining("matches every decision");
    assertThatThrownBy(() -> new AuditFilter(null, null, null, null, null, null, "DEMO-*-2002")
        .toQuery(1)).hasMessageContaining("a * only stands at the end");
  }
}
