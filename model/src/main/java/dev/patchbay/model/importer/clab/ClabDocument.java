package dev.patchbay.model.importer.clab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.text.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A containerlab topology file read into what the importer needs, every node with its settings
 * resolved the way containerlab resolves them (topology.defaults, then kinds.KIND, then
 * groups.GROUP, then the node itself), every link in one shape whether the file wrote the short form
 * ({@code endpoints: ["r1:eth1", "r2:eth1"]}) or the extended one ({@code type: veth}).
 * Places in messages are the YAML path: {@code lab.clab.yml: topology.links[2].endpoints[0]}.
 */
record ClabDocument(String name, Map<String, Node> nodes, List<Link> links) {

  /** A node as containerlab sees it after inheritance; labels keep graph-posX/graph-posY. */
  record Node(String name, String kind, String type, String image, String memory, Map<String, String> labels) {}

  /** One end of a link: a node's interface, or a pseudo node (host, mgmt-net, macvlan) and a host interface. */
  record End(String node, String iface, String mac, String place) {
    String text() {
      return node + ":" + iface;
    }
  }

  /** type veth (two ends) or host / mgmt-net / macvlan / vxlan / dummy (one end, maybe a host interface). */
  record Link(String type, List<End> ends, String hostInterface, String place) {}

  /** Names that mean the host, not a node, in the short form's {@code "host:veth0"}. */
  static final List<String> PSEUDO_NODES = List.of("host", "mgmt-net", "macvlan");

  static ClabDocument read(JsonNode root, String file) {
    Reader r = new Reader(file);
    if (!root.isObject()) {
      throw r.error("the top level", "a mapping with name and topology");
    }
    String name = r.text(root.get("name"), "name");
    JsonNode topology = root.get("topology");
    if (topology == null || !topology.isObject()) {
      throw r.error("topology", "a mapping with nodes and links (this is not a containerlab topology)");
    }
    Map<String, Node> nodes = nodes(r, topology);
    List<Link> links = new ArrayList<>();
    JsonNode list = topology.get("links");
    if (list != null && !list.isNull()) {
      r.requireList(list, "topology.links");
      for (int i = 0; i < list.size(); i++) {
        links.add(LinkReader.link(r, list.get(i), "topology.links[" + i + "]", nodes));
      }
    }
    return new ClabDocument(name, nodes, links);
  }

  private static Map<String, Node> nodes(Reader r, JsonNode topology) {
    JsonNode defaults = r.mapping(topology.get("defaults"), "topology.defaults");
    JsonNode kinds = r.mapping(topology.get("kinds"), "topology.kinds");
    JsonNode groups = r.mapping(topology.get("groups"), "topology.groups");
    JsonNode nodes = r.mapping(topology.get("nodes"), "topology.nodes");
    Map<String, Node> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String place = "topology.nodes." + e.getKey();
      if (e.getKey().isBlank()) {
        throw r.error(place, "a node name");
      }
      JsonNode node = e.getValue() == null || e.getValue().isNull() ? r.empty() : r.mapping(e.getValue(), place);
      String kind = first(r, "kind", place, node, groupOf(r, node, groups, place), defaults);
      if (kind == null) {
        throw r.error(place, "a kind (here or in topology.defaults)");
      }
      JsonNode ofKind = r.mapping(kinds.get(kind), "topology.kinds." + kind);
      JsonNode group = groupOf(r, node, groups, place);
      String image = first(r, "image", place, node, group, ofKind, defaults);
      String type = first(r, "type", place, node, group, ofKind, defaults);
      String memory = first(r, "memory", place, node, group, ofKind, defaults);
      Map<String, String> labels = new HashMap<>();
      for (JsonNode level : List.of(defaults, ofKind, group, node)) {
        labels.putAll(r.labels(level.get("labels"), place + ".labels"));
      }
      out.put(e.getKey(), new Node(e.getKey(), kind, type, image, memory, labels));
    }
    return out;
  }

  private static JsonNode groupOf(Reader r, JsonNode node, JsonNode groups, String place) {
    String group = r.text(node.get("group"), place + ".group");
    return group == null ? r.empty() : r.mapping(groups.get(group), "topology.groups." + group);
  }

  /** The first level (most specific first) that sets the field. */
  private static String first(Reader r, String field, String place, JsonNode... levels) {
    for (JsonNode level : levels) {
      String v = r.text(level.get(field), place + "." + field);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Reads scalars and mappings, naming the file and the YAML path when one is not what it must be. */
  static final class Reader {
    private final String file;

    Reader(String file) {
      this.file = file;
    }

    ImportException error(String place, String expected) {
      return new ImportException(file + ": " + place + ": expected " + expected);
    }

    ImportException error(String place, String found, String expected) {
      return new ImportException(file + ": " + place + ": " + found + "; expected " + expected);
    }

    /** A scalar as text, or null when absent; a mapping or list where a scalar belongs is an error. */
    String text(JsonNode n, String place) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isValueNode()) {
        throw error(place, "a " + (n.isArray() ? "list" : "mapping") + " where a value belongs", "a single value");
      }
      return n.asText();
    }

    JsonNode mapping(JsonNode n, String place) {
      if (n == null || n.isNull()) {
        return empty();
      }
      if (!n.isObject()) {
        throw error(place, describe(n), "a mapping (key: value lines)");
      }
      return n;
    }

    void requireList(JsonNode n, String place) {
      if (!n.isArray()) {
        throw error(place, describe(n), "a list (lines starting with '-')");
      }
    }

    Map<String, String> labels(JsonNode n, String place) {
      Map<String, String> out = new HashMap<>();
      JsonNode m = mapping(n, place);
      m.fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue(), place + "." + e.getKey())));
      return out;
    }

    JsonNode empty() {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    private static String describe(JsonNode n) {
      return n.isArray() ? "a list" : n.isObject() ? "a mapping" : "the value " + Printable.quoted(n.asText());
    }
  }
}
