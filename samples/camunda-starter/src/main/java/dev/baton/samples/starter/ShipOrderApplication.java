package dev.baton.samples.starter;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with Camunda's own starter ({@code camunda-spring-boot-starter}
 * 8.8) and its default settings: no {@code camunda.client.*} property at all, so the client
 * prefers the REST API at {@code http://0.0.0.0:8080} and keeps gRPC at {@code
 * http://0.0.0.0:26500} — where {@code baton serve} listens. Nothing in it is Baton's: the same
 * application runs against a local Camunda 8 Run.
 *
 * <p>{@link Deployment} deploys the BPMN process when the application starts; {@link
 * StockWorker} is its job worker.
 */
@SpringBootApplication
@Deployment(resources = "classpath:bpmn/ship-order.bpmn")
public class ShipOrderApplication {

  /** Starts the application (it runs until stopped). */
  public static void main(String[] args) {
    SpringApplication.run(ShipOrderApplication.class, args);
  }
}
