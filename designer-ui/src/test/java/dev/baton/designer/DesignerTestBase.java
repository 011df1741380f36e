package dev.baton.designer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application for every Spring test of the designer (so the context is started once): a
 * random port and an H2 database of its own in a temporary folder, with the demo users and
 * demo data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DesignerTestBase {
  private static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("baton-designer-test");
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    r.add("baton.db.url", () -> "jdbc:h2:file:" + DATA.resolve("baton").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
    r.add("baton.demo.enabled", () -> "true");
    r.add("baton.workflow.port", () -> "0");
  }
}
