package dev.patchbay.model.importer.eve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.importer.xml.XmlTree;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * EVE-NG labs ({@code *.unl}, XML): Linux and Windows qemu nodes become guests, bridge networks VDE
 * switches, pnet clouds host bridges, text objects notes; vendor nodes, serial links and other
 * networks are skipped and named. The mapping is model/IMPORT.md's EVE-NG section.
 */
public final class EveImporter implements Importer {
  @Override
  public String id() {
    return "eve";
  }

  @Override
  public String title() {
    return "EVE-NG lab";
  }

  @Override
  public List<String> extensions() {
    return List.of("*.unl");
  }

  @Override
  public boolean recognises(SourceFile file) {
    return file.bytes().length <= 32 * 1024 * 1024 && XmlTree.hasRoot(file, Set.of("lab"));
  }

  @Override
  public Imported read(List<SourceFile> files) {
    SourceFile file = Importer.onlyFile(files, "an EVE-NG lab");
    JsonNode lab = XmlTree.read(file, Set.of("lab"), "<lab> (an EVE-NG lab)").content();
    List<String> warnings = new ArrayList<>();
    EveValues values = new EveValues(file.name(), warnings);
    String name = values.text(lab, "name", "<lab>");
    String description = lab.path("description").isValueNode() ? lab.path("description").asText() : "";
    Topology t = new Topology(name == null || name.isBlank() ? "EVE-NG lab" : Printable.line(name),
        description.isBlank() ? "Imported from the EVE-NG lab " + Printable.line(file.name()) + "."
            : Printable.line(description), null);
    LabBuilder built = new LabBuilder(t, new ForeignNames(t), warnings);
    EveNetworks networks = new EveNetworks(built, values);
    networks.read(lab);
    new EveNodes(built, values, networks).read(lab);
    EveNotes.read(lab, t, built.names(), values, warnings);
    return built.result();
  }
}
