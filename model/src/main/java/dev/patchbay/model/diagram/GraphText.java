package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the graph exports (Mermaid, DOT) share with the text diagram: the same labels, the host as
 * a group holding its interfaces, bridges as groups holding their taps, and the links that are
 * drawn as lines (a tap's membership of its bridge is shown by nesting instead).
 */
final class GraphText {
  private GraphText() {}

  static List<String> label(Element e) {
    return BoxFactory.text(e);
  }

  static List<String> hostLabel(Topology t) {
    List<String> out = new ArrayList<>(List.of("HOST"));
    out.addAll(BoxFactory.hostText(t));
    return out;
  }

  /** The bridge each tap or uplink is enslaved to, by element id. */
  static Map<String, String> bridgeOf(Topology t) {
    Map<String, String> out = new HashMap<>();
    for (Link l : t.links()) {
      Element a = t.element(l.a().element()).orElse(null);
      Element b = t.element(l.b().element()).orElse(null);
      if (a instanceof Bridge && isMember(b)) {
        out.putIfAbsent(b.id(), a.id());
      } else if (b instanceof Bridge && isMember(a)) {
        out.putIfAbsent(a.id(), b.id());
      }
    }
    return out;
  }

  private static boolean isMember(Element e) {
    return e != null && (e.kind() == ElementKind.TAP || e.kind() == ElementKind.UPLINK);
  }

  /** Links drawn as edges: all but memberships, and only between elements that exist. */
  static List<Link> edges(Topology t) {
    Map<String, String> bridgeOf = bridgeOf(t);
    List<Link> out = new ArrayList<>();
    for (Link l : t.links()) {
      String a = l.a().element();
      String b = l.b().element();
      boolean nested = b.equals(bridgeOf.get(a)) || a.equals(bridgeOf.get(b));
      if (!nested && t.contains(a) && t.contains(b)) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * Identifiers safe in both Mermaid and DOT: letters, digits and '_', prefixed so that none is a
   * keyword ("end", "graph"), made unique when two element ids clean up to the same text.
   */
  static Map<String, String> ids(Topology t) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Integer> used = new HashMap<>();
    for (Element e : t.elements()) {
      String base = "n_" + e.id().replaceAll("[^A-Za-z0-9_]", "_");
      int n = used.merge(base, 1, Integer::sum);
      out.put(e.id(), n == 1 ? base : base + "_" + n);
    }
    return out;
  }
}
