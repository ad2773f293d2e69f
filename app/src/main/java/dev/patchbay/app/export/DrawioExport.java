package dev.patchbay.app.export;

import dev.patchbay.model.diagram.DiagramLabels;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A design as a diagrams.net (draw.io) file, uncompressed so it diffs and can be read: one vertex
 * per element where the designer draws it (the SVG export's positions and icon box), in the
 * colour of the element's icon, with its name and addresses as its label; one edge per link; the
 * host's interfaces inside a dashed HOST container, as the SVG export frames them; notes as text.
 * Every label is escaped for XML, newlines included, so any name survives.
 */
public final class DrawioExport {
  private static final int BOX = SvgExport.ICON + 6;
  private static final String HOST_ID = "host";

  private final Topology topology;
  private final Map<String, Point> at;
  private final double[] host;
  private final StringBuilder out = new StringBuilder();

  private DrawioExport(Topology topology) {
    this.topology = topology;
    this.at = SvgExport.positions(topology);
    this.host = SvgExport.hostFrame(topology);
  }

  public static String render(Topology t) {
    return new DrawioExport(t).draw();
  }

  private String draw() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<mxfile host=\"Patchbay\" type=\"device\">\n")
        .append("  <diagram id=\"patchbay\" name=\"").append(xml(topology.name())).append("\">\n")
        .append("    <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"0\"")
        .append(" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\">\n      <root>\n")
        .append("        <mxCell id=\"0\"/>\n        <mxCell id=\"1\" parent=\"0\"/>\n");
    if (host != null) {
      List<String> footer = DiagramLabels.host(topology);
      vertex(HOST_ID, "HOST" + (footer.isEmpty() ? "" : "\n" + String.join("\n", footer)),
          "rounded=1;dashed=1;html=0;container=1;collapsible=0;fillColor=#f4f6f8;strokeColor=#7a8590;"
              + "fontColor=#4a5560;fontStyle=1;align=left;verticalAlign=top;spacingLeft=8;",
          "1", host[0], host[1], host[2] - host[0], host[3] - host[1]);
    }
    for (Element e : topology.elements()) {
      element(e);
    }
    for (Link l : topology.links()) {
      edge(l);
    }
    for (Note n : topology.notes()) {
      vertex("note-" + n.id(), n.text(), "text;html=0;whiteSpace=wrap;align=left;verticalAlign=top;", "1",
          n.x(), n.y(), 240, 20 + 14 * n.text().lines().count());
    }
    return out.append("      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n").toString();
  }

  private void element(Element e) {
    Point p = at.get(e.id());
    boolean inHost = host != null && e.isHostInterface();
    double x = p.x() - BOX / 2.0 - (inHost ? host[0] : 0);
    double y = p.y() - BOX / 2.0 - (inHost ? host[1] : 0);
    vertex(cellId(e.id()), String.join("\n", DiagramLabels.of(e)), style(e.kind()), inHost ? HOST_ID : "1",
        x, y, BOX, BOX);
  }

  /** The designer's colour for the kind (its icon's fill) on a shape draw.io has for it. */
  static String style(ElementKind kind) {
    String shape = switch (kind) {
      case GUEST -> "rounded=1;";
      case HUB, VDE -> "shape=hexagon;perimeter=hexagonPerimeter2;";
      case TAP, UPLINK -> "ellipse;";
      case BRIDGE -> "shape=process;";
      case SOCKET -> "shape=cylinder3;";
      case USER, LAN, INTERNET -> "ellipse;shape=cloud;";
    };
    return shape + "whiteSpace=wrap;html=0;fillColor=" + SvgIcons.of(kind).fill() + ";strokeColor=#c9d0d8;"
        + "fontColor=#1f2933;verticalLabelPosition=bottom;verticalAlign=top;patchbayKind=" + kind.fileName() + ";";
  }

  private void edge(Link l) {
    String ports = java.util.stream.Stream.of(l.a().port(), l.b().port()).filter(java.util.Objects::nonNull)
        .reduce((a, b) -> a + " - " + b).orElse("");
    out.append("        <mxCell id=\"").append(xml("link-" + l.id())).append("\" value=\"").append(xml(ports))
        .append("\" style=\"endArrow=none;html=0;strokeColor=#6b7785;strokeWidth=2;fontSize=10;\" edge=\"1\"")
        .append(" parent=\"1\" source=\"").append(xml(cellId(l.a().element()))).append("\" target=\"")
        .append(xml(cellId(l.b().element()))).append("\">\n")
        .append("          <mxGeometry relative=\"1\" as=\"geometry\"/>\n        </mxCell>\n");
  }

  private void vertex(String id, String value, String style, String parent, double x, double y, double w, double h) {
    out.append("        <mxCell id=\"").append(xml(id)).append("\" value=\"").append(xml(value))
        .append("\" style=\"").append(xml(style)).append("\" vertex=\"1\" parent=\"").append(parent).append("\">\n")
        .append("          <mxGeometry x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
        .append(num(w)).append("\" height=\"").append(num(h)).append("\" as=\"geometry\"/>\n        </mxCell>\n");
  }

  private static String cellId(String elementId) {
    return "el-" + elementId;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * Text for an XML attribute: control characters shown as escapes (XML 1.0 cannot hold them),
   * markup characters as entities, and line breaks as character references so they stay breaks.
   */
  static String xml(String s) {
    return SvgExport.xml(Printable.lines(s)).replace("'", "&apos;").replace("\n", "&#10;");
  }
}
