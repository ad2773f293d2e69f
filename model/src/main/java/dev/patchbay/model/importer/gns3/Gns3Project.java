package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A GNS3 project in one shape whatever revision wrote it: GNS3 1.x files (revision 4 and older:
 * {@code "type": "QemuVM"}, ports with ids, links between port ids, 1-based hub and switch ports)
 * and 2.x files (revision 5 to 9: {@code node_type}, links naming node, adapter and port) both read
 * into these records by {@link Gns3Reader}.
 *
 * @param projectId the file's "project_id" ("" when it has none): GNS3 derives default MACs from it
 * @param revision the file's "revision" (0 when it has none)
 */
record Gns3Project(String name, String projectId, int revision, String version, List<Node> nodes, List<Link> links, List<Text> texts) {

  /**
   * One node.
   *
   * @param type GNS3 2.x's node_type ("qemu", "ethernet_switch", "cloud", ...), 1.x types translated
   * @param x the scene position (GNS3's origin is the scene's centre), null when the file has none
   * @param properties the node's properties object (never null)
   * @param customAdapters GNS3 2.2's per-adapter settings (an empty array when none)
   * @param cloudPorts a cloud's or NAT node's ports ({@code ports_mapping}; 1.x nio names translated)
   * @param where the node in the file's words, for messages: "topology.nodes[3] ('PC1')"
   */
  record Node(String id, String type, String name, Double x, Double y, JsonNode properties,
      JsonNode customAdapters, List<CloudPort> cloudPorts, String where) {
    Node {
      properties = properties == null || !properties.isObject() ? JsonNodeFactory.instance.objectNode() : properties;
      customAdapters = customAdapters == null || !customAdapters.isArray()
          ? JsonNodeFactory.instance.arrayNode() : customAdapters;
      cloudPorts = List.copyOf(cloudPorts);
    }
  }

  /** A port of a cloud or NAT node: "ethernet" (a host interface), "tap", "udp", ... */
  record CloudPort(int number, String type, String name, String iface) {}

  /** One end of a link: the node, and its adapter (a VM's NIC) and port number. */
  record End(String nodeId, int adapter, int port) {}

  /** A link between two ends; {@code where} names it in the file for messages. */
  record Link(End a, End b, String where) {}

  /** A text on the scene (a 2.x drawing's text, a 1.x note), at its scene position. */
  record Text(String text, double x, double y) {}
}
