package dev.patchbay.model.importer.xml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading Jackson's tree of an XML element without caring whether a child appeared once (an
 * object), several times (an array) or with text only (a string).
 */
public final class XmlNodes {
  private XmlNodes() {}

  /** Every child element of that name, in file order. */
  public static List<JsonNode> all(JsonNode parent, String name) {
    JsonNode n = parent == null ? null : parent.get(name);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      return List.of(n);
    }
    List<JsonNode> out = new ArrayList<>();
    n.forEach(out::add);
    return out;
  }

  /**
   * Every child element of that name that has attributes or children, in file order: an empty
   * {@code <x/>} or {@code <x> </x>} is none. For formats whose elements mean nothing without
   * their attributes (EVE-NG's nodes, interfaces, networks).
   */
  public static List<JsonNode> elements(JsonNode parent, String name) {
    return all(parent, name).stream().filter(n -> !(n.isTextual() && n.asText().isBlank())).toList();
  }

  /** An element found below another, with the name it has there. */
  public record Named(String name, JsonNode node) {}

  /** Every element below root (at any depth) whose name is one of names, parents before their children. */
  public static List<Named> descendants(JsonNode root, java.util.Set<String> names) {
    List<Named> out = new ArrayList<>();
    collect(root, names, out);
    return out;
  }

  private static void collect(JsonNode n, java.util.Set<String> names, List<Named> out) {
    if (n == null || !n.isObject()) {
      return;
    }
    n.fields().forEachRemaining(f -> {
      for (JsonNode child : f.getValue().isArray() ? all(n, f.getKey()) : List.of(f.getValue())) {
        if (names.contains(f.getKey()) && child.isObject()) {
          out.add(new Named(f.getKey(), child));
        }
        collect(child, names, out);
      }
    });
  }

  /** The first child element of that name. */
  public static Optional<JsonNode> one(JsonNode parent, String name) {
    List<JsonNode> all = all(parent, name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  public static boolean has(JsonNode parent, String name) {
    return parent != null && parent.has(name);
  }

  /** An attribute (or a child element's text) of that name, trimmed; empty when absent or blank. */
  public static Optional<String> value(JsonNode parent, String name) {
    return one(parent, name).map(XmlNodes::text).filter(s -> !s.isEmpty());
  }

  /** An element's own text, trimmed: a plain string, or the text beside its attributes. */
  public static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return "";
    }
    if (n.isValueNode()) {
      return n.asText().strip();
    }
    JsonNode t = n.get("");
    return t != null && t.isValueNode() ? t.asText().strip() : "";
  }
}
