package dev.baton.designer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The designer's layout by user task: one package per feature (its views, services and REST
 * controllers), shared chrome in {@code base}, the REST API's shared plumbing in {@code api},
 * sign-in and roles in {@code security}. The packages depend on each other without cycles, and
 * the shared ones on no feature; views reach other features' views by route, and the menu is
 * read from the route registry.
 */
@AnalyzeClasses(packages = "dev.baton.designer", importOptions = ImportOption.DoNotIncludeTests.class)
class DesignerArchitectureTest {

  /** The features: each a user task. */
  private static final String[] FEATURES = {"dev.baton.designer.packs..",
      "dev.baton.designer.rules..", "dev.baton.designer.review..", "dev.baton.designer.audit..",
      "dev.baton.designer.consent..", "dev.baton.designer.dashboard..",
      "dev.baton.designer.workflow..", "dev.baton.designer.liquid.."};

  @ArchTest
  static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices()
      .matching("dev.baton.designer.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule BASE_DEPENDS_ON_NO_FEATURE = noClasses()
      .that().resideInAPackage("dev.baton.designer.base..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule SECURITY_DEPENDS_ON_NO_FEATURE = noClasses()
      .that().resideInAPackage("dev.baton.designer.security..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule SECURITY_DEPENDS_ON_NO_CHROME = noClasses()
      .that().resideInAPackage("dev.baton.designer.security..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.designer.base..");

  @ArchTest
  static final ArchRule API_PLUMBING_DEPENDS_ON_NO_FEATURE = noClasses()
      .that().resideInAPackage("dev.baton.designer.api..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule I18N_DEPENDS_ON_NO_FEATURE = noClasses()
      .that().resideInAPackage("dev.baton.designer.i18n..")
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);
}
