package dev.patchbay.model.importer.gns3;

/**
 * What a GNS3 port turned into, for wiring its links: a guest's NIC, a switch, a tap, a host
 * interface that needs a tap of its own per link (a bridge, an uplink), or nothing (a skipped node).
 */
sealed interface Attach {
  /** Adapter N of a QEMU node: NIC nicN of the guest. */
  record Nic(String guest, String nic) implements Attach {}

  /** A hub or switch node: a VDE switch, any number of links. */
  record Switch(String id) implements Attach {}

  /** A cloud's TAP port: the tap itself, linked straight to the peer. */
  record Tap(String id) implements Attach {}

  /**
   * A cloud's or NAT node's host interface: each link gets its own tap enslaved to the bridge.
   *
   * @param tapName the name the port gives its tap (a Patchbay export names it), or null
   */
  record Bridge(String id, String tapName) implements Attach {}

  /** A host interface to the real LAN, by kernel name: links reach it through a bridge made for it and a tap. */
  record Uplink(String iface) implements Attach {}

  /** A port Patchbay cannot carry: the node was skipped, or the cloud port is a UDP tunnel. */
  record Lost(String why) implements Attach {}
}
