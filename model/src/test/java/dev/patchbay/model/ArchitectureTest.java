package dev.patchbay.model;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.patchbay.model.importer.Importers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model's packages form layers: each package depends only on packages below it, so any one
 * of them can be read, tested and changed knowing what it rests on. The layering between the
 * modules (model below backends below app) is app's ArchitectureTest.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.patchbay.model");
  }

  /**
   * Every package is a slice of its own: check, check.rules and check.fix are three, not one. One
   * dependency is allowed back up: the importer registry lists each format's importer, which lives in
   * a package of its own below importer (importer.gns3, ...) and rests on the import seam above it.
   */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.patchbay.(**)").should().beFreeOfCycles()
        .ignoreDependency(JavaClass.Predicates.equivalentTo(Importers.class),
            JavaClass.Predicates.resideInAPackage("dev.patchbay.model.importer.*"))
        .check(classes);
  }
}
