package dev.patchbay.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the modules, checked here rather than hoped: model (pure Java: no JavaFX, no
 * process or socket I/O) below backends (applies plans to the world; depends on model only) below
 * app (JavaFX views, view models and the command line). Inside app, the command line never reaches
 * JavaFX, not even through another class, view models hold state with JavaFX's properties and
 * collections but no scene graph, and no two packages depend on each other. The model's and the
 * backends' packages are kept free of cycles by each module's own ArchitectureTest.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    // Not the backends' test-jar either: its fixtures are tests, whatever the file name's pattern.
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
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

  /** Transitively: a class the command line uses that reaches JavaFX would load it all the same. */
  @Test
  void commandLineNeverLoadsJavaFx() {
    noClasses().that().resideInAPackage("dev.patchbay.app.cli..")
        .should().transitivelyDependOnClassesThat().resideInAnyPackage("javafx..", "dev.patchbay.app.designer..")
        .check(classes);
  }

  /** Every package is a slice of its own (canvas and canvas.gesture are two); Main's package is one too. */
  @Test
  void appPackagesAreFreeOfCycles() {
    slices().matching("dev.patchbay.(**)").should().beFreeOfCycles()
        .check(classes.that(resideInAPackage("dev.patchbay.app..")));
  }

  /** A view model is tested without a Stage: it may hold properties and observable collections, nothing else of JavaFX. */
  @Test
  void viewModelsUseJavaFxBeansAndCollectionsOnly() {
    noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
        .should().dependOnClassesThat(resideInAPackage("javafx..")
            .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections.."))))
        .check(classes);
  }

  /** Nor through a helper: a class a view model uses that draws or needs the toolkit would need a Stage all the same. */
  @Test
  void viewModelsNeverReachTheSceneGraph() {
    noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
        .should().transitivelyDependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
        .check(classes);
  }
}
