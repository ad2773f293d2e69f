package dev.patchbay.model.importer.clab;

import dev.patchbay.model.importer.ForeignNames;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What carries a containerlab link's frames in Patchbay. A veth between two nodes is a wire with
 * exactly two ends, so it becomes a socket between the two QEMU processes (TCP on the loopback: no
 * privilege, nothing reachable from outside); the host end of a veth is the guest's tap, named as the
 * file names the host interface; a macvlan on a physical NIC puts the guest on the real LAN, which in
 * Patchbay is a tap and the uplink enslaved to one bridge.
 */
final class ClabWires {
  /** Loopback ports for veth sockets, counted up from here; unprivileged and outside Linux's ephemeral range. */
  static final int FIRST_PORT = 20001;

  private final Topology topology;
  private final ForeignNames names;
  private final List<String> warnings;
  private final Map<String, String> uplinkBridges = new HashMap<>();
  private int nextPort = FIRST_PORT;

  ClabWires(Topology topology, ForeignNames names, List<String> warnings) {
    this.topology = topology;
    this.names = names;
    this.warnings = warnings;
  }

  void socket(Endpoint listen, Endpoint connect) {
    int port = nextPort++;
    String id = names.id("veth" + port, "sock");
    topology.add(new Socket(id, id, Socket.Transport.SOCKET, "127.0.0.1", port, null), null);
    connect(listen, Endpoint.of(id, Socket.LISTEN));
    connect(connect, Endpoint.of(id, Socket.CONNECT));
  }

  /** The guest's tap, named as the host side of the veth; enslaved to the bridge when there is one. */
  void tap(Endpoint nic, String hostInterface, String bridgeId) {
    String tap = newTap(hostInterface);
    connect(nic, Endpoint.of(tap));
    if (bridgeId != null) {
      connect(Endpoint.of(tap), Endpoint.of(bridgeId));
    }
  }

  void macvlan(Endpoint nic, String hostInterface) {
    String bridge = uplinkBridges.computeIfAbsent(hostInterface, this::bridgedUplink);
    tap(nic, "mv-" + nic.element() + "-" + nic.port(), bridge);
  }

  private String bridgedUplink(String hostInterface) {
    String uplinkName = names.interfaceName(hostInterface, "eth");
    String uplink = names.id(uplinkName, "uplink");
    topology.add(new Uplink(uplink, uplinkName, null, null, null, List.of()), null);
    String bridgeName = names.interfaceName("br-" + uplinkName, "br");
    String bridge = names.id(bridgeName, "bridge");
    topology.add(new Bridge(bridge, bridgeName, null, false), null);
    String lan = names.id("lan", "lan");
    topology.add(new Lan(lan, "LAN", null, null, List.of()), null);
    connect(Endpoint.of(uplink), Endpoint.of(bridge));
    connect(Endpoint.of(uplink), Endpoint.of(lan));
    warnings.add("macvlan on " + Printable.quoted(hostInterface) + " became the uplink " + uplinkName
        + " enslaved to the bridge " + bridgeName + " with each guest's tap: the guests are on the real LAN as"
        + " with macvlan, but the host's address on " + uplinkName + " moves to " + bridgeName
        + " (as in the bridged-LAN sample)");
    return bridge;
  }

  private String newTap(String wanted) {
    String name = names.interfaceName(wanted, "tap");
    String id = names.id(name, "tap");
    topology.add(new Tap(id, name, null, null), null);
    return id;
  }

  private void connect(Endpoint a, Endpoint b) {
    topology.connect(new Link(topology.freshId("l"), a, b));
  }
}
