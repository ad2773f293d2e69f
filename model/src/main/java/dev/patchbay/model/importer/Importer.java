package dev.patchbay.model.importer;

import java.util.List;

/**
 * Reads one foreign format (a GNS3 project, a containerlab topology, libvirt XML, ...) into a
 * topology. Implementations are stateless; {@link Importers} lists them and picks one by content.
 */
public interface Importer {
  /** The word users pass to {@code --from}: "gns3", "clab", "libvirt", "eve", "core", "qemu". */
  String id();

  /** What the format is called in messages and menus: "GNS3 project". */
  String title();

  /** File name patterns for the designer's chooser, e.g. "*.gns3", "*.gns3project". */
  List<String> extensions();

  /**
   * Whether the file looks like this format, decided from its content (its extension may help but
   * never decides alone). Cheap and never throws: it runs for every importer on every file.
   */
  boolean recognises(SourceFile file);

  /**
   * The topology the files describe. Several files are one lab (libvirt domains plus networks).
   *
   * @throws ImportException naming the file and, where known, the place and what was expected
   */
  Imported read(List<SourceFile> files);

  /**
   * The one file of a format whose lab is a single file.
   *
   * @param lab what such a file is, with its article: "a CORE scenario"
   * @throws ImportException when none or several were given
   */
  static SourceFile onlyFile(List<SourceFile> files, String lab) {
    if (files.size() != 1) {
      throw new ImportException(lab + " is one file; " + files.size() + " were given");
    }
    return files.get(0);
  }
}
