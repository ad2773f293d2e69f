package dev.patchbay.model.importer.libvirt;

import static dev.patchbay.model.importer.xml.XmlNodes.all;
import static dev.patchbay.model.importer.xml.XmlNodes.one;
import static dev.patchbay.model.importer.xml.XmlNodes.text;
import static dev.patchbay.model.importer.xml.XmlNodes.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.xml.XmlTree;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code virsh dumpxml} file: a QEMU/KVM domain becomes a guest with its memory, target,
 * machine, first disk and one NIC per interface; an LXC domain (a container) a guest without a
 * disk, so Patchbay's probe guest stands in; other hypervisors' domains are skipped.
 */
final class DomainReader {
  private final LibvirtLab lab;
  private final InterfaceReader interfaces;

  DomainReader(LibvirtLab lab) {
    this.lab = lab;
    this.interfaces = new InterfaceReader(lab, new SocketLinks(lab));
  }

  void read(XmlTree.Document doc) {
    JsonNode d = doc.content();
    String name = value(d, "name").orElseThrow(() -> new ImportException(doc.file() + ": <domain> has no <name>"));
    String where = doc.file() + ": domain " + Printable.quoted(name);
    String type = value(d, "type").orElse("");
    if (!type.equals("kvm") && !type.equals("qemu") && !type.equals("lxc")) {
      lab.skip(new Skipped(name, "libvirt domain of type " + Printable.quoted(type),
          "not run by QEMU; Patchbay runs QEMU guests only"));
      return;
    }
    String id = lab.names().id(name, "guest");
    String process = lab.names().processName(name, "guest");
    List<Nic> nics = new ArrayList<>();
    List<Endpoint> plugs = new ArrayList<>();
    JsonNode devices = one(d, "devices").orElse(null);
    List<JsonNode> ifaces = all(devices, "interface");
    for (int i = 0; i < ifaces.size(); i++) {
      String nicName = "nic" + nics.size();
      interfaces.read(ifaces.get(i), nicName, name, i + 1, where + ", interface " + (i + 1)).ifPresent(p -> {
        nics.add(p.nic());
        plugs.add(p.to());
      });
    }
    Optional<JsonNode> os = one(d, "os").flatMap(o -> one(o, "type"));
    String arch = LibvirtValues.arch(os.flatMap(t -> value(t, "arch")).orElse(null), where, lab.warnings());
    String machine = LibvirtValues.machine(os.flatMap(t -> value(t, "machine")).orElse(null), where, lab.warnings());
    String disk = type.equals("lxc") ? container(where) : disk(devices, where);
    lab.add(new Guest(id, process, arch, machine, memory(d, where), disk, nics));
    for (int i = 0; i < nics.size(); i++) {
      lab.link(Endpoint.of(id, nics.get(i).name()), plugs.get(i));
    }
  }

  private int memory(JsonNode d, String where) {
    Optional<JsonNode> m = one(d, "memory");
    if (m.isEmpty()) {
      lab.warn(where + ": no <memory>; 128 MiB assumed");
      return 128;
    }
    return LibvirtValues.memoryMiB(text(m.get()), value(m.get(), "unit").orElse(null), where + ", <memory>");
  }

  private String container(String where) {
    lab.warn(where + " is an LXC container: drawn as a guest without a disk, so Patchbay's probe guest"
        + " stands in for it");
    return null;
  }

  /** The first file or block disk; others are named in warnings. */
  private String disk(JsonNode devices, String where) {
    String chosen = null;
    List<JsonNode> disks = all(devices, "disk");
    for (int i = 0; i < disks.size(); i++) {
      JsonNode disk = disks.get(i);
      String device = value(disk, "device").orElse("disk");
      String type = value(disk, "type").orElse("file");
      Optional<String> path = one(disk, "source").flatMap(s -> value(s, type.equals("block") ? "dev" : "file"));
      String at = where + ", disk " + (i + 1) + " (" + device + ", type " + Printable.quoted(type) + ")";
      if (!device.equals("disk") || path.isEmpty() || !(type.equals("file") || type.equals("block"))) {
        lab.warn(at + ": not taken; a guest boots one file or block disk");
      } else if (chosen != null) {
        lab.warn(at + ": not taken; a guest here has one disk, the first");
      } else if (QemuValues.diskProblem(path.get()).isPresent()) {
        lab.warn(at + ": not taken: " + QemuValues.diskProblem(path.get()).get());
      } else {
        chosen = path.get();
      }
    }
    return chosen;
  }
}
