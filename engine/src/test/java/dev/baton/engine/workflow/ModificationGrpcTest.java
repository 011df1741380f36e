package dev.baton.engine.workflow;

import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.BeforeEach;

/** {@link ModificationScenarios} through the official client over gRPC. */
class ModificationGrpcTest extends ModificationScenarios {

  @BeforeEach
  void start() {
    f = new EngineFixture("h2");
  }

  @Override
  CamundaClient client() {
    return f.client;
  }
}
