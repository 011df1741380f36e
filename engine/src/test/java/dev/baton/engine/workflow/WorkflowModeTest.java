package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedded or cluster is configuration only. */
class WorkflowModeTest {

  @Test
  void shouldBeEmbeddedWhenNothingIsConfigured() {
    assertThat(WorkflowMode.fromConfiguration(Map.of()).embedded()).isTrue();
  }

  @Test
  void shouldBeClusterWhenGrpcAddressIsConfigured() {
    // given
    Map<String, String> config = Map.of("camunda.client.grpc-address", "http://10.0.0.1:26500",
        "camunda.client.rest-address", "http://10.0.0.1:8080");

    // when
    WorkflowMode mode = WorkflowMode.fromConfiguration(config);

    // then: the client points at the cluster, the embedded address is never asked for
    assertThat(mode.kind()).isEqualTo(WorkflowMode.Kind.CLUSTER);
    try (var client = mode.newClient(() -> {
      throw new AssertionError("embedded engine asked for in cluster mode");
    })) {
      assertThat(client.getConfiguration().getGrpcAddress())
          .isEqualTo(URI.create("http://10.0.0.1:26500"));
      assertThat(client.getConfiguration().preferRestOverGrpc()).isTrue();
    }
  }

  @Test
  void shouldFollowExplicitModeAndRejectUnknownOnes() {
    assertThat(WorkflowMode.fromConfiguration(Map.of("baton.workflow.mode", "embedded",
        "camunda.client.grpc-address", "http://x:1")).embedded()).isTrue();
    assertThatThrownBy(() -> WorkflowMode.fromConfiguration(Map.of("baton.workflow.mode",
        "cloud"))).hasMessageContaining("embedded").hasMessageContaining("cluster");
    assertThatThrownBy(() -> WorkflowMode.fromConfiguration(Map.of("baton.workflow.mode",
        "cluster"))).hasMessageContaining("camunda.client.grpc-address");
  }

  @Test
  void shouldRunSameWorkerCodeWhenModeIsEmbedded() {
    try (EngineFixture f = new EngineFixture("h2")) {
      // given
      WorkflowMode mode = WorkflowMode.fromConfiguration(Map.of("baton.workflow.mode",
          "embedded"));

      // when
      try (var client = mode.newClient(f.engine::grpcAddress)) {
        // then
        assertThat(client.newTopologyRequest().send().join().getGatewayVersion())
            .isEqualTo("8.8.14");
      }
    }
  }
}
