package dev.patchbay.app.designer.export;

import dev.patchbay.app.export.SvgExport;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What File > Export writes besides a PNG: the SVG drawing and the text diagram, each to a file. */
public final class ExportFiles {
  private ExportFiles() {}

  /**
   * The chosen file with the extension added when the name has none: the desktop's save dialog
   * keeps "lab" as typed, and a file without ".svg" opens in no viewer.
   */
  public static Path withExtension(Path chosen, String extension) {
    String name = chosen.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith("." + extension) || name.contains(".") ? chosen
        : chosen.resolveSibling(name + "." + extension);
  }

  /** The design as the vector drawing `patchbay export --format svg` writes. */
  public static void writeSvg(Topology t, Path file) throws IOException {
    Files.writeString(file, SvgExport.render(t), StandardCharsets.UTF_8);
  }

  /** A text diagram (ASCII or Unicode box drawing), as UTF-8 so the Unicode one survives. */
  public static void writeText(String diagram, Path file) throws IOException {
    Files.writeString(file, diagram.endsWith("\n") ? diagram : diagram + "\n", StandardCharsets.UTF_8);
  }

  /** "nat-bridge.json" gives "nat-bridge.svg": where a chooser starts. */
  public static String suggestedName(String documentName, String extension) {
    String stem = documentName.endsWith(".json") ? documentName.substring(0, documentName.length() - 5) : documentName;
    stem = stem.replaceAll("[/\\\\:*?\"<>|]", "_").strip();
    return (stem.isEmpty() ? "design" : stem) + "." + extension;
  }
}
