package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.text.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GNS3 1.x project files (revision 4 and older) in the 2.x shape, following GNS3 2.x's own
 * conversion: types renamed, hub and switch ports counted from 0 instead of 1, clouds' "nio_*"
 * port names split into type and interface, links resolved from port ids to adapter and port.
 */
final class Gns3Legacy {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("QemuVM", "qemu"), Map.entry("VPCSDevice", "vpcs"), Map.entry("DockerVM", "docker"),
      Map.entry("EthernetHub", "ethernet_hub"), Map.entry("EthernetSwitch", "ethernet_switch"),
      Map.entry("Cloud", "cloud"), Map.entry("Host", "cloud"), Map.entry("IOUDevice", "iou"),
      Map.entry("VirtualBoxVM", "virtualbox"), Map.entry("VMwareVM", "vmware"),
      Map.entry("ATMSwitch", "atm_switch"), Map.entry("FrameRelaySwitch", "frame_relay_switch"),
      Map.entry("EtherSwitchRouter", "dynamips"));

  private final String file;
  private final Gns3Reader reader;
  /** Each port by its 1.x id: the node it is on, and its adapter and port in 2.x numbering. */
  private final Map<String, Gns3Project.End> ports = new HashMap<>();

  Gns3Legacy(String file, Gns3Reader reader) {
    this.file = file;
    this.reader = reader;
  }

  Gns3Project read(JsonNode topology, String name, String projectId, int revision, String version) {
    List<Gns3Project.Node> nodes = new ArrayList<>();
    JsonNode array = reader.array(topology, "nodes", "topology");
    for (int i = 0; i < array.size(); i++) {
      nodes.add(node(reader.object(array.get(i), "topology.nodes[" + i + "]"), "topology.nodes[" + i + "]"));
    }
    List<Gns3Project.Link> links = new ArrayList<>();
    JsonNode linkArray = reader.array(topology, "links", "topology");
    for (int i = 0; i < linkArray.size(); i++) {
      String where = "topology.links[" + i + "]";
      JsonNode l = reader.object(linkArray.get(i), where);
      links.add(new Gns3Project.Link(port(l, "source_port_id", where), port(l, "destination_port_id", where), where));
    }
    return new Gns3Project(name, projectId, revision, version, nodes, links, Gns3Texts.notes(reader.array(topology, "notes", "topology")));
  }

  private Gns3Project.Node node(JsonNode n, String at) {
    JsonNode props = n.path("properties");
    String nodeName = n.path("label").path("text").isTextual() ? n.path("label").path("text").asText()
        : reader.text(props, "name", at + ".properties");
    String where = at + " (" + Printable.quoted(nodeName) + ")";
    String oldType = n.path("type").asText(props.path("platform").asText("")).trim();
    String type = TYPES.getOrDefault(oldType, oldType.toUpperCase(java.util.Locale.ROOT).matches("C\\d{4}")
        ? "dynamips" : oldType);
    String id = reader.text(n, "id", where);
    boolean numberedFromOne = type.equals("ethernet_hub") || type.equals("ethernet_switch");
    List<Gns3Project.CloudPort> cloud = new ArrayList<>();
    JsonNode portArray = reader.array(n, "ports", where);
    for (int i = 0; i < portArray.size(); i++) {
      String pw = where + ".ports[" + i + "]";
      JsonNode p = reader.object(portArray.get(i), pw);
      int number = reader.number(p, "port_number", pw, 0) - (numberedFromOne ? 1 : 0);
      ports.put(id + "/" + reader.text(p, "id", pw),
          new Gns3Project.End(id, reader.number(p, "adapter_number", pw, 0), number));
      if (type.equals("cloud")) {
        cloud.add(nio(p.path("name").asText(""), number));
      }
    }
    return new Gns3Project.Node(id, type, nodeName, whole(reader.coordinate(n, "x", where)),
        whole(reader.coordinate(n, "y", where)), props, null, cloud, where);
  }

  /** 1.x kept fractions; GNS3 2.x's converter cuts them off (Python's int()), and so does this. */
  private static Double whole(Double v) {
    return v == null ? null : (double) v.longValue();
  }

  /** "nio_gen_eth:eth0" is a host interface, "nio_tap:tap0" a tap, "nio_udp:..." a UDP tunnel. */
  private static Gns3Project.CloudPort nio(String name, int number) {
    int colon = name.indexOf(':');
    String kind = colon < 0 ? name : name.substring(0, colon);
    String iface = colon < 0 ? "" : name.substring(colon + 1);
    String type = switch (kind) {
      case "nio_gen_eth", "nio_gen_linux" -> "ethernet";
      case "nio_tap" -> "tap";
      case "nio_udp" -> "udp";
      case "nio_nat" -> "nat";
      default -> kind;
    };
    return new Gns3Project.CloudPort(number, type, iface, iface);
  }

  private Gns3Project.End port(JsonNode link, String field, String where) {
    String node = reader.text(link, field.replace("port", "node"), where);
    String port = reader.text(link, field, where);
    Gns3Project.End end = ports.get(node + "/" + port);
    if (end == null) {
      throw new ImportException(file + ": " + where + "." + field + ": no port " + Printable.quoted(port)
          + " on node " + Printable.quoted(node));
    }
    return end;
  }
}
