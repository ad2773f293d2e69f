package dev.patchbay.model.importer;

import dev.patchbay.model.topology.Topology;
import java.util.List;

/**
 * What an importer made of a set of files: the topology (positions set where the file had them),
 * what it could not import, and warnings about what it assumed (a default it filled in, a field it
 * read loosely).
 */
public record Imported(Topology topology, List<Skipped> skipped, List<String> warnings) {
  public Imported {
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }
}
