package dev.patchbay.model.importer.clab;

import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Endpoint;
import java.util.HashSet;
import java.util.Set;

/**
 * What carries a containerlab link's frames in Patchbay. A veth between two nodes is a wire with
 * exactly two ends, so it becomes a socket between the two QEMU processes (TCP on the loopback: no
 * privilege, nothing reachable from outside); the host end of a veth is the guest's tap, named as the
 * file names the host interface; a macvlan on a physical NIC puts the guest on the real LAN, which in
 * Patchbay is a tap and the uplink enslaved to one bridge.
 */
final class ClabWires {
  /** Loopback ports for veth sockets, counted up from here (the builder's, as for every format). */
  static final int FIRST_PORT = LabBuilder.FIRST_SOCKET_PORT;

  private final LabBuilder lab;
  private final Set<String> bridged = new HashSet<>();

  ClabWires(LabBuilder lab) {
    this.lab = lab;
  }

  void socket(Endpoint listen, Endpoint connect) {
    lab.loopbackSocket(port -> "veth" + port, listen, connect);
  }

  /** The guest's tap, named as the host side of the veth; enslaved to the bridge when there is one. */
  void tap(Endpoint nic, String hostInterface, String bridgeId) {
    String tap = bridgeId == null ? lab.tap(hostInterface) : lab.tapOn(bridgeId, hostInterface);
    lab.link(nic, Endpoint.of(tap));
  }

  void macvlan(Endpoint nic, String hostInterface) {
    String bridge = lab.bridgedUplink(hostInterface);
    if (bridged.add(bridge)) {
      String bridgeName = lab.topology().element(bridge).orElseThrow().name();
      String uplinkName = lab.topology().element(lab.uplink(hostInterface)).orElseThrow().name();
      lab.warn("macvlan on " + Printable.quoted(hostInterface) + " became the uplink " + uplinkName
          + " enslaved to the bridge " + bridgeName + " with each guest's tap: the guests are on the real LAN as"
          + " with macvlan, but the host's address on " + uplinkName + " moves to " + bridgeName
          + " (as in the bridged-LAN sample)");
    }
    tap(nic, "mv-" + nic.element() + "-" + nic.port(), bridge);
  }
}
