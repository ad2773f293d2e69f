package dev.patchbay.model.importer.gns3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.plan.Samples;
import dev.patchbay.model.topology.Topology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GNS3 export holds to what GNS3 2.2 checks when it opens a project (its topology, node, link
 * and drawing schemas refuse unknown keys; ids are UUIDs; positions whole numbers) and every link
 * ends on a port its node has, used once.
 */
class Gns3ExportTest {
  private static final Set<String> TOP = Set.of("project_id", "type", "auto_start", "auto_close", "auto_open",
      "revision", "version", "name", "scene_height", "scene_width", "zoom", "show_layers", "snap_to_grid", "show_grid",
      "grid_size", "drawing_grid_size", "show_interface_labels", "supplier", "variables", "topology");
  private static final Set<String> NODE = Set.of("compute_id", "project_id", "node_id", "template_id", "node_type",
      "node_directory", "command_line", "name", "console", "console_host", "console_type", "console_auto_start",
      "properties", "status", "label", "symbol", "width", "height", "x", "y", "z", "locked", "port_name_format",
      "port_segment_size", "first_port_name", "custom_adapters", "ports");
  private static final Set<String> QEMU = Set.of("adapter_type", "adapters", "boot_priority", "cpus", "hda_disk_image",
      "hda_disk_interface", "linked_clone", "on_close", "options", "platform", "ram", "mac_address");
  private static final Set<String> LINK = Set.of("link_id", "project_id", "nodes", "suspend", "filters", "capturing",
      "capture_file_name", "capture_file_path", "capture_compute_id", "link_type", "link_style");
  private static final Set<String> DRAWING = Set.of("drawing_id", "project_id", "x", "y", "z", "locked", "rotation", "svg");
  private static final String UUID = "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}";

  static Stream<Named<Topology>> designs() {
    return Stream.concat(Samples.names().map(n -> Named.of(n, Samples.load(n))),
        Gns3Fixtures.PROJECTS.stream().map(n -> Named.of(n + " imported", Gns3Fixtures.topology(n))));
  }

  @ParameterizedTest
  @MethodSource("designs")
  void theProjectHoldsToGns3sSchemaAndEveryLinkEndsOnAFreePort(Topology t) throws Exception {
    JsonNode root = new ObjectMapper().readTree(Gns3Export.render(t));
    onlyKeys(root, TOP, "project");
    assertTrue(root.get("project_id").asText().matches(UUID));
    Map<String, JsonNode> nodes = new HashMap<>();
    for (JsonNode n : root.at("/topology/nodes")) {
      onlyKeys(n, NODE, "node");
      assertTrue(n.get("node_id").asText().matches(UUID));
      assertFalse(n.get("name").asText().isEmpty());
      assertTrue(n.get("x").isInt() && n.get("y").isInt(), n.toString());
      if (n.get("node_type").asText().equals("qemu")) {
        onlyKeys(n.get("properties"), QEMU, "qemu properties");
      }
      assertTrue(nodes.put(n.get("node_id").asText(), n) == null, "node ids are unique");
    }
    Set<String> used = new HashSet<>();
    for (JsonNode l : root.at("/topology/links")) {
      onlyKeys(l, LINK, "link");
      assertEquals(2, l.get("nodes").size());
      for (JsonNode end : l.get("nodes")) {
        JsonNode node = nodes.get(end.get("node_id").asText());
        assertTrue(node != null, "link end on a node: " + end);
        assertTrue(hasPort(node, end.get("adapter_number").asInt(), end.get("port_number").asInt()), end + " on " + node);
        assertTrue(used.add(end.toString()), "port used once: " + end);
      }
    }
    for (JsonNode d : root.at("/topology/drawings")) {
      onlyKeys(d, DRAWING, "drawing");
    }
  }

  private static boolean hasPort(JsonNode node, int adapter, int port) {
    if (node.get("node_type").asText().equals("qemu")) {
      return port == 0 && adapter < node.at("/properties/adapters").asInt();
    }
    for (JsonNode p : node.at("/properties/ports_mapping")) {
      if (adapter == 0 && p.get("port_number").asInt() == port) {
        return true;
      }
    }
    return false;
  }

  private static void onlyKeys(JsonNode object, Set<String> allowed, String what) {
    for (Iterator<String> i = object.fieldNames(); i.hasNext(); ) {
      String key = i.next();
      assertTrue(allowed.contains(key), what + " key '" + key + "' is not in GNS3 2.2's schema");
    }
  }
}
