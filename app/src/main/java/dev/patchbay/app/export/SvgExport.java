package dev.patchbay.app.export;

import dev.patchbay.model.diagram.Box;
import dev.patchbay.model.diagram.DiagramLabels;
import dev.patchbay.model.diagram.DiagramLayout;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A topology as a vector drawing with the canvas's icons: each element as its icon with its name
 * and addresses under it, links as straight lines, the host's interfaces inside a dashed frame,
 * notes as boxes of wrapped text beneath the rest ({@link SvgNotes}).
 * Elements sit where the file's layout puts them (canvas coordinates of their centres); a file
 * without a complete layout is placed by the text diagram's layout, scaled up.
 */
public final class SvgExport {
  static final int ICON = 32;
  static final int MARGIN = 40;
  static final int LINE_HEIGHT = 14;
  static final int PARALLEL_GAP = 12;
  static final int FOOTER_LINE = 13;
  /** A white outline under text, so labels stay readable where a line runs behind them. */
  private static final String HALO = " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";
  private static final double AUTO_X = 9;
  private static final double AUTO_Y = 16;

  private final Topology topology;
  private final Map<String, Point> at;
  private final StringBuilder out = new StringBuilder();
  /** Port names, drawn last so that no icon covers them. */
  private final StringBuilder ports = new StringBuilder();

  private SvgExport(Topology topology) {
    this.topology = topology;
    this.at = positions(topology);
  }

  public static String render(Topology t) {
    return new SvgExport(t).draw();
  }

  /** Where each element's centre goes: the saved layout if it covers every element, else automatic. */
  static Map<String, Point> positions(Topology t) {
    boolean complete = t.elements().stream().allMatch(e -> t.layout().containsKey(e.id()));
    if (complete && !t.elements().isEmpty()) {
      return new LinkedHashMap<>(t.layout());
    }
    Map<String, Point> out = new LinkedHashMap<>();
    DiagramLayout.Placement p = DiagramLayout.place(t, 0, false);
    for (Element e : t.elements()) {
      Box b = p.byElement().get(e.id());
      // A bridge's box surrounds its taps: its icon goes by its title, left of them.
      out.put(e.id(), b.container()
          ? new Point(b.x() * AUTO_X - 10, (b.y() + 1.5) * AUTO_Y)
          : new Point((b.x() + b.width() / 2.0) * AUTO_X, (b.y() + b.height() / 2.0) * AUTO_Y));
    }
    return out;
  }

  private String draw() {
    double[] bounds = bounds();
    double dx = MARGIN - bounds[0];
    double dy = MARGIN - bounds[1];
    int w = (int) Math.ceil(bounds[2] - bounds[0] + 2 * MARGIN);
    int h = (int) Math.ceil(bounds[3] - bounds[1] + 2 * MARGIN);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
        .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" font-family=\"DejaVu Sans, sans-serif\">\n")
        .append("  <title>").append(xml(topology.name())).append("</title>\n")
        .append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
        .append("  <g transform=\"translate(").append(num(dx)).append(' ').append(num(dy)).append(")\">\n");
    hostFrame();
    topology.notes().forEach(n -> SvgNotes.draw(n, out));
    Map<String, Integer> seen = new java.util.HashMap<>();
    for (Link l : topology.links()) {
      String pair = pairKey(l);
      long total = topology.links().stream().filter(o -> pairKey(o).equals(pair)).count();
      int index = seen.merge(pair, 1, Integer::sum) - 1;
      link(l, (index - (total - 1) / 2.0) * PARALLEL_GAP);
    }
    for (Element e : topology.elements()) {
      element(e);
    }
    out.append(ports);
    return out.append("  </g>\n</svg>\n").toString();
  }

  /** Left, top, right, bottom of everything drawn, labels included. */
  private double[] bounds() {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Element e : topology.elements()) {
      double[] r = extent(e);
      b[0] = Math.min(b[0], r[0]);
      b[1] = Math.min(b[1], r[1]);
      b[2] = Math.max(b[2], r[2]);
      b[3] = Math.max(b[3], r[3]);
    }
    List<double[]> others = new java.util.ArrayList<>();
    others.add(hostBox());
    topology.notes().forEach(n -> others.add(SvgNotes.extent(n)));
    for (double[] r : others) {
      if (r != null) {
        b = new double[] {Math.min(b[0], r[0]), Math.min(b[1], r[1]), Math.max(b[2], r[2]), Math.max(b[3], r[3])};
      }
    }
    return topology.elements().isEmpty() && topology.notes().isEmpty() ? new double[] {0, 0, 0, 0} : b;
  }

  /** The icon and its label lines: about 7 pixels per character at 11px. */
  private double[] extent(Element e) {
    Point p = at.get(e.id());
    List<String> lines = labels(e);
    int widest = lines.stream().mapToInt(String::length).max().orElse(0);
    double half = Math.max(ICON / 2.0, widest * 3.6);
    double bottom = p.y() + ICON / 2.0 + 4 + lines.size() * LINE_HEIGHT;
    return new double[] {p.x() - half - 6, p.y() - ICON / 2.0 - 6, p.x() + half + 6, bottom + 6};
  }

  /**
   * The host frame's left, top, right and bottom at {@link #positions}, or null when the design has
   * no host interface: the draw.io export draws the same frame.
   */
  static double[] hostFrame(Topology t) {
    return new SvgExport(t).hostBox();
  }

  /** The host's frame round its interfaces and what its kernel does, or null without a host. */
  private double[] hostBox() {
    double[] b = null;
    for (Element e : topology.elements()) {
      if (e.isHostInterface()) {
        double[] r = extent(e);
        b = b == null ? r : new double[] {Math.min(b[0], r[0]), Math.min(b[1], r[1]), Math.max(b[2], r[2]), Math.max(b[3], r[3])};
      }
    }
    if (b == null) {
      return null;
    }
    List<String> footer = DiagramLabels.host(topology);
    int widest = footer.stream().mapToInt(String::length).max().orElse(0);
    return new double[] {b[0] - 8, b[1] - 22, Math.max(b[2] + 8, b[0] + widest * 6.6 + 8),
        b[3] + 8 + footer.size() * FOOTER_LINE};
  }

  private void hostFrame() {
    double[] f = hostBox();
    if (f == null) {
      return;
    }
    out.append("    <g class=\"host\">\n      <rect x=\"").append(num(f[0])).append("\" y=\"").append(num(f[1]))
        .append("\" width=\"").append(num(f[2] - f[0])).append("\" height=\"").append(num(f[3] - f[1]))
        .append("\" rx=\"8\" fill=\"#f4f6f8\" stroke=\"#7a8590\" stroke-dasharray=\"6 4\"/>\n")
        .append("      <text x=\"").append(num(f[0] + 8)).append("\" y=\"").append(num(f[1] + 14))
        .append("\" font-size=\"12\" font-weight=\"bold\" fill=\"#4a5560\">HOST</text>\n");
    List<String> footer = DiagramLabels.host(topology);
    for (int i = 0; i < footer.size(); i++) {
      double y = f[3] - 6 - (footer.size() - 1 - i) * FOOTER_LINE;
      out.append("      <text x=\"").append(num(f[0] + 8)).append("\" y=\"").append(num(y))
          .append("\" font-size=\"10\" fill=\"#4a5560\">").append(xml(footer.get(i))).append("</text>\n");
    }
    out.append("    </g>\n");
  }

  /** The two elements of a link in a fixed order, so parallel links (two NICs on one hub) group. */
  private static String pairKey(Link l) {
    String a = l.a().element();
    String b = l.b().element();
    return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
  }

  /** A link as a line, moved {@code offset} pixels sideways when it runs beside a parallel one. */
  private void link(Link l, double offset) {
    Point a0 = at.get(l.a().element());
    Point b0 = at.get(l.b().element());
    if (a0 == null || b0 == null) {
      return;
    }
    double len = Math.max(1, Math.hypot(b0.x() - a0.x(), b0.y() - a0.y()));
    double ox = -(b0.y() - a0.y()) / len * offset;
    double oy = (b0.x() - a0.x()) / len * offset;
    Point a = new Point(a0.x() + ox, a0.y() + oy);
    Point b = new Point(b0.x() + ox, b0.y() + oy);
    out.append("    <line class=\"link\" x1=\"").append(num(a.x())).append("\" y1=\"").append(num(a.y()))
        .append("\" x2=\"").append(num(b.x())).append("\" y2=\"").append(num(b.y()))
        .append("\" stroke=\"#6b7785\" stroke-width=\"2\"/>\n");
    portLabel(l.a(), a, b);
    portLabel(l.b(), b, a);
  }

  /** A NIC or socket-side name a little way along the line from its own end. */
  private void portLabel(Endpoint end, Point p, Point toward) {
    if (end.port() == null) {
      return;
    }
    double len = Math.max(1, Math.hypot(toward.x() - p.x(), toward.y() - p.y()));
    double along = ICON / 2.0 + 8 + end.port().length() * 3.3;
    double x = p.x() + (toward.x() - p.x()) * along / len;
    double y = p.y() + (toward.y() - p.y()) * along / len - 5;
    ports.append("    <text class=\"port\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" font-size=\"10\" fill=\"#4a5560\" text-anchor=\"middle\"").append(HALO).append('>').append(xml(end.port())).append("</text>\n");
  }

  private void element(Element e) {
    Point p = at.get(e.id());
    SvgIcons.Icon icon = SvgIcons.of(e.kind());
    double scale = ICON / 24.0;
    out.append("    <g class=\"element ").append(e.kind().fileName()).append("\" id=\"").append(xml(svgId(e.id())))
        .append("\">\n      <rect x=\"").append(num(p.x() - ICON / 2.0 - 3)).append("\" y=\"").append(num(p.y() - ICON / 2.0 - 3))
        .append("\" width=\"").append(ICON + 6).append("\" height=\"").append(ICON + 6)
        .append("\" rx=\"6\" fill=\"#ffffff\" stroke=\"#c9d0d8\"/>\n")
        .append("      <path transform=\"translate(").append(num(p.x() - ICON / 2.0)).append(' ').append(num(p.y() - ICON / 2.0))
        .append(") scale(").append(num(scale)).append(")\" fill=\"").append(xml(icon.fill())).append("\" fill-rule=\"")
        .append(xml(icon.fillRule())).append("\" d=\"").append(xml(icon.d())).append("\"/>\n");
    List<String> lines = labels(e);
    for (int i = 0; i < lines.size(); i++) {
      double y = p.y() + ICON / 2.0 + 4 + (i + 1) * LINE_HEIGHT - 3;
      out.append("      <text x=\"").append(num(p.x())).append("\" y=\"").append(num(y))
          .append("\" text-anchor=\"middle\" font-size=\"").append(i == 0 ? "12\" font-weight=\"bold" : "11")
          .append("\" fill=\"#1f2933\"").append(HALO).append('>').append(xml(lines.get(i))).append("</text>\n");
    }
    out.append("    </g>\n");
  }

  /** The name, then the element's addresses (for a guest each NIC's address and MAC). */
  static List<String> labels(Element e) {
    return DiagramLabels.of(e);
  }

  private static String svgId(String id) {
    return "el-" + id.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
