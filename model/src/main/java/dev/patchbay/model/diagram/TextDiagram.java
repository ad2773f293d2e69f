package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A topology as a text diagram in the style of the classic QEMU notes: the host as a box holding its
 * interfaces, guests with a row per NIC, lines of '-', '|' and '+'. The same file always gives
 * the same text.
 */
public final class TextDiagram {
  /** Cells of free space around the boxes, so a line can always go round. */
  static final int MARGIN = 3;
  /** Ways to make a diagram narrower, tried in turn: {squeeze, stack detached parts, fold}. */
  private static final int[][] ATTEMPTS = {{0, 0, 0}, {3, 0, 0}, {6, 0, 0}, {9, 0, 0}, {0, 1, 0}, {6, 1, 0},
      {9, 1, 0}, {0, 0, 1}, {3, 0, 1}, {6, 0, 1}, {9, 0, 1}, {0, 1, 1}, {6, 1, 1}, {9, 1, 1}};

  private TextDiagram() {}

  /**
   * The diagram, at most {@code width} columns wide when some layout fits: columns are squeezed
   * together first, then parts not linked to the host are stacked under it, then the layout is
   * folded (see {@link Columns#assign}) and squeezed and stacked again. When none fits, the
   * narrowest layout is drawn and a last line says how wide it is.
   */
  public static String render(Topology t, Charset charset, int width) {
    DiagramLayout[] rows = new DiagramLayout[4];
    int[] narrowest = ATTEMPTS[0];
    int narrowestSpan = Integer.MAX_VALUE;
    for (int slack : new int[] {2, 0}) {
      for (int[] attempt : ATTEMPTS) {
        // Placements of one row layout share their boxes: each columns() call re-places them.
        DiagramLayout.Placement p = placement(t, rows, attempt);
        if (span(p) + slack <= width) {
          String text = draw(t, p, charset, width);
          if (widest(text) <= width) {
            return text;
          }
        }
        if (span(p) < narrowestSpan) {
          narrowestSpan = span(p);
          narrowest = attempt;
        }
      }
    }
    String text = draw(t, placement(t, rows, narrowest), charset, width);
    return widest(text) <= width ? text
        : text + "(note: this diagram needs " + widest(text) + " columns and does not fit in --width " + width + ")\n";
  }

  /** The boxes placed for one attempt: {squeeze, stack detached parts, fold}. */
  private static DiagramLayout.Placement placement(Topology t, DiagramLayout[] rows, int[] attempt) {
    int kind = attempt[1] + 2 * attempt[2];
    if (rows[kind] == null) {
      rows[kind] = DiagramLayout.rows(t, attempt[1] == 1, attempt[2] == 1);
    }
    return rows[kind].columns(attempt[0]);
  }

  /** Columns the boxes take; lines may add a few round the outside. */
  private static int span(DiagramLayout.Placement p) {
    int min = p.topLevel().stream().mapToInt(Box::x).min().orElse(0);
    int max = p.topLevel().stream().mapToInt(Box::right).max().orElse(0);
    return max - min + 1;
  }

  static int widest(String text) {
    return text.lines().mapToInt(String::length).max().orElse(0);
  }

  private static String draw(Topology t, DiagramLayout.Placement p, Charset charset, int width) {
    CellGrid grid = gridFor(p.topLevel(), width);
    Router router = new Router(grid);
    List<String> missing = new ArrayList<>();
    for (Link l : drawable(t, p)) {
      Router.End a = end(p, l.a());
      Router.End b = end(p, l.b());
      if (router.route(a, b) == null) {
        missing.add("(note: no room to draw the link " + name(t, l.a()) + " - " + name(t, l.b()) + ")");
      }
    }
    StringBuilder out = new StringBuilder(new TextCanvas(grid, charset).paint());
    missing.forEach(m -> out.append(m).append('\n'));
    return out.toString();
  }

  /**
   * A grid round the boxes with room for lines to go round them, but never wider than the width
   * allows: a line that would need more room is routed elsewhere, not past the bound.
   */
  private static CellGrid gridFor(List<Box> top, int width) {
    int minX = top.stream().mapToInt(Box::x).min().orElse(0);
    int minY = top.stream().mapToInt(Box::y).min().orElse(0);
    int maxX = top.stream().mapToInt(Box::right).max().orElse(0);
    int maxY = top.stream().mapToInt(Box::bottom).max().orElse(0);
    int span = maxX - minX + 1;
    int left = Math.max(0, Math.min(MARGIN, (width - span) / 2));
    int right = Math.max(0, Math.min(MARGIN, width - span - left));
    if (span > width) {
      left = MARGIN;
      right = MARGIN;
    }
    for (Box b : top) {
      b.moveBy(left - minX, MARGIN - minY);
    }
    return new CellGrid(top, span + left + right, maxY - minY + 1 + 2 * MARGIN);
  }

  /** Links drawn as lines, shortest first so that long ones go round the short ones. */
  private static List<Link> drawable(Topology t, DiagramLayout.Placement p) {
    List<Link> out = new ArrayList<>();
    for (Link l : t.links()) {
      if (!p.drawnByNesting(l) && p.byElement().containsKey(l.a().element())
          && p.byElement().containsKey(l.b().element()) && !l.a().element().equals(l.b().element())) {
        out.add(l);
      }
    }
    out.sort(Comparator.comparingInt(l -> span(p, l)));
    return out;
  }

  private static int span(DiagramLayout.Placement p, Link l) {
    Box a = p.byElement().get(l.a().element());
    Box b = p.byElement().get(l.b().element());
    return Math.abs(a.x - b.x) + Math.abs(a.y + a.anchorRow(l.a().port()) - b.y - b.anchorRow(l.b().port()));
  }

  private static Router.End end(DiagramLayout.Placement p, Endpoint e) {
    Box b = p.byElement().get(e.element());
    return new Router.End(b, b.portRow(e.port()));
  }

  private static String name(Topology t, Endpoint e) {
    return t.element(e.element()).map(Element::name).orElse(e.element())
        + (e.port() == null ? "" : ":" + e.port());
  }
}
