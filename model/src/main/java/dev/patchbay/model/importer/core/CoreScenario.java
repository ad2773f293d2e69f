package dev.patchbay.model.importer.core;

import dev.patchbay.model.topology.Point;
import java.util.List;

/**
 * What either of CORE's XML dialects says, in one shape: nodes (devices, switches, hubs, RJ45
 * host interfaces, and what cannot be drawn) and the wires between them with each device end's
 * interface. The two dialect readers make this; {@link CoreBuilder} draws it.
 */
record CoreScenario(String name, List<Node> nodes, List<Wire> wires) {
  enum Kind { DEVICE, SWITCH, HUB, RJ45, SKIPPED }

  /**
   * @param key the file's id, unique in the scenario
   * @param type CORE's word for it (router, PC, SWITCH, WIRELESS_LAN, ...)
   * @param position where CORE drew it, or null
   * @param why for SKIPPED, why it cannot be drawn
   */
  record Node(String key, String name, Kind kind, String type, Point position, String why) {}

  /** A device's interface: CORE's id and name, MAC, and IPv4 as address/prefix (all but id optional). */
  record Iface(String id, String name, String mac, String ip4) {
    String label() {
      return name != null ? name : id != null ? "if" + id : "(no interface)";
    }
  }

  /** A wire; an end's iface is null on a switch, hub or RJ45 (they have no NICs of their own). */
  record Wire(String node1, Iface iface1, String node2, Iface iface2, String where) {}
}
