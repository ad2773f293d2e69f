package dev.patchbay.model.importer.core;

import dev.patchbay.model.importer.ForeignNics;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.importer.core.CoreScenario.Iface;
import dev.patchbay.model.importer.core.CoreScenario.Kind;
import dev.patchbay.model.importer.core.CoreScenario.Node;
import dev.patchbay.model.importer.core.CoreScenario.Wire;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws a CORE scenario. A device (a network namespace in CORE) is a guest without a disk, so the
 * probe guest stands in; a switch is a VDE switch, a hub one in hub mode; an RJ45 (a host NIC the
 * lab uses) an uplink on a bridge of its own. A wire between two devices is CORE's point-to-point
 * network, a two-port bridge: here a two-port VDE switch. Switches, hubs and RJ45s wired to each
 * other are one segment: each switch's own tap and each RJ45's uplink join one bridge.
 */
final class CoreBuilder {
  /** The probe guest needs 96 MiB at least. */
  private static final int MEMORY_MIB = 128;

  private final LabBuilder lab;
  private final String file;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, String> ids = new HashMap<>();
  private final Map<String, List<Nic>> nics = new HashMap<>();
  /** How many of a device's wires are drawn so far: its n-th wire has NIC n-1, given in the same order. */
  private final Map<String, Integer> drawnPerDevice = new HashMap<>();
  private final Segments segments;

  CoreBuilder(LabBuilder lab, String file) {
    this.lab = lab;
    this.file = file;
    this.segments = new Segments(lab);
  }

  void build(CoreScenario s) {
    for (Node n : s.nodes()) {
      if (nodes.putIfAbsent(n.key(), n) != null) {
        throw new ImportException(file + ": node id " + Printable.quoted(n.key()) + " is used twice in the scenario");
      }
    }
    List<Wire> drawn = new ArrayList<>();
    for (Wire w : s.wires()) {
      Node a = node(w.node1(), w);
      Node b = node(w.node2(), w);
      if (a.kind() == Kind.SKIPPED || b.kind() == Kind.SKIPPED) {
        Node off = a.kind() == Kind.SKIPPED ? a : b;
        lab.skip(new Skipped("link " + end(a, w.iface1()) + " - " + end(b, w.iface2()), "CORE link",
            "ends on " + off.name() + ", which is skipped"));
      } else if (a.kind() == Kind.DEVICE || b.kind() == Kind.DEVICE) {
        drawn.add(w);
        nic(a, w.iface1(), w.where());
        nic(b, w.iface2(), w.where());
      } else {
        segments.union(a.key(), b.key());
      }
    }
    nodes.values().forEach(this::element);
    drawn.forEach(this::draw);
    segments.draw();
  }

  private Node node(String key, Wire w) {
    Node n = nodes.get(key);
    if (n == null) {
      throw new ImportException(w.where() + ": names node " + Printable.quoted(key) + ", which the scenario does not"
          + " define");
    }
    return n;
  }

  private static String end(Node n, Iface i) {
    return n.name() + (i == null ? "" : ":" + i.label());
  }

  /** Gives a device the next NIC for this interface; its MAC and IPv4 address kept where valid. */
  private void nic(Node n, Iface i, String where) {
    if (n.kind() != Kind.DEVICE) {
      return;
    }
    Iface iface = i == null ? new Iface(null, null, null, null) : i;
    List<Nic> list = nics.computeIfAbsent(n.key(), k -> new ArrayList<>());
    String name = "nic" + list.size();
    String at = where + ", " + n.name() + ":" + iface.label();
    list.add(new Nic(name, NicModel.E1000, ForeignNics.mac(iface.mac(), at, lab.warnings()).orElse(null), ip(iface.ip4(), at)));
  }

  private IpConfig ip(String cidr, String at) {
    if (cidr == null) {
      return null;
    }
    Optional<Cidr> c = Cidr.parse(cidr).filter(x -> !x.isNetworkOrBroadcast());
    if (c.isEmpty()) {
      lab.warn(at + ": IPv4 " + Printable.quoted(cidr) + " is not a host address with a prefix; left out");
      return null;
    }
    return IpConfig.fixed(c.get().toString(), null);
  }

  private void element(Node n) {
    switch (n.kind()) {
      case DEVICE -> ids.put(n.key(), lab.add(new Guest(lab.names().id(n.name(), "guest"),
          lab.names().processName(n.name(), "guest"), "x86_64", "pc", MEMORY_MIB, null,
          nics.getOrDefault(n.key(), List.of())), n.position()));
      case SWITCH, HUB -> {
        ids.put(n.key(), lab.vdeSwitch(n.name(), "vde", n.kind() == Kind.HUB, n.position()));
        segments.add(n, ids.get(n.key()));
      }
      case RJ45 -> {
        String id = lab.uplink(n.name());
        if (n.position() != null) {
          lab.topology().move(id, n.position());
        }
        ids.put(n.key(), id);
        segments.add(n, id);
      }
      case SKIPPED -> lab.skip(new Skipped(n.name(), "CORE " + n.type(), n.why()));
    }
  }

  private Endpoint endpoint(Node n) {
    if (n.kind() != Kind.DEVICE) {
      return Endpoint.of(ids.get(n.key()));
    }
    int k = drawnPerDevice.merge(n.key(), 1, Integer::sum);
    return Endpoint.of(ids.get(n.key()), "nic" + (k - 1));
  }

  /** A wire with a device on at least one end. */
  private void draw(Wire w) {
    Node a = nodes.get(w.node1());
    Node b = nodes.get(w.node2());
    Endpoint ea = endpoint(a);
    Endpoint eb = endpoint(b);
    if (a.kind() == Kind.DEVICE && b.kind() == Kind.DEVICE) {
      String vde = lab.names().id("ptp-" + a.name() + "-" + b.name(), "ptp");
      lab.add(new VdeSwitch(vde, vde, null, false));
      lab.link(ea, Endpoint.of(vde));
      lab.link(eb, Endpoint.of(vde));
      return;
    }
    boolean deviceA = a.kind() == Kind.DEVICE;
    Node other = deviceA ? b : a;
    Endpoint nic = deviceA ? ea : eb;
    if (other.kind() == Kind.RJ45) {
      lab.link(nic, Endpoint.of(lab.tapOn(segments.bridgeOf(other.key()), null)));
    } else {
      lab.link(nic, deviceA ? eb : ea);
    }
  }
}
