package dev.patchbay.app.cli;

import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import picocli.CommandLine;

/** Loading a topology for a command: an unreadable file exits 2 with the loader's one-line message. */
final class Topologies {
  private Topologies() {}

  static Topology load(CommandLine.Model.CommandSpec spec, Path file) {
    try {
      return TopologyFiles.load(file);
    } catch (TopologyFileException e) {
      throw new Unreadable(e.getMessage());
    }
  }

  /** Ends a command with exit code 2 and one line on stderr. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }
}
