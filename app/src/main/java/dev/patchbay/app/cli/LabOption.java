package dev.patchbay.app.cli;

import dev.patchbay.model.net.LabName;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * --lab NAME, where a file would otherwise name the lab (a mixin). plan and export keep an --lab
 * of their own: their help says more (what up would name it, which nft table a script makes).
 */
final class LabOption {
  @Option(names = "--lab", paramLabel = "NAME", description = "The lab's name (default: from the file name).")
  String name;

  /** The lab of a design file: the name given, else the one made from the file's name. */
  String of(Path file) {
    return LabName.of(name, file);
  }

  /** The lab of a LAB|FILE argument, unless --lab names another. */
  String of(LabOrFile labOrFile) {
    return name != null ? LabName.checked(name) : labOrFile.lab();
  }
}
