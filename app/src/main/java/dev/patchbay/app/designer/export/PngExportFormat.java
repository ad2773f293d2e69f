package dev.patchbay.app.designer.export;

import dev.patchbay.app.designer.fx.HeadlessFx;
import dev.patchbay.app.export.ExportFormat;
import dev.patchbay.app.export.ExportOptions;
import dev.patchbay.app.export.OutputFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code patchbay export FILE --format png -o OUT.png}: the canvas drawing, without a window. The
 * command line never names this class: it finds it as a provider of {@link ExportFormat}
 * (META-INF/services), so no class of the cli package reaches JavaFX, and JavaFX is loaded when a
 * PNG is actually asked for, never for the other commands.
 */
public final class PngExportFormat implements ExportFormat {
  @Override
  public String name() {
    return "png";
  }

  @Override
  public boolean needsOutput() {
    return true;
  }

  @Override
  public String summary() {
    return "the designer's drawing as a PNG image (needs -o); works without a display";
  }

  @Override
  public void export(Topology topology, ExportOptions options, Path out, PrintWriter stdout) throws IOException {
    if (out == null) {
      throw new IOException("--format png writes an image: give -o FILE.png");
    }
    OutputFiles.refuseLink(out);
    HeadlessFx.call(() -> {
      PngExport.write(topology, out);
      return null;
    });
  }
}
