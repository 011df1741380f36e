package dev.baton.engine.battlepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitRequestTest {

  @Test
  void shouldRoundTripThroughProcessVariablesWhenValid() {
    // given
    VisitRequest request = VisitRequest.of("VR-1", "C-1001", "REP-07",
        LocalDate.parse("2026-12-02"), "DINGTALK").withDeal(new BigDecimal("480000"), "MEDIUM")
        .withContactChannel("WECHAT");

    // when
    Map<String, Object> variables = request.toVariables();
    VisitRequest back = VisitRequest.fromJsonMap(variables.get("visitRequest"));

    // then
    assertThat(variables.get("visitRequest")).isEqualTo(Map.of("requestId", "VR-1",
        "customerId", "C-1001", "repId", "REP-07", "plannedDate", "2026-12-02",
        "channel", "DINGTALK", "dealSize", new BigDecimal("480000"), "riskLevel", "MEDIUM",
        "contactChannel", "WECHAT"));
    assertThat(back).isEqualTo(request);
  }

  @Test
  void shouldNameEveryProblemWhenFieldsAreWrong() {
    // when / then
    assertThatThrownBy(() -> new VisitRequest("bad id!", " C-1", null, null, "EMAIL",
        new BigDecimal("-1"), "EXTREME", "FAX"))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).hasSize(8))
        .hasMessageContaining("requestId: 'bad id!' is not a valid id")
        .hasMessageContaining("customerId: ' C-1' is not valid")
        .hasMessageContaining("repId: is missing")
        .hasMessageContaining("plannedDate: is missing")
        .hasMessageContaining("channel: 'EMAIL' is not allowed Hint: one of [DINGTALK, FEISHU,"
            + " WECOM]")
        .hasMessageContaining("dealSize: is negative")
        .hasMessageContaining("riskLevel: 'EXTREME' is not allowed")
        .hasMessageContaining("contactChannel: 'FAX' is not allowed");
  }

  @Test
  void shouldRejectVariablesThatAreNotAVisitRequestWhenReading() {
    // when / then
    assertThatThrownBy(() -> VisitRequest.fromJsonMap("VR-1"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("is not a JSON object");
    assertThatThrownBy(() -> VisitRequest.fromJsonMap(Map.of("requestId", "VR-1",
        "customerId", "C-1", "repId", "R", "plannedDate", "2026-13-45", "channel", "WECOM",
        "dealSize", "lots", "colour", "red")))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("plannedDate: '2026-13-45' is not a date")
        .hasMessageContaining("dealSize: 'lots' is not a number")
        .hasMessageContaining("colour: is not a field of a visit request");
  }
}
