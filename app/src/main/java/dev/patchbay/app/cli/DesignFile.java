package dev.patchbay.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The FILE parameter of the commands that read one design (a mixin: one definition of its label
 * and help). check's FILE is its own: it may be left out with --rules or --explain.
 */
final class DesignFile {
  @Parameters(index = "0", paramLabel = "FILE", description = "A Patchbay topology file (.json).")
  Path file;
}
