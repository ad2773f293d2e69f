package dev.patchbay.app.cli;

import dev.patchbay.model.net.LabName;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The LAB|FILE parameter of the commands that act on a running lab (a mixin). */
final class LabOrFile {
  @Parameters(index = "0", paramLabel = "LAB|FILE", description = "A lab's name, or the topology file it came from.")
  String value;

  /** The lab named: a .json file names the lab up made from it, as up names it; anything else is a lab's name. */
  String lab() {
    return value.endsWith(".json") ? LabName.fromFileName(Path.of(value).getFileName().toString())
        : LabName.checked(value);
  }
}
