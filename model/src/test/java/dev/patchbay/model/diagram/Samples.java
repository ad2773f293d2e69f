package dev.patchbay.model.diagram;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample topologies of the repository, found through the build's patchbay.samples property. */
final class Samples {
  private Samples() {}

  static Path dir() {
    String p = System.getProperty("patchbay.samples");
    Path dir = p != null ? Path.of(p) : Path.of("..", "samples");
    return Files.isDirectory(dir) ? dir : Path.of("samples");
  }

  static List<Path> files() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Topology load(Path file) {
    try {
      return TopologyFiles.load(file);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load " + file + ": " + e.getMessage(), e);
    }
  }

  static String baseName(Path file) {
    return file.getFileName().toString().replaceFirst("\\.json$", "");
  }
}
