package dev.baton.designer.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.designer.DesignerTestBase;
import dev.baton.samples.RestClientExample;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The samples' REST client ({@code samples/src/main/java/dev/baton/samples/RestClientExample})
 * against the designer started in this JVM: it lives here because the designer's jar is a
 * Spring Boot executable jar, which the samples module cannot use as a dependency.
 */
class RestClientExampleTest extends DesignerTestBase {
  @LocalServerPort int port;

  @Test
  void shouldPostVisitRequestAndListReviewsWhenSampleClientCallsDesigner() throws Exception {
    // given
    RestClientExample api = RestClientExample.withBasic(URI.create("http://127.0.0.1:" + port),
        "developer", "developer");
    String requestId = "VR-SAMPLE-" + UUID.randomUUID();
    // when
    HttpResponse<String> accepted = api.postVisitRequest("{\"requestId\": \"" + requestId
        + "\", \"customerId\": \"C-2002\", \"repId\": \"REP-12\", \"plannedDate\":"
        + " \"2026-12-03\", \"channel\": \"WECOM\"}");
    HttpResponse<String> reviews = api.listReviews("legal");
    HttpResponse<String> invalid = api.postVisitRequest("{\"customerId\": \"C-2002\"}");
    // then
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.body()).contains(requestId, "processInstanceKey");
    assertThat(reviews.statusCode()).isEqualTo(200);
    assertThat(reviews.body()).startsWith("[");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("repId", "plannedDate", "channel");
  }
}
