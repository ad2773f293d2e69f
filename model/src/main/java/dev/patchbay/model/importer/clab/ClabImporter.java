package dev.patchbay.model.importer.clab;

import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.SourceFile;
import java.util.List;
import java.util.regex.Pattern;

/**
 * containerlab topologies ({@code *.clab.yml}): Linux containers and plain VMs become guests, bridge
 * nodes bridges, links sockets or taps; vendor network OS nodes are skipped and named. The mapping
 * is model/IMPORT.md's containerlab section.
 */
public final class ClabImporter implements Importer {
  private static final Pattern TOPOLOGY = Pattern.compile("(?m)^topology:\\s*(#.*)?$");
  private static final Pattern NODES = Pattern.compile("(?m)^\\s+nodes:\\s*(#.*)?$");

  @Override
  public String id() {
    return "clab";
  }

  @Override
  public String title() {
    return "containerlab topology";
  }

  @Override
  public List<String> extensions() {
    return List.of("*.clab.yml", "*.clab.yaml");
  }

  @Override
  public boolean recognises(SourceFile file) {
    String name = file.lowerName();
    if (name.endsWith(".clab.yml") || name.endsWith(".clab.yaml")) {
      return true;
    }
    if (!(name.endsWith(".yml") || name.endsWith(".yaml")) || file.bytes().length > 8 * 1024 * 1024) {
      return false;
    }
    String text = file.text();
    return TOPOLOGY.matcher(text).find() && NODES.matcher(text).find();
  }

  @Override
  public Imported read(List<SourceFile> files) {
    SourceFile file = Importer.onlyFile(files, "a containerlab topology");
    ClabDocument doc = ClabDocument.read(YamlTree.read(file), file.name());
    return new ClabBuilder(doc, file.name()).build();
  }
}
