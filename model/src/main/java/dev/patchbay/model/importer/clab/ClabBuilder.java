package dev.patchbay.model.importer.clab;

import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.ForeignNics;
import dev.patchbay.model.importer.ForeignPositions;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.importer.clab.ClabDocument.End;
import dev.patchbay.model.importer.clab.ClabDocument.Link;
import dev.patchbay.model.importer.clab.ClabDocument.Node;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes the topology from a read containerlab file: a guest per Linux container or plain VM, a
 * bridge per bridge node, and per link what carries frames the same way in QEMU (see model/IMPORT.md).
 * Links are decided first, so a guest gets a NIC only for an interface that ends up wired.
 */
final class ClabBuilder {
  private static final int MIB = 1024 * 1024;

  private final ClabDocument doc;
  private final String file;
  private final Topology topology;
  private final ForeignNames names;
  private final ClabWires wires;
  private final LabBuilder lab;
  private final List<String> warnings;
  /** Per guest node, its wired interfaces in natural order (eth2 before eth10) with their MACs. */
  private final Map<String, Map<String, String>> interfaces = new LinkedHashMap<>();
  private final Map<String, String> elementIds = new HashMap<>();

  ClabBuilder(ClabDocument doc, String file) {
    this.doc = doc;
    this.file = file;
    String name = doc.name() == null ? "containerlab lab" : Printable.line(doc.name());
    this.lab = new LabBuilder(new Topology(name, "Imported from the containerlab topology " + Printable.line(file) + ".",
        null));
    this.topology = lab.topology();
    this.names = lab.names();
    this.warnings = lab.warnings();
    this.wires = new ClabWires(lab);
  }

  /** The lab: what was wired, what was skipped, and every warning with the renames last. */
  Imported build() {
    doc.nodes().values().forEach(n -> {
      if (kind(n) == ClabKind.SKIPPED) {
        lab.skip(ClabKind.skipped(Printable.line(n.name()), Printable.line(n.kind()),
            n.type() == null ? null : Printable.line(n.type()), n.image() == null ? null : Printable.line(n.image())));
      }
    });
    List<Link> wired = doc.links().stream().filter(this::wirable).toList();
    wired.forEach(l -> l.ends().stream().filter(e -> isGuest(e.node())).forEach(this::claim));
    doc.nodes().values().forEach(this::addNode);
    wired.forEach(this::wire);
    if (!interfaces.isEmpty()) {
      warnings.add("containerlab gives every node a management interface eth0 on its Docker network (NAT to the"
          + " outside); Patchbay does not import it: link a guest to a user net for outside access");
    }
    return lab.result();
  }

  private ClabKind kind(Node n) {
    return ClabKind.of(n.kind());
  }

  private boolean isGuest(String node) {
    ClabKind k = kind(doc.nodes().get(node));
    return k == ClabKind.CONTAINER || k == ClabKind.VM;
  }

  /** Whether the link becomes wires; if not, it is recorded as skipped with the reason. */
  private boolean wirable(Link l) {
    Optional<String> why = whyNot(l);
    why.ifPresent(w -> lab.skip(new Skipped("link " + describe(l), "containerlab " + l.type() + " link", w)));
    return why.isEmpty();
  }

  private Optional<String> whyNot(Link l) {
    if (l.ends().stream().anyMatch(e -> kind(doc.nodes().get(e.node())) == ClabKind.SKIPPED)) {
      return Optional.of("it ends on a skipped node");
    }
    End a = l.ends().get(0);
    return switch (l.type()) {
      case "veth" -> {
        End b = l.ends().get(1);
        yield a.node().equals(b.node())
            ? Optional.of("a loop between two interfaces of one node; Patchbay wires a node to others only")
            : isGuest(a.node()) || isGuest(b.node()) ? Optional.empty()
            : Optional.of("a veth between two host-side ends; enslave both to one bridge instead");
      }
      case "host", "macvlan" -> {
        if (l.hostInterface() == null || l.hostInterface().isBlank()) {
          throw new ImportException(file + ": " + l.place() + ": expected host-interface for a " + l.type() + " link");
        }
        yield isGuest(a.node()) ? Optional.empty()
            : Optional.of("a host interface wired to a host-side node; enslave both to one bridge instead");
      }
      default -> Optional.of(unwired(l.type()));
    };
  }

  /** Why a link of a type that never becomes a wire is skipped, with what to use instead. */
  private static String unwired(String type) {
    return switch (type) {
      case "mgmt-net" -> "containerlab's management network is a Docker network; Patchbay does not import it"
          + " (link a user net for outside access)";
      case "vxlan", "vxlan-stitch" -> "a VXLAN tunnel to another host; join QEMU processes on two hosts with a"
          + " socket link (udp or mcast) instead";
      case "dummy" -> "a dummy interface with no peer; Patchbay NICs need a cable";
      default -> "a link type Patchbay does not know (containerlab has veth, host, mgmt-net, macvlan, vxlan,"
          + " vxlan-stitch, dummy)";
    };
  }

  private static String describe(Link l) {
    List<String> ends = new ArrayList<>(l.ends().stream().map(End::text).toList());
    if (l.hostInterface() != null) {
      ends.add((l.type().equals("veth") ? "host" : l.type()) + ":" + l.hostInterface());
    }
    return Printable.line(String.join(" - ", ends));
  }

  private void claim(End e) {
    Map<String, String> ifs = interfaces.computeIfAbsent(e.node(), k -> new TreeMap<>(ClabBuilder::natural));
    if (ifs.containsKey(e.iface())) {
      throw new ImportException(file + ": " + e.place() + ": " + Printable.quoted(e.text())
          + " is wired twice; an interface has one link");
    }
    ifs.put(e.iface(), e.mac());
  }

  private void addNode(Node n) {
    ClabKind k = kind(n);
    String place = "topology.nodes." + n.name();
    if (k == ClabKind.BRIDGE) {
      String id = names.id(n.name(), "bridge");
      topology.add(new Bridge(id, names.interfaceName(n.name(), "br"), null, false), position(n, place));
      elementIds.put(n.name(), id);
    } else if (k == ClabKind.CONTAINER || k == ClabKind.VM) {
      addGuest(n, k, place);
    }
  }

  private void addGuest(Node n, ClabKind k, String place) {
    String id = names.id(n.name(), "guest");
    List<Nic> nics = new ArrayList<>();
    List<String> mapping = new ArrayList<>();
    interfaces.getOrDefault(n.name(), Map.of()).forEach((iface, mac) -> {
      String nic = "nic" + nics.size();
      String own = ForeignNics.mac(mac, file + ": " + n.name() + ":" + iface, warnings, "it gets one of its own")
          .map(Mac::toString).orElse(null);
      nics.add(new Nic(nic, null, own, null));
      mapping.add(Printable.line(iface) + " -> " + nic);
    });
    int memory = n.memory() == null ? (k == ClabKind.VM ? 512 : 128) : memory(n.memory(), place + ".memory");
    topology.add(new Guest(id, names.processName(n.name(), id), "x86_64", "pc", memory, null, nics), position(n, place));
    elementIds.put(n.name(), id);
    String image = n.image() == null ? "none" : Printable.quoted(n.image());
    warnings.add(n.name() + ": " + (k == ClabKind.CONTAINER
        ? "a Linux container (image " + image + "); Patchbay's probe guest stands in for it (no disk)"
        : "a VM whose disk is inside the container image " + image + "; no disk set (relink the qcow2 from it)")
        + (mapping.isEmpty() ? "" : "; interfaces " + String.join(", ", mapping)));
  }

  private void wire(Link l) {
    End a = l.ends().get(0);
    switch (l.type()) {
      case "veth" -> {
        End b = l.ends().get(1);
        if (isGuest(a.node()) && isGuest(b.node())) {
          wires.socket(nic(a), nic(b));
        } else {
          End guest = isGuest(a.node()) ? a : b;
          End other = guest == a ? b : a;
          ClabKind k = kind(doc.nodes().get(other.node()));
          wires.tap(nic(guest), other.iface(), k == ClabKind.BRIDGE ? elementIds.get(other.node()) : null);
        }
      }
      case "host" -> wires.tap(nic(a), l.hostInterface(), null);
      case "macvlan" -> wires.macvlan(nic(a), l.hostInterface());
      default -> throw new IllegalStateException("not wirable: " + l.type());
    }
  }

  private Endpoint nic(End e) {
    List<String> ifs = new ArrayList<>(interfaces.get(e.node()).keySet());
    return Endpoint.of(elementIds.get(e.node()), "nic" + ifs.indexOf(e.iface()));
  }

  private Point position(Node n, String place) {
    String x = n.labels().get("graph-posX");
    String y = n.labels().get("graph-posY");
    if (x == null || y == null) {
      return null;
    }
    Optional<Point> at = ForeignPositions.point(x, y);
    if (at.isPresent()) {
      return at.get();
    }
    warnings.add(file + ": " + place + ".labels: graph-posX/graph-posY " + Printable.quoted(x) + ", "
        + Printable.quoted(y) + " is not a position on the canvas; the node is laid out automatically");
    return null;
  }

  /** Docker's memory sizes: 512m, 512MB, 1Gb, 1GiB, a plain number of bytes. */
  private int memory(String text, String place) {
    var m = java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,13})\\s*([kmgt]?)(i?b)?\\s*").matcher(text);
    if (!m.matches()) {
      throw new ImportException(file + ": " + place + ": " + Printable.quoted(text)
          + " is not a memory size; expected a size such as 512MB or 1Gb");
    }
    long bytes = Long.parseLong(m.group(1)) << switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    long mib = bytes / MIB;
    if (mib < 1 || mib > 1024 * 1024) {
      throw new ImportException(file + ": " + place + ": " + Printable.quoted(text)
          + " is not a memory size a guest can have (1 MiB to 1 TiB)");
    }
    return (int) mib;
  }

  /** eth2 before eth10: digit runs compare as numbers. */
  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        int ej = j;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }
}
