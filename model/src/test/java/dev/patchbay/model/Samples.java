package dev.patchbay.model;

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

  public static Path named(String fileName) {
    return folder().resolve(fileName);
  }
}
