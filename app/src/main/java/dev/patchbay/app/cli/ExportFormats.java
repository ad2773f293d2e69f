package dev.patchbay.app.cli;

import dev.patchbay.app.export.DrawioExport;
import dev.patchbay.app.export.ExportFormat;
import dev.patchbay.app.export.SvgExport;
import dev.patchbay.model.diagram.Charset;
import dev.patchbay.model.diagram.DotExport;
import dev.patchbay.model.diagram.MermaidExport;
import dev.patchbay.model.importer.gns3.Gns3Export;
import dev.patchbay.model.qemu.LegacyCommandLine;
import dev.patchbay.model.qemu.QemuCommandLine;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every format {@code patchbay export} knows, in the order --help lists them. */
public final class ExportFormats {
  private static final List<ExportFormat> ALL = Stream.concat(Stream.of(
      ExportFormat.text("qemu", "each guest's QEMU command line, one per line, quoted for a POSIX shell",
          (t, o) -> o.legacy() ? LegacyCommandLine.render(t, o.lab()) : QemuCommandLine.render(t, o.lab())),
      ScriptExport.FORMAT,
      ExportFormat.text("ascii", "a diagram in 7-bit ASCII like the classic QEMU notes draw, at most --width columns",
          (t, o) -> o.style().render(t, Charset.ASCII, o.width())),
      ExportFormat.text("unicode", "the same diagram drawn with Unicode box-drawing characters",
          (t, o) -> o.style().render(t, Charset.UNICODE, o.width())),
      ExportFormat.text("svg", "a vector drawing with the designer's icons, at the file's layout",
          (t, o) -> SvgExport.render(t)),
      ExportFormat.text("mermaid", "a Mermaid flowchart (renders on GitHub)", (t, o) -> MermaidExport.render(t)),
      ExportFormat.text("dot", "a Graphviz graph (dot -Tsvg)", (t, o) -> DotExport.render(t)),
      ExportFormat.text("gns3", "a GNS3 2.2 project (.gns3): QEMU nodes, hubs, switches, clouds, NAT, links, positions;"
          + " what GNS3 cannot hold is listed in a text on its scene", (t, o) -> Gns3Export.render(t)),
      ExportFormat.text("drawio", "a diagrams.net (draw.io) file with the designer's shapes and positions",
          (t, o) -> DrawioExport.render(t))),
      providers()).toList();

  private ExportFormats() {}

  /**
   * Formats that draw with JavaFX (png) are the designer's, listed in META-INF/services: the
   * command line names no class that would load JavaFX.
   */
  private static Stream<ExportFormat> providers() {
    return ServiceLoader.load(ExportFormat.class, ExportFormats.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get);
  }

  public static List<ExportFormat> all() {
    return ALL;
  }

  public static Optional<ExportFormat> named(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public static String names() {
    return ALL.stream().map(ExportFormat::name).collect(Collectors.joining("|"));
  }
}
