package dev.baton.samples.bootstarter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with Baton's starter as its only Baton dependency. Nothing here
 * builds Baton: the starter provides the {@code Baton} bean on an H2 file under {@code ./data}
 * (or the application's {@code DataSource}), the {@code PackLoader} whose default pipeline is the
 * template packs, and the embedded workflow engine with a {@code CamundaClient}.
 *
 * <p>{@link VisitDecisions} decides on visit requests; {@link DecideOnStartUp} decides on the
 * visit request given with {@code --facts=<file>} (the bundled one by default) and prints why.
 */
@SpringBootApplication
public class VisitDecisionApplication {

  /** Starts the application; it decides, prints, and keeps the workflow engine running. */
  public static void main(String[] args) {
    SpringApplication.run(VisitDecisionApplication.class, args);
  }
}
