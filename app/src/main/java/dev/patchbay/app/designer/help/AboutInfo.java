package dev.patchbay.app.designer.help;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Help > About: Patchbay's version and the libraries the program carries, each with the licence
 * its project publishes. Versions are read where they are packaged (a library's pom.properties, the
 * JavaFX runtime) rather than written here, so they follow the build.
 */
public final class AboutInfo {
  /**
   * A library the program may carry: its name, a class of it (listed only when that class is
   * there), where Maven keeps its version ("group/artifact"), and its licence.
   */
  public record Library(String name, String marker, String mavenId, String licence) {}

  static final List<Library> LIBRARIES = List.of(
      new Library("OpenJFX (JavaFX)", "javafx.application.Platform", "", "GPL v2 with the Classpath Exception"),
      new Library("ControlsFX", "org.controlsfx.control.PropertySheet", "org.controlsfx/controlsfx", "BSD 3-Clause"),
      new Library("Jackson (databind, YAML, XML)", "com.fasterxml.jackson.databind.ObjectMapper",
          "com.fasterxml.jackson.core/jackson-databind", "Apache License 2.0"),
      new Library("SnakeYAML", "org.yaml.snakeyaml.Yaml", "org.yaml/snakeyaml", "Apache License 2.0"),
      new Library("Woodstox and Stax2 API", "com.ctc.wstx.stax.WstxInputFactory",
          "com.fasterxml.woodstox/woodstox-core",
          "Apache License 2.0 (Stax2 API: BSD 2-Clause)"),
      new Library("Eclipse Layout Kernel (ELK)", "org.eclipse.elk.alg.layered.LayeredLayoutProvider",
          "org.eclipse.elk/org.eclipse.elk.alg.layered",
          "Eclipse Public License 2.0"),
      new Library("picocli", "picocli.CommandLine", "info.picocli/picocli", "Apache License 2.0"),
      new Library("jnr-ffi and jffi", "jnr.ffi.LibraryLoader", "com.github.jnr/jnr-ffi",
          "Apache License 2.0 (jffi: Apache License 2.0 or LGPL 3; jnr-x86asm: MIT)"),
      new Library("ASM", "org.objectweb.asm.ClassReader", "org.ow2.asm/asm", "BSD 3-Clause"),
      new Library("Monocle (headless JavaFX, for PNG export without a display)",
          "com.sun.glass.ui.monocle.MonoclePlatformFactory", "org.testfx/openjfx-monocle",
          "GPL v2 with the Classpath Exception"));

  private AboutInfo() {}

  /** "0.1.0-SNAPSHOT", or "development" when run from classes rather than the jar. */
  public static String version() {
    String v = System.getProperty("jpackage.app-version", AboutInfo.class.getPackage().getImplementationVersion());
    return v == null ? "development" : v;
  }

  /** The text the About dialog shows. */
  public static String text() {
    StringBuilder out = new StringBuilder();
    out.append("Patchbay ").append(version()).append('\n')
        .append("Design, check, export and run QEMU lab networks.\n")
        .append("Java ").append(System.getProperty("java.version")).append(", JavaFX ")
        .append(System.getProperty("javafx.runtime.version", "?")).append("\n\n")
        .append("Libraries bundled with the program, and their licences:\n");
    for (String line : libraryLines()) {
      out.append("  ").append(line).append('\n');
    }
    return out.toString();
  }

  static List<String> libraryLines() {
    List<String> lines = new ArrayList<>();
    for (Library l : LIBRARIES) {
      if (!present(l.marker())) {
        continue;
      }
      String version = l.mavenId().isEmpty() ? System.getProperty("javafx.runtime.version", "")
          : mavenVersion(l.mavenId());
      lines.add(l.name() + (version.isEmpty() ? "" : " " + version) + ": " + l.licence());
    }
    return lines;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, AboutInfo.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The version in the library's packaged pom.properties, or "" when it carries none. */
  private static String mavenVersion(String mavenId) {
    try (InputStream in = AboutInfo.class.getResourceAsStream("/META-INF/maven/" + mavenId + "/pom.properties")) {
      if (in == null) {
        return "";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "");
    } catch (IOException e) {
      return "";
    }
  }
}
