package dev.baton.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.workflow.WorkflowMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Camunda 8.8's client properties and the defaults of its modes. */
class CamundaClientSettingsTest {

  @Test
  void shouldUseSelfManagedDefaultsWhenOnlyTheModeIsSet() {
    // when
    Map<String, String> s = CamundaClientSettings.forCluster(Map.of(
        "camunda.client.mode", "self-managed"));

    // then
    assertThat(s).containsEntry("camunda.client.grpc-address", "http://localhost:26500")
        .containsEntry("camunda.client.rest-address", "http://localhost:8088")
        .containsEntry(WorkflowMode.MODE, "cluster").doesNotContainKey("camunda.client.mode");
  }

  @Test
  void shouldKeepAnExplicitAddressWhenTheModeHasADefaultForIt() {
    // when
    Map<String, String> s = CamundaClientSettings.forCluster(Map.of(
        "camunda.client.mode", "self-managed",
        "camunda.client.grpc-address", "https://zeebe.example.com:443"));

    // then
    assertThat(s).containsEntry("camunda.client.grpc-address", "https://zeebe.example.com:443")
        .containsEntry("camunda.client.rest-address", "http://localhost:8088");
  }

  @Test
  void shouldUseTheClientsOwnDefaultsWhenTheClusterModeIsForcedWithoutSettings() {
    Map<String, String> s = CamundaClientSettings.forCluster(Map.of());

    assertThat(s).containsEntry("camunda.client.grpc-address", "http://0.0.0.0:26500")
        .containsEntry("camunda.client.rest-address", "http://0.0.0.0:8080");
  }

  @Test
  void shouldDropCredentialsWhenTheAuthMethodIsNone() {
    Map<String, String> s = CamundaClientSettings.forCluster(Map.of(
        "camunda.client.grpc-address", "http://zeebe:26500", "camunda.client.auth.method",
        "none", "camunda.client.auth.username", "demo", "camunda.client.auth.password", "demo"));

    assertThat(s).doesNotContainKeys("camunda.client.auth.username",
        "camunda.client.auth.password", "camunda.client.auth.method");
  }

  @Test
  void shouldFailNamingTheUsernameWhenBasicAuthHasNone() {
    assertThatThrownBy(() -> CamundaClientSettings.forCluster(Map.of(
        "camunda.client.grpc-address", "http://zeebe:26500",
        "camunda.client.auth.method", "basic")))
        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
        .hasMessageContaining("camunda.client.auth.username");
  }

  @Test
  void shouldFailNamingTheModeWhenItIsNotOneOfCamundas() {
    assertThatThrownBy(() -> CamundaClientSettings.forCluster(Map.of(
        "camunda.client.mode", "on-prem")))
        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
        .hasMessageContaining("camunda.client.mode").hasMessageContaining("on-prem")
        .hasMessageContaining("self-managed");
  }

  @Test
  void shouldReadPropertiesUnderTheirNamesWhenSetAsEnvironmentVariables() {
    // given: what CAMUNDA_CLIENT_GRPCADDRESS and CAMUNDA_CLIENT_AUTH_CLIENTID look like
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new org.springframework.core.env
        .SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
            "CAMUNDA_CLIENT_GRPCADDRESS", "http://zeebe:26500",
            "CAMUNDA_CLIENT_AUTH_CLIENTID", "baton")));
    env.getPropertySources().addFirst(new MapPropertySource("app", Map.of(
        "camunda.client.worker.threads", "4")));

    // when
    Map<String, String> read = CamundaClientSettings.read(env);

    // then
    assertThat(read).containsEntry("camunda.client.grpc-address", "http://zeebe:26500")
        .containsEntry("camunda.client.auth.client-id", "baton")
        .containsEntry("camunda.client.worker.threads", "4")
        .doesNotContainKeys("camunda.client.grpcaddress", "camunda.client.auth.clientid");
    assertThat(CamundaClientSettings.asksForCluster(read)).isTrue();
  }
}
