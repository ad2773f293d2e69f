package dev.patchbay.model.importer;

import dev.patchbay.model.format.FileText;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way the CLI and the designer turn paths into an import: each file read whole under
 * {@link dev.patchbay.model.format.FileLimits} (a FIFO, /dev/zero or a huge file is refused in words),
 * then {@link Importers#read}. The importers themselves never open a file.
 */
public final class FileImport {
  private FileImport() {}

  /** Reads every file, then imports them as one lab; {@code from} forces a format (null: detect). */
  public static Imported read(List<Path> paths, String from) throws TopologyFileException {
    return importSources(sources(paths), from);
  }

  /** Each file's bytes, under the limits; the first that cannot be read stops it, named. */
  public static List<SourceFile> sources(List<Path> paths) throws TopologyFileException {
    List<SourceFile> files = new ArrayList<>();
    for (Path p : paths) {
      if (java.nio.file.Files.isDirectory(p)) {
        throw new TopologyFileException(p.toString(), 0, 0, "this is a folder; name the files in it to import"
            + " (a project file, a topology, domain XML)");
      }
      files.add(new SourceFile(p.toString(), FileText.bytes(p)));
    }
    return files;
  }

  /** Imports files already read; a Patchbay topology is refused with a pointer to opening it. */
  public static Imported importSources(List<SourceFile> files, String from) {
    if (from == null && !files.isEmpty() && isPatchbayFile(files.get(0))) {
      throw new ImportException(files.get(0).name() + ": this is a Patchbay topology already; open it instead of"
          + " importing it");
    }
    return Importers.read(files, from);
  }

  /** Whether the file is one of Patchbay's own (opened, not imported): its header names the format. */
  public static boolean isPatchbayFile(SourceFile f) {
    int n = Math.min(f.bytes().length, 4096);
    String head = new String(f.bytes(), 0, n, StandardCharsets.UTF_8);
    return head.stripLeading().startsWith("{") && head.matches("(?s).*\"format\"\\s*:\\s*\"" + TopologyFiles.FORMAT + "\".*");
  }
}
