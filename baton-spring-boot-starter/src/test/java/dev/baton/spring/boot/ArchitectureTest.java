package dev.baton.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The starter builds Baton through the engine's public API only. */
@AnalyzeClasses(packages = "dev.baton.spring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule ONLY_THE_ENGINES_PUBLIC_API = noClasses()
      .that().resideInAPackage("dev.baton.spring..")
      .should().dependOnClassesThat().resideInAPackage("dev.baton.engine..internal..");
}
