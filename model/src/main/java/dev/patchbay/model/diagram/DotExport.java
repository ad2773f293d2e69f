package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Map;

/**
 * A Graphviz DOT graph: the host as a cluster holding its interfaces, bridges as clusters holding
 * their taps, NIC and socket-side names as edge-end labels. Render with {@code dot -Tsvg}.
 */
public final class DotExport {
  private DotExport() {}

  public static String render(Topology t) {
    Map<String, String> ids = GraphText.ids(t);
    Map<String, String> bridgeOf = GraphText.bridgeOf(t);
    StringBuilder out = new StringBuilder("graph ").append(quote(t.name())).append(" {\n");
    out.append("  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n");
    List<Element> host = t.elements().stream().filter(Element::isHostInterface).toList();
    if (!host.isEmpty()) {
      out.append("  subgraph cluster_host {\n    label=").append(label(GraphText.hostLabel(t))).append(";\n");
      for (Element e : host) {
        if (e.kind() == ElementKind.BRIDGE) {
          bridge(out, t, e, ids, bridgeOf);
        } else if (!bridgeOf.containsKey(e.id())) {
          out.append("    ").append(node(e, ids)).append('\n');
        }
      }
      out.append("  }\n");
    }
    for (Element e : t.elements()) {
      if (!e.isHostInterface()) {
        out.append("  ").append(node(e, ids)).append('\n');
      }
    }
    for (Link l : GraphText.edges(t)) {
      out.append("  ").append(ids.get(l.a().element())).append(" -- ").append(ids.get(l.b().element()));
      String attrs = (l.a().port() == null ? "" : "taillabel=" + quote(l.a().port()))
          + (l.a().port() != null && l.b().port() != null ? ", " : "")
          + (l.b().port() == null ? "" : "headlabel=" + quote(l.b().port()));
      out.append(attrs.isEmpty() ? "" : " [" + attrs + "]").append(";\n");
    }
    return out.append("}\n").toString();
  }

  private static void bridge(StringBuilder out, Topology t, Element br, Map<String, String> ids,
      Map<String, String> bridgeOf) {
    out.append("    subgraph cluster_").append(ids.get(br.id())).append(" {\n      label=")
        .append(label(GraphText.label(br))).append(";\n");
    for (Element m : t.elements()) {
      if (br.id().equals(bridgeOf.get(m.id()))) {
        out.append("      ").append(node(m, ids)).append('\n');
      }
    }
    out.append("    }\n");
  }

  private static String node(Element e, Map<String, String> ids) {
    String shape = switch (e.kind()) {
      case HUB, VDE -> "hexagon";
      case LAN, INTERNET -> "ellipse";
      case USER -> "box, style=rounded";
      case SOCKET -> "parallelogram";
      default -> "box";
    };
    return ids.get(e.id()) + " [label=" + label(GraphText.label(e)) + ", shape=" + shape + "];";
  }

  private static String label(List<String> lines) {
    return quote(String.join("\n", lines));
  }

  /** A DOT quoted string: backslashes and quotes escaped, line breaks as \n. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
