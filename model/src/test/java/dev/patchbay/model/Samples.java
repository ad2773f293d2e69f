package dev.patchbay.model;

import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample topologies shipped in samples/, as the build's surefire points at them. */
public final class Samples {
  private Samples() {}

  public static Path dir() {
    String prop = System.getProperty("patchbay.samples");
    return prop != null ? Path.of(prop) : Path.of("..", "samples");
  }

  /** File names of every sample, sorted. */
  public static List<String> names() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Topology load(String name) {
    try {
      return TopologyFiles.load(dir().resolve(name));
    } catch (TopologyFileException e) {
      throw new IllegalStateException(e);
    }
  }
}
