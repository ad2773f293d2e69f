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
   * edge is left out: the importer registry lists every format's importer, and each format's
   * package rests on the importer seam, so the list alone points down into the format packages.
   */
  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.patchbay.(**)").should().beFreeOfCycles()
        .ignoreDependency(JavaClass.Predicates.equivalentTo(Importers.class),
            JavaClass.Predicates.resideInAPackage("dev.patchbay.model.importer.."))
        .check(classes);
  }
}
