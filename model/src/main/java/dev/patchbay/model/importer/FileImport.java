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
    List<SourceFile> files = new ArrayList<>();
    for (Path p : paths) {
      files.add(new SourceFile(p.toString(), FileText.bytes(p)));
    }
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
