package dev.baton.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine's boundaries: capabilities depend one way, Drools stays internal. */
@AnalyzeClasses(packages = "dev.baton.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule DROOLS_AND_GRPC_STAY_INTERNAL = noClasses()
      .that().resideOutsideOfPackage("..internal..")
      .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "io.grpc..",
          "com.fasterxml.jackson..", "liquibase..", "org.apache.commons.csv..");

  @ArchTest
  static final ArchRule RULEPACK_DOES_NOT_DEPEND_ON_RULES = noClasses()
      .that().resideInAPackage("dev.baton.engine.rulepack..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.engine.rules..");

  @ArchTest
  static final ArchRule INTERNALS_ARE_PRIVATE_TO_THEIR_CAPABILITY = noClasses()
      .that().resideOutsideOfPackages("dev.baton.engine.rulepack..")
      .and().resideOutsideOfPackage("dev.baton.engine.rules.internal..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.engine.rulepack.internal..");

  @ArchTest
  static final ArchRule RULES_INTERNAL_IS_PRIVATE = noClasses()
      .that().resideOutsideOfPackage("dev.baton.engine.rules..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.engine.rules.internal..");

  @ArchTest
  static final ArchRule STORE_IS_BELOW_THE_CAPABILITIES_THAT_USE_IT = noClasses()
      .that().resideInAPackage("dev.baton.engine.store..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.baton.engine.rules..",
          "dev.baton.engine.audit..", "dev.baton.engine.consent..",
          "dev.baton.engine.repository..");

  @ArchTest
  static final ArchRule STORE_INTERNALS_ARE_PRIVATE = internalsPrivate("store");

  @ArchTest
  static final ArchRule AUDIT_INTERNALS_ARE_PRIVATE = internalsPrivate("audit");

  @ArchTest
  static final ArchRule CONSENT_INTERNALS_ARE_PRIVATE = internalsPrivate("consent");

  @ArchTest
  static final ArchRule REPOSITORY_INTERNALS_ARE_PRIVATE = internalsPrivate("repository");

  @ArchTest
  static final ArchRule REPOSITORY_DOES_NOT_EVALUATE = noClasses()
      .that().resideInAPackage("dev.baton.engine.repository..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.baton.engine.rules..",
          "dev.baton.engine.audit..");

  @ArchTest
  static final ArchRule ONLY_THE_RUNTIME_WIRES_CAPABILITIES = noClasses()
      .that().resideOutsideOfPackages("dev.baton.engine.runtime..",
          "dev.baton.engine.battlepack..", "dev.baton.engine.liquid..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.engine.runtime..");

  @ArchTest
  static final ArchRule BATTLEPACK_INTERNALS_ARE_PRIVATE = internalsPrivate("battlepack");

  /** The battle-pack workflow sits on top: nothing below it depends on it. */
  @ArchTest
  static final ArchRule NOTHING_BELOW_DEPENDS_ON_THE_BATTLEPACK = noClasses()
      .that().resideOutsideOfPackage("dev.baton.engine.battlepack..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.engine.battlepack..");

  @ArchTest
  static final ArchRule WORKFLOW_INTERNALS_ARE_PRIVATE = internalsPrivate("workflow");

  @ArchTest
  static final ArchRule WORKFLOW_PROTOCOL_AND_FEEL_STAY_INTERNAL = noClasses()
      .that().resideOutsideOfPackage("..internal..")
      .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "org.camunda.feel..",
          "io.camunda.zeebe.gateway..", "io.camunda.zeebe.model..", "scala..");

  /**
   * The workflow engine core knows no wire protocol: the gRPC adapter lives in
   * {@code workflow.internal.grpc}, and {@code EmbeddedEngineServer} builds its server.
   */
  @ArchTest
  static final ArchRule WORKFLOW_CORE_KNOWS_NO_PROTOCOL = noClasses()
      .that().resideInAPackage("dev.baton.engine.workflow.internal")
      .and().doNotHaveSimpleName("EmbeddedEngineServer")
      .should().dependOnClassesThat().resideInAnyPackage("io.grpc..",
          "io.camunda.zeebe.gateway..", "com.google.protobuf..",
          "dev.baton.engine.workflow.internal.grpc..");

  @ArchTest
  static final ArchRule LIQUID_INTERNALS_ARE_PRIVATE = internalsPrivate("liquid");

  /** The liquid organisation sits on top, next to the battle pack: nothing below depends on it. */
  @ArchTest
  static final ArchRule NOTHING_BELOW_DEPENDS_ON_THE_LIQUID_ORGANISATION = noClasses()
      .that().resideOutsideOfPackage("dev.baton.engine.liquid..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.engine.liquid..");

  private static ArchRule internalsPrivate(String capability) {
    String base = "dev.baton.engine." + capability;
    return noClasses().that().resideOutsideOfPackage(base + "..")
        .should().dependOnClassesThat().resideInAPackage(base + ".internal..");
  }

  @ArchTest
  static final ArchRule NO_SPRING_OR_VAADIN_IN_THE_ENGINE = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
          "com.vaadin..");
}
