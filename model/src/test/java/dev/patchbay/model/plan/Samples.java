package dev.patchbay.model.plan;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The sample topologies in samples/, for parameterized tests. */
public final class Samples {
  private Samples() {}

  public static Path dir() {
    String p = System.getProperty("patchbay.samples");
    return p != null ? Path.of(p) : Path.of("..", "samples");
  }

  public static Stream<String> names() {
    try (Stream<Path> files = Files.list(dir())) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
      return names.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Topology load(String name) {
    try {
      return TopologyFiles.load(dir().resolve(name));
    } catch (Exception e) {
      throw new IllegalStateException("sample " + name + ": " + e.getMessage(), e);
    }
  }
}
