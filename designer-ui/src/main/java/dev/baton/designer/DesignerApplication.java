package dev.baton.designer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Baton designer web application. For now it serves the evaluation endpoint over the
 * template packs; the Vaadin designer views come with the designer issues.
 */
@SpringBootApplication
public class DesignerApplication {
  public static void main(String[] args) {
    SpringApplication.run(DesignerApplication.class, args);
  }
}
