package dev.patchbay.model.importer.clab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.importer.clab.ClabDocument.End;
import dev.patchbay.model.importer.clab.ClabDocument.Link;
import dev.patchbay.model.importer.clab.ClabDocument.Node;
import dev.patchbay.model.importer.clab.ClabDocument.Reader;
import dev.patchbay.model.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * containerlab's two ways of writing a link, read into one shape. The short form names both ends
 * as {@code node:interface}, where the node may be {@code host}, {@code mgmt-net} or
 * {@code macvlan} (then the interface is the host's); the extended form has a {@code type} and
 * endpoint mappings ({@code node}, {@code interface}, {@code mac}) and a {@code host-interface}.
 */
final class LinkReader {
  private LinkReader() {}

  static Link link(Reader r, JsonNode raw, String place, Map<String, Node> nodes) {
    JsonNode link = r.mapping(raw, place);
    String type = r.text(link.get("type"), place + ".type");
    return type == null ? shortForm(r, link, place, nodes) : extended(r, link, type, place, nodes);
  }

  private static Link shortForm(Reader r, JsonNode link, String place, Map<String, Node> nodes) {
    JsonNode list = link.get("endpoints");
    if (list == null) {
      throw r.error(place, "endpoints (a list of two \"node:interface\") or a type");
    }
    r.requireList(list, place + ".endpoints");
    if (list.size() != 2) {
      throw r.error(place + ".endpoints", list.size() + " endpoints", "two");
    }
    List<End> ends = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String at = place + ".endpoints[" + i + "]";
      String text = r.text(list.get(i), at);
      int colon = text == null ? -1 : text.indexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw r.error(at, "the endpoint " + Printable.quoted(text), "node:interface, such as r1:eth1");
      }
      ends.add(new End(text.substring(0, colon), text.substring(colon + 1), null, at));
    }
    for (End e : ends) {
      if (!nodes.containsKey(e.node()) && ClabDocument.PSEUDO_NODES.contains(e.node())) {
        End other = ends.get(ends.indexOf(e) == 0 ? 1 : 0);
        requireNode(r, other, nodes);
        return new Link(e.node().equals("host") ? "host" : e.node(), List.of(other), e.iface(), place);
      }
    }
    ends.forEach(e -> requireNode(r, e, nodes));
    return new Link("veth", ends, null, place);
  }

  private static Link extended(Reader r, JsonNode link, String type, String place, Map<String, Node> nodes) {
    List<End> ends = new ArrayList<>();
    if (type.equals("veth")) {
      JsonNode list = link.get("endpoints");
      if (list == null || !list.isArray() || list.size() != 2) {
        throw r.error(place + ".endpoints", "two endpoints, each with node and interface");
      }
      ends.add(endpoint(r, list.get(0), place + ".endpoints[0]", nodes));
      ends.add(endpoint(r, list.get(1), place + ".endpoints[1]", nodes));
    } else {
      JsonNode one = link.get("endpoint");
      if (one == null) {
        throw r.error(place, "an endpoint (node, interface) for a link of type " + Printable.quoted(type));
      }
      ends.add(endpoint(r, one, place + ".endpoint", nodes));
    }
    return new Link(type, ends, r.text(link.get("host-interface"), place + ".host-interface"), place);
  }

  private static End endpoint(Reader r, JsonNode raw, String at, Map<String, Node> nodes) {
    JsonNode e = r.mapping(raw, at);
    String node = r.text(e.get("node"), at + ".node");
    String iface = r.text(e.get("interface"), at + ".interface");
    if (node == null || iface == null || node.isBlank() || iface.isBlank()) {
      throw r.error(at, "node and interface");
    }
    End end = new End(node, iface, r.text(e.get("mac"), at + ".mac"), at);
    requireNode(r, end, nodes);
    return end;
  }

  private static void requireNode(Reader r, End e, Map<String, Node> nodes) {
    if (!nodes.containsKey(e.node())) {
      throw r.error(e.place(), "the node " + Printable.quoted(e.node()) + ", which topology.nodes does not define",
          "a node of topology.nodes");
    }
  }
}
