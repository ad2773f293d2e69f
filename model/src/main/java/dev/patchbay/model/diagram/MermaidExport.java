package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Map;

/**
 * A Mermaid {@code flowchart LR} that GitHub renders: the host as a subgraph holding its
 * interfaces, bridges as subgraphs holding their taps, labels with names and addresses, NIC and
 * socket-side names on the edges.
 */
public final class MermaidExport {
  private MermaidExport() {}

  public static String render(Topology t) {
    Map<String, String> ids = GraphText.ids(t);
    Map<String, String> bridgeOf = GraphText.bridgeOf(t);
    StringBuilder out = new StringBuilder("flowchart LR\n");
    List<Element> host = t.elements().stream().filter(Element::isHostInterface).toList();
    if (!host.isEmpty()) {
      out.append("  subgraph host[").append(quote(GraphText.hostLabel(t))).append("]\n");
      for (Element e : host) {
        if (e.kind() == dev.patchbay.model.topology.ElementKind.BRIDGE) {
          bridge(out, t, e, ids, bridgeOf);
        } else if (!bridgeOf.containsKey(e.id())) {
          out.append("    ").append(node(e, ids)).append('\n');
        }
      }
      out.append("  end\n");
    }
    for (Element e : t.elements()) {
      if (!e.isHostInterface()) {
        out.append("  ").append(node(e, ids)).append('\n');
      }
    }
    for (Link l : GraphText.edges(t)) {
      out.append("  ").append(ids.get(l.a().element())).append(" ---").append(portLabel(t, l.a(), l.b()))
          .append(' ').append(ids.get(l.b().element())).append('\n');
    }
    return out.toString();
  }

  private static void bridge(StringBuilder out, Topology t, Element br, Map<String, String> ids,
      Map<String, String> bridgeOf) {
    out.append("    subgraph ").append(ids.get(br.id())).append('[').append(quote(GraphText.label(br))).append("]\n");
    for (Element m : t.elements()) {
      if (br.id().equals(bridgeOf.get(m.id()))) {
        out.append("      ").append(node(m, ids)).append('\n');
      }
    }
    out.append("    end\n");
  }

  private static String node(Element e, Map<String, String> ids) {
    String label = quote(GraphText.label(e));
    String id = ids.get(e.id());
    return switch (e.kind()) {
      case HUB, VDE -> id + "{{" + label + "}}";
      case LAN, INTERNET -> id + "((" + label + "))";
      case USER -> id + "([" + label + "])";
      case SOCKET -> id + "[/" + label + "/]";
      default -> id + "[" + label + "]";
    };
  }

  /** The NIC or socket side at either end, as an edge label. */
  private static String portLabel(Topology t, Endpoint a, Endpoint b) {
    String ports = String.join(" - ", java.util.stream.Stream.of(a.port(), b.port())
        .filter(java.util.Objects::nonNull).toList());
    return ports.isEmpty() ? "" : "|" + quote(List.of(ports)) + "|";
  }

  /** A quoted Mermaid label; quotes and angle brackets become entity codes. */
  static String quote(List<String> lines) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        s.append("<br/>");
      }
      s.append(lines.get(i).replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;"));
    }
    return s.append('"').toString();
  }
}
