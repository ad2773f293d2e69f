package dev.patchbay.model.importer.libvirt;

import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.importer.xml.XmlTree;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * libvirt's XML as {@code virsh dumpxml} (a domain) and {@code virsh net-dumpxml} (a network) write
 * it. Several files are one lab: networks are read first, so a domain's {@code <interface
 * type='network'>} joins the bridge its network file names. libvirt keeps no positions; everything
 * is laid out. The mapping is model/IMPORT.md, "libvirt".
 */
public final class LibvirtImporter implements Importer {
  private static final Set<String> ROOTS = Set.of("domain", "network");

  @Override
  public String id() {
    return "libvirt";
  }

  @Override
  public String title() {
    return "libvirt XML";
  }

  @Override
  public List<String> extensions() {
    return List.of("*.xml");
  }

  @Override
  public boolean recognises(SourceFile file) {
    return XmlTree.hasRoot(file, ROOTS);
  }

  @Override
  public Imported read(List<SourceFile> files) {
    if (files.isEmpty()) {
      throw new ImportException("no libvirt file given");
    }
    List<XmlTree.Document> domains = new ArrayList<>();
    List<XmlTree.Document> networks = new ArrayList<>();
    for (SourceFile f : files) {
      XmlTree.Document doc = XmlTree.read(f, ROOTS, "<domain> (virsh dumpxml) or <network> (virsh net-dumpxml)");
      (doc.root().equals("domain") ? domains : networks).add(doc);
    }
    Topology t = new Topology(labName(files), "Imported from " + files.size() + " libvirt file(s): "
        + domains.size() + " domain(s), " + networks.size() + " network(s).", null);
    LibvirtLab lab = new LibvirtLab(t);
    NetworkReader nets = new NetworkReader(lab);
    networks.forEach(nets::read);
    DomainReader doms = new DomainReader(lab);
    domains.forEach(doms::read);
    return lab.result();
  }

  private static String labName(List<SourceFile> files) {
    String name = files.get(0).name();
    String first = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replaceFirst("\\.xml$", "");
    return files.size() == 1 ? first : first + " and " + (files.size() - 1) + " more";
  }
}
