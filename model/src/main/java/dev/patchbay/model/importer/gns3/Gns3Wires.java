package dev.patchbay.model.importer.gns3;

import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * GNS3's links as Patchbay links. A GNS3 link is a UDP tunnel between any two ports; Patchbay's
 * wires follow QEMU's and Linux's rules, so some links become a little more: two VMs wired straight
 * get a socket link between their QEMU processes, a VM wired to a bridge or uplink a tap of its own.
 */
final class Gns3Wires {
  private final String file;
  private final Topology topology;
  private final ForeignNames names;
  private final Gns3HostSide host;
  private final List<Skipped> skipped;
  private final List<String> warnings;
  private final Set<String> usedPorts = new HashSet<>();
  /** The bridge each switch joined through its tap, for switches GNS3 wires together. */
  private final Map<String, String> switchBridge = new HashMap<>();
  private int sockets;

  Gns3Wires(String file, Topology topology, ForeignNames names, Gns3HostSide host, List<Skipped> skipped,
      List<String> warnings) {
    this.file = file;
    this.topology = topology;
    this.names = names;
    this.host = host;
    this.skipped = skipped;
    this.warnings = warnings;
  }

  void wire(List<Gns3Project.Link> links, Function<Gns3Project.End, Attach> attach, Map<String, String> nodeNames) {
    for (Gns3Project.Link l : links) {
      String what = label(l.a(), nodeNames) + " - " + label(l.b(), nodeNames);
      Attach a = resolve(l, l.a(), attach, "nodes[0]");
      Attach b = resolve(l, l.b(), attach, "nodes[1]");
      if (a instanceof Attach.Lost lost) {
        skipped.add(new Skipped(what, "link", lost.why()));
      } else if (b instanceof Attach.Lost lost) {
        skipped.add(new Skipped(what, "link", lost.why()));
      } else {
        link(a, b, what);
      }
    }
  }

  private Attach resolve(Gns3Project.Link l, Gns3Project.End end, Function<Gns3Project.End, Attach> attach,
      String at) {
    Attach a = attach.apply(end);
    String where = file + ": " + l.where() + "." + at;
    if (a == null) {
      throw new ImportException(where + ": node " + Printable.quoted(end.nodeId()) + " port " + end.port()
          + " is no node's port in the file");
    }
    if (!usedPorts.add(end.nodeId() + "/" + end.adapter() + "/" + end.port())) {
      throw new ImportException(where + ": adapter " + end.adapter() + " port " + end.port() + " of node "
          + Printable.quoted(end.nodeId()) + " is wired twice; a GNS3 port takes one link");
    }
    if (a instanceof Attach.Nic nic) {
      Guest g = (Guest) topology.element(nic.guest()).orElseThrow();
      if (g.nic(nic.nic()).isEmpty()) {
        throw new ImportException(where + ": adapter " + end.adapter() + " of " + Printable.quoted(g.name())
            + " does not exist; it has " + g.nics().size() + " adapter(s)");
      }
    }
    return a;
  }

  private void link(Attach a, Attach b, String what) {
    boolean hostA = isHost(a);
    boolean hostB = isHost(b);
    if (hostA && hostB) {
      skipped.add(new Skipped(what, "link", "two host interfaces wired straight; on the host, enslave both to one bridge"));
    } else if (hostA || hostB) {
      Attach vm = hostA ? b : a;
      if (vm instanceof Attach.Switch s && holdsTap(s.id())) {
        skipped.add(new Skipped(what, "link", "the switch holds a tap already, and a VDE switch takes one"));
        return;
      }
      host.connect(endpoint(vm), Endpoint.of(host.tapFor(hostA ? a : b)));
    } else if (a instanceof Attach.Nic x && b instanceof Attach.Nic y) {
      socket(x, y, what);
    } else if (a instanceof Attach.Switch x && b instanceof Attach.Switch y) {
      switches(x.id(), y.id(), what);
    } else {
      host.connect(endpoint(a), endpoint(b));
    }
  }

  /**
   * Two switches wired together. A VDE switch cannot be plugged into another, but each may hold one
   * tap: switches GNS3 chains share a bridge, each through its own tap (vde_switch -tap), so they
   * are one segment as in GNS3.
   */
  private void switches(String x, String y, String what) {
    String bx = switchBridge.get(x);
    String by = switchBridge.get(y);
    String why = bx != null && bx.equals(by) ? "a second path between switches joined already (a loop)"
        : bx != null && by != null ? "both switches are on other bridges already; join those bridges by hand"
        : heldTap(x, bx) || heldTap(y, by) ? "a switch holds a tap already, and a VDE switch takes one"
        : null;
    if (why != null) {
      skipped.add(new Skipped(what, "link", why));
      return;
    }
    String bridge = bx != null ? bx : by != null ? by : host.newBridge();
    for (String sw : List.of(x, y)) {
      if (switchBridge.putIfAbsent(sw, bridge) == null) {
        host.connect(Endpoint.of(sw), Endpoint.of(host.newTap(bridge, null)));
      }
    }
    warnings.add(Printable.line(what) + ": two switches wired together; Patchbay joins VDE switches through a tap"
        + " each on bridge " + topology.element(bridge).orElseThrow().name());
  }

  /** Whether the switch holds a tap that is not its tap on the given bridge. */
  private boolean heldTap(String sw, String bridge) {
    return bridge == null && holdsTap(sw);
  }

  private boolean holdsTap(String sw) {
    return topology.linksOf(sw).stream()
        .anyMatch(l -> topology.element(l.other(sw).element()).orElseThrow().kind() == ElementKind.TAP);
  }

  /** Two VMs wired straight: a TCP socket link between their QEMU processes. */
  private void socket(Attach.Nic listen, Attach.Nic connect, String what) {
    int n = sockets++;
    Socket s = host.lab().loopbackSocket(port -> "sock" + n, endpoint(listen), endpoint(connect));
    warnings.add(Printable.line(what) + ": two VMs wired straight; Patchbay joins their QEMU processes with socket link "
        + s.id() + " on 127.0.0.1:" + s.port());
  }

  private static boolean isHost(Attach a) {
    return a instanceof Attach.Tap || a instanceof Attach.Bridge || a instanceof Attach.Uplink;
  }

  private static Endpoint endpoint(Attach a) {
    if (a instanceof Attach.Nic n) {
      return Endpoint.of(n.guest(), n.nic());
    }
    return Endpoint.of(((Attach.Switch) a).id());
  }

  /** "PC1:0/0": the node's name, adapter and port, as GNS3 numbers them. */
  private static String label(Gns3Project.End end, Map<String, String> nodeNames) {
    return Printable.line(nodeNames.getOrDefault(end.nodeId(), end.nodeId())) + ":" + end.adapter() + "/" + end.port();
  }
}
