package dev.patchbay.app.designer.gallery;

import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The samples packaged under /samples (in the jar or on the class path), each with its text. */
public final class SampleCatalog {
  /** One sample: its file name, the design's name and description, and the file's exact text. */
  public record Sample(String fileName, String name, String description, String text) {
    public Topology load() throws TopologyFileException {
      return TopologyFiles.parse(text, fileName);
    }
  }

  private SampleCatalog() {}

  public static List<Sample> all() {
    URL dir = SampleCatalog.class.getResource("/samples");
    if (dir == null) {
      return List.of();
    }
    try {
      URI uri = dir.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem fs = jarFileSystem(uri)) {
          return read(fs.getPath("/samples"));
        }
      }
      return read(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FileSystem jarFileSystem(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      throw new IOException("the jar's file system is open already", e);
    }
  }

  private static List<Sample> read(Path dir) throws IOException {
    List<Sample> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String fileName = p.getFileName().toString();
        try {
          Topology t = TopologyFiles.parse(text, fileName);
          out.add(new Sample(fileName, t.name(), t.description(), text));
        } catch (TopologyFileException e) {
          throw new IllegalStateException("packaged sample does not load: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /**
   * True for a file that is one of the packaged samples as shipped (same name, same bytes: the
   * samples folder of a checkout or an unpacked release), which Save should not write over.
   */
  public static boolean isShipped(Path file) {
    try (InputStream packaged = open(file.getFileName().toString())) {
      return packaged != null && java.util.Arrays.equals(packaged.readAllBytes(), Files.readAllBytes(file));
    } catch (IOException e) {
      return false;
    }
  }

  /** The text of one sample by file name (tests open it as a file). */
  public static InputStream open(String fileName) {
    return SampleCatalog.class.getResourceAsStream("/samples/" + fileName);
  }
}
