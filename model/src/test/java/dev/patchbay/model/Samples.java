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

/** The sample topologies of samples/, for tests in every module. */
public final class Samples {
  private Samples() {}

  /** The samples folder: system property patchbay.samples (set by surefire), else ../samples. */
  public static Path folder() {
    String configured = System.getProperty("patchbay.samples");
    Path p = configured != null ? Path.of(configured) : Path.of("..", "samples");
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("samples folder not found at " + p.toAbsolutePath());
    }
    return p;
  }

  /** The same folder; kept for tests written against this name. */
  public static Path dir() {
    return folder();
  }

  /** Every sample file, sorted by name; never empty. */
  public static List<Path> all() {
    try (Stream<Path> s = Files.list(folder())) {
      List<Path> files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no samples in " + folder());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File names of every sample, sorted. */
  public static List<String> names() {
    return all().stream().map(p -> p.getFileName().toString()).toList();
  }

  public static Path named(String fileName) {
    return folder().resolve(fileName);
  }

  public static Topology load(String name) {
    try {
      return TopologyFiles.load(named(name));
    } catch (TopologyFileException e) {
      throw new IllegalStateException(e);
    }
  }
}
