/**
 * Spring Boot auto-configuration of Baton: one dependency ({@code dev.baton:baton-spring-boot-starter})
 * gives an application a {@link dev.baton.engine.runtime.Baton} on its {@code DataSource} (or an
 * H2 file under {@code baton.data-dir}) with the decision log, a {@link
 * dev.baton.engine.repository.PackLoader} whose default pipeline is the template packs, and the
 * workflow engine — Baton's embedded one, or a Camunda 8 cluster from the {@code
 * camunda.client.*} settings — with a {@code CamundaClient}. Settings: {@link
 * dev.baton.spring.boot.BatonProperties}; every bean backs off when the application defines its
 * own. Only the engine's public API is used.
 */
package dev.baton.spring.boot;
