package dev.patchbay.app.export;

import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** One output format of {@code patchbay export}. */
public interface ExportFormat {
  /** The value of --format. */
  String name();

  /** One line for --help. */
  String summary();

  /** Whether the format writes files and so needs -o (it cannot go to standard output). */
  default boolean needsOutput() {
    return false;
  }

  /** Writes the export to {@code out}, or to {@code stdout} when out is null. */
  void export(Topology topology, ExportOptions options, Path out, PrintWriter stdout) throws IOException;

  /** A format whose result is one text. */
  static ExportFormat text(String name, String summary, BiFunction<Topology, ExportOptions, String> render) {
    return new ExportFormat() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String summary() {
        return summary;
      }

      @Override
      public void export(Topology topology, ExportOptions options, Path out, PrintWriter stdout) throws IOException {
        String text = render.apply(topology, options);
        if (out == null) {
          stdout.print(text);
          stdout.flush();
        } else {
          OutputFiles.writeText(out, text, false);
        }
      }
    };
  }
}
