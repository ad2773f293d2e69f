package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A design as a GNS3 2.2 project file (revision 9), which GNS3 2.2 opens as it opens its own: guests
 * as QEMU nodes, hubs and VDE switches as GNS3 hubs and switches, bridges, taps and uplinks as
 * clouds, user nets as NAT nodes, socket links as plain links between their two ends. Node, link
 * and project ids are name-based UUIDs of the design's ids, so exporting a design twice gives the
 * same bytes. What GNS3 cannot hold (the host's NAT and routes, addresses, multicast sockets, the
 * LAN) is listed in a text on the scene, never dropped without a word. How each kind maps is in
 * model/IMPORT.md beside the import's table.
 */
public final class Gns3Export {
  static final String VERSION = "2.2.0";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Topology topology;
  private final Gns3ExportNodes nodes;
  private final ArrayNode links = JSON.arrayNode();
  private final ArrayNode drawings = JSON.arrayNode();

  private Gns3Export(Topology topology) {
    this.topology = topology;
    this.nodes = new Gns3ExportNodes(topology, this::uuid, centre(topology));
  }

  public static String render(Topology topology) {
    return new Gns3Export(topology).project();
  }

  private String project() {
    nodes.build();
    for (Link l : topology.links()) {
      link(l);
    }
    nodes.sockets().forEach((id, ends) -> {
      if (ends.size() == 2) {
        addLink("socket:" + id, ends.get(0), ends.get(1));
      }
    });
    for (Note n : topology.notes()) {
      text("note:" + n.id(), n.text(), nodes.scene(new Point(n.x(), n.y())));
    }
    List<String> lost = nodes.notExpressed();
    if (!lost.isEmpty()) {
      lost.add(0, "Not expressed in GNS3 (from the Patchbay design " + topology.name() + "):");
      text("patchbay-not-expressed", String.join("\n", lost), nodes.corner());
    }
    ObjectNode root = JSON.objectNode();
    root.put("auto_close", true).put("auto_open", false).put("auto_start", false)
        .put("drawing_grid_size", 25).put("grid_size", 75).put("name", topology.name())
        .put("project_id", uuid("project")).put("revision", Gns3Reader.NEWEST_REVISION)
        .put("scene_height", 1000).put("scene_width", 2000).put("show_grid", false)
        .put("show_interface_labels", false).put("show_layers", false).put("snap_to_grid", false).putNull("supplier");
    ObjectNode t = root.putObject("topology");
    t.putArray("computes");
    t.set("drawings", drawings);
    t.set("links", links);
    t.set("nodes", nodes.json());
    root.put("type", "topology").putNull("variables").put("version", VERSION).put("zoom", 100);
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }

  private void link(Link l) {
    Gns3ExportNodes.PortRef a = nodes.port(l.a(), l.b());
    Gns3ExportNodes.PortRef b = nodes.port(l.b(), l.a());
    if (a != null && b != null) {
      addLink(l.id(), a, b);
    }
  }

  private void addLink(String key, Gns3ExportNodes.PortRef a, Gns3ExportNodes.PortRef b) {
    ObjectNode link = links.addObject();
    link.putObject("filters");
    link.put("link_id", uuid("link:" + key));
    link.putObject("link_style");
    ArrayNode ends = link.putArray("nodes");
    for (Gns3ExportNodes.PortRef p : List.of(a, b)) {
      ends.addObject().put("adapter_number", p.adapter()).put("node_id", p.nodeId()).put("port_number", p.port());
    }
    link.put("suspend", false);
  }

  private void text(String key, String text, Point at) {
    String lines = text.lines().map(Gns3Export::xml).reduce((x, y) -> x + "\n" + y).orElse("");
    int width = text.lines().mapToInt(String::length).max().orElse(1) * 8 + 10;
    int height = (int) text.lines().count() * 16 + 8;
    drawings.addObject().put("drawing_id", uuid("drawing:" + key)).put("locked", false).put("rotation", 0)
        .put("svg", "<svg height=\"" + height + "\" width=\"" + width + "\"><text font-family=\"TypeWriter\""
            + " font-size=\"10.0\" fill=\"#000000\" fill-opacity=\"1.0\">" + lines + "</text></svg>")
        .put("x", (int) Math.round(at.x())).put("y", (int) Math.round(at.y())).put("z", 2);
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A UUID made from the design's name and the thing's key: the same design exports the same ids. */
  String uuid(String key) {
    return UUID.nameUUIDFromBytes(("patchbay:" + topology.name() + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The middle of the design's layout: GNS3's scene has its origin in the centre. */
  private static Point centre(Topology t) {
    Map<String, Point> at = new LinkedHashMap<>(t.layout());
    if (at.isEmpty()) {
      return new Point(0, 0);
    }
    double minX = at.values().stream().mapToDouble(Point::x).min().orElse(0);
    double maxX = at.values().stream().mapToDouble(Point::x).max().orElse(0);
    double minY = at.values().stream().mapToDouble(Point::y).min().orElse(0);
    double maxY = at.values().stream().mapToDouble(Point::y).max().orElse(0);
    return new Point(Math.round((minX + maxX) / 2), Math.round((minY + maxY) / 2));
  }
}
