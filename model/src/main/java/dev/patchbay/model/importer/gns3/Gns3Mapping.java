package dev.patchbay.model.importer.gns3;

import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link Gns3Project} as a Patchbay topology: QEMU nodes become guests, hubs and switches VDE
 * switches, clouds and NAT nodes host interfaces ({@link Gns3HostSide}); everything else is
 * skipped by name. Positions are GNS3's, moved so the top-left node sits at (80, 80).
 */
final class Gns3Mapping {
  /** Disk images of vendor network operating systems that GNS3 runs as QEMU nodes. */
  private static final Pattern VENDOR_IMAGE = Pattern.compile("(?i)(vios|iosv|csr1000v|c8000v|xrv|iosxr|nxos"
      + "|titanium|veos|ceos|vmx|vsrx|vqfx|junos|srlinux|sros|fortios|fortigate|pa-vm|panos|asav|ftdv|viosl2)");
  private static final double ORIGIN = 80;

  private final String file;
  private final Gns3Project project;
  private final Topology topology;
  private final ForeignNames names;
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<String> warnings;
  private final Map<String, Attach> nodes = new HashMap<>();
  private final Map<String, String> nodeNames = new HashMap<>();
  /** The guest each QEMU node became, by node id: a link's adapter number names the NIC. */
  private final Map<String, String> guestIds = new HashMap<>();
  private final LabBuilder lab;
  private final Gns3HostSide host;
  private double dx;
  private double dy;

  Gns3Mapping(String file, Gns3Project project, List<String> warnings) {
    this.file = file;
    this.project = project;
    this.warnings = warnings;
    this.topology = new Topology(project.name(), "Imported from the GNS3 project " + Printable.line(file)
        + (project.version().isEmpty() ? "" : " (GNS3 " + Printable.line(project.version()) + ")") + ".", null);
    this.names = new ForeignNames(topology);
    this.lab = new LabBuilder(topology, names, warnings);
    this.host = new Gns3HostSide(lab);
  }

  Imported build() {
    origin();
    for (Gns3Project.Node n : project.nodes()) {
      if (nodeNames.put(n.id(), n.name()) != null) {
        throw new ImportException(file + ": " + n.where() + ": node id " + Printable.quoted(n.id())
            + " is used by another node already; links could not tell them apart");
      }
      node(n);
    }
    new Gns3Wires(file, topology, names, host, skipped, warnings).wire(project.links(), this::attach, nodeNames);
    for (Gns3Project.Text text : project.texts()) {
      topology.putNote(new Note(names.id("note", "note"), text.text(), text.x() + dx, text.y() + dy));
    }
    // GNS3's own MACs leave out only a custom adapter's bad one; that NIC gets one as in every format.
    skipped.forEach(lab::skip);
    host.skipped().forEach(lab::skip);
    return lab.result();
  }

  /** The shift that puts the top-left node that becomes an element at (80, 80). */
  private void origin() {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    for (Gns3Project.Node n : project.nodes()) {
      if (n.x() != null && n.y() != null && kept(n)) {
        minX = Math.min(minX, n.x());
        minY = Math.min(minY, n.y());
      }
    }
    dx = minX == Double.MAX_VALUE ? 0 : ORIGIN - minX;
    dy = minY == Double.MAX_VALUE ? 0 : ORIGIN - minY;
  }

  private static boolean kept(Gns3Project.Node n) {
    return switch (n.type()) {
      case "qemu" -> !vendor(n);
      case "ethernet_hub", "ethernet_switch", "cloud", "nat" -> true;
      default -> false;
    };
  }

  private static boolean vendor(Gns3Project.Node n) {
    return VENDOR_IMAGE.matcher(n.properties().path("hda_disk_image").asText("")).find();
  }

  private Point at(Gns3Project.Node n) {
    return n.x() == null || n.y() == null ? null : new Point(n.x() + dx, n.y() + dy);
  }

  private void node(Gns3Project.Node n) {
    switch (n.type()) {
      case "qemu" -> {
        if (vendor(n)) {
          skip(n, "QEMU node with a vendor image " + Printable.quoted(n.properties().path("hda_disk_image").asText()),
              "a vendor router or switch image; Patchbay runs plain Linux guests, draw one in its place");
        } else {
          String id = names.id(n.name(), "guest");
          Guest g = new Gns3Guests(file, warnings, project.projectId()).guest(n, id, names.processName(n.name(), id));
          add(g, n);
          guestIds.put(n.id(), id);
        }
      }
      case "ethernet_hub", "ethernet_switch" -> switchNode(n);
      case "cloud" -> host.cloud(n, at(n));
      case "nat" -> host.nat(n, at(n));
      default -> skip(n, kind(n.type()), why(n.type()));
    }
  }

  private void switchNode(Gns3Project.Node n) {
    boolean hub = n.type().equals("ethernet_hub");
    String id = lab.vdeSwitch(n.name(), "vde", hub, at(n));
    nodes.put(n.id(), new Attach.Switch(id));
    if (!hub && hasVlans(n.properties())) {
      warnings.add(Printable.line(n.name()) + ": the switch's VLANs and trunks are not kept; Patchbay's VDE switch is one segment");
    }
  }

  /** Whether a switch port is a trunk or in a VLAN other than 1: a VDE switch is one segment. */
  private static boolean hasVlans(com.fasterxml.jackson.databind.JsonNode props) {
    com.fasterxml.jackson.databind.JsonNode ports = props.has("ports_mapping") ? props.get("ports_mapping") : props.path("ports");
    for (com.fasterxml.jackson.databind.JsonNode p : ports) {
      if (!p.path("type").asText("access").equals("access") || p.path("vlan").asInt(1) != 1) {
        return true;
      }
    }
    return false;
  }

  private void add(Element e, Gns3Project.Node n) {
    topology.add(e, at(n));
  }

  private void skip(Gns3Project.Node n, String kind, String why) {
    skipped.add(new Skipped(Printable.line(n.name()), kind, why));
    nodes.put(n.id(), new Attach.Lost("ends on a skipped node"));
  }

  /** What a link end on this node and port is attached to; null for a node the file does not have. */
  private Attach attach(Gns3Project.End end) {
    String guest = guestIds.get(end.nodeId());
    if (guest != null) {
      return new Attach.Nic(guest, "nic" + end.adapter());
    }
    Attach a = nodes.get(end.nodeId());
    return a != null ? a : host.port(end.nodeId(), end.port());
  }

  static String kind(String type) {
    return switch (type) {
      case "vpcs" -> "VPCS";
      case "dynamips" -> "Dynamips router";
      case "iou" -> "IOU/IOL device";
      case "docker" -> "Docker container";
      case "virtualbox" -> "VirtualBox VM";
      case "vmware" -> "VMware VM";
      case "frame_relay_switch" -> "Frame Relay switch";
      case "atm_switch" -> "ATM switch";
      case "traceng" -> "TraceNG";
      default -> "GNS3 node of type " + Printable.quoted(type);
    };
  }

  static String why(String type) {
    return switch (type) {
      case "vpcs", "traceng" -> "GNS3's built-in PC simulator, not a VM; draw a guest in its place (the probe guest pings)";
      case "dynamips", "iou" -> "a Cisco IOS image run by its own emulator; Patchbay runs QEMU guests only";
      case "docker" -> "a container; Patchbay runs QEMU guests only (a guest without a disk, the probe guest, can stand in)";
      case "virtualbox", "vmware" -> "runs in another hypervisor; convert its disk to qcow2 and draw a guest";
      case "frame_relay_switch", "atm_switch" -> "a serial WAN switch; Patchbay wires Ethernet only";
      default -> "not a kind of node Patchbay knows";
    };
  }
}
