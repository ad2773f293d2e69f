package dev.patchbay.app.cli;

import dev.patchbay.model.qemu.QemuCommandLine;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every format {@code patchbay export} knows, in the order --help lists them. */
public final class ExportFormats {
  private static final List<ExportFormat> ALL = List.of(
      ExportFormat.text("qemu", "each guest's QEMU command line, one per line, quoted for a POSIX shell",
          (t, o) -> QemuCommandLine.render(t)),
      new dev.patchbay.app.export.PngExportFormat());

  private ExportFormats() {}

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
