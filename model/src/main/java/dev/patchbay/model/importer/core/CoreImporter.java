package dev.patchbay.model.importer.core;

import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.importer.core.CoreScenario.Kind;
import dev.patchbay.model.importer.xml.XmlTree;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A CORE (Common Open Research Emulator) scenario, in either of its XML dialects: the one CORE 5
 * and later write ({@code <networks>}, {@code <devices>}, {@code <links>}) and the NMF scenario plan
 * CORE 4.x wrote. Positions are kept. The mapping is model/IMPORT.md, "CORE".
 */
public final class CoreImporter implements Importer {
  @Override
  public String id() {
    return "core";
  }

  @Override
  public String title() {
    return "CORE scenario";
  }

  @Override
  public List<String> extensions() {
    return List.of("*.xml");
  }

  @Override
  public boolean recognises(SourceFile file) {
    return XmlTree.hasRoot(file, Set.of("scenario"));
  }

  @Override
  public Imported read(List<SourceFile> files) {
    XmlTree.Document doc = XmlTree.read(Importer.onlyFile(files, "a CORE scenario"), Set.of("scenario"),
        "<scenario> (a CORE scenario saved as XML)");
    List<String> readerWarnings = new ArrayList<>();
    CoreScenario s;
    if (CurrentDialect.matches(doc.content())) {
      s = CurrentDialect.read(doc);
    } else if (NmfDialect.matches(doc.content())) {
      s = NmfDialect.read(doc, readerWarnings);
    } else {
      throw new ImportException(doc.file() + ": a <scenario> with neither <networks>/<devices>/<links> (CORE 5 and"
          + " later) nor <network>/<router>/<host> (CORE 4's scenario plan); nothing to import");
    }
    Topology t = new Topology(s.name(), "Imported from the CORE scenario " + doc.file() + ".", null);
    LabBuilder lab = new LabBuilder(t);
    readerWarnings.forEach(lab::warn);
    new CoreBuilder(lab, doc.file()).build(s);
    List<String> devices = s.nodes().stream().filter(n -> n.kind() == Kind.DEVICE)
        .map(n -> n.name() + " (" + n.type() + ")").toList();
    if (!devices.isEmpty()) {
      lab.warn("CORE runs " + String.join(", ", devices.stream().map(Printable::line).toList()) + " as network"
          + " namespaces, not VMs: each is a guest without a disk, so Patchbay's probe guest stands in (CORE's"
          + " services such as routing daemons are not run)");
    }
    return lab.result();
  }
}
