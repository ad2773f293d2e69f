package dev.patchbay.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering written in CONVENTIONS.md: model <- backends <- app, and a model free of I/O but files. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.patchbay");
  }

  @Test
  void modelDependsOnNeitherBackendsNorApp() {
    noClasses().that().resideInAPackage("dev.patchbay.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.backends..", "dev.patchbay.app..")
        .check(classes);
  }

  @Test
  void modelUsesNoJavaFxProcessesOrSockets() {
    noClasses().that().resideInAPackage("dev.patchbay.model..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.net..", "java.nio.channels..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
        .orShould().dependOnClassesThat().haveFullyQualifiedName(Process.class.getName())
        .orShould().callMethod(Runtime.class, "exec", String.class)
        .check(classes);
  }

  @Test
  void backendsDependOnModelOnlyNeverOnAppOrJavaFx() {
    noClasses().that().resideInAPackage("dev.patchbay.backends..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.app..", "javafx..")
        .check(classes);
  }

  @Test
  void commandLineNeverLoadsJavaFx() {
    noClasses().that().resideInAPackage("dev.patchbay.app.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.patchbay.app.designer..")
        .check(classes);
  }
}
