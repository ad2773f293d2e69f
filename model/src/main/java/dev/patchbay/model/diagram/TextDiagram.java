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
  /** How the note starts that says a link could not be drawn. */
  static final String NO_ROOM = "(note: no room to draw the link ";
  /** Ways to make a diagram narrower, tried in turn: {squeeze, stack detached parts, fold}. */
  private static final int[][] ATTEMPTS = {{0, 0, 0}, {3, 0, 0}, {6, 0, 0}, {9, 0, 0}, {0, 1, 0}, {6, 1, 0},
      {9, 1, 0}, {0, 0, 1}, {3, 0, 1}, {6, 0, 1}, {9, 0, 1}, {0, 1, 1}, {6, 1, 1}, {9, 1, 1}};

  private TextDiagram() {}

  /**
   * The diagram, at most {@code width} columns wide when some layout fits: columns are squeezed
   * together first, then parts not linked to the host are stacked under it, then the layout is
   * folded (see {@link Columns#assign}) and squeezed and stacked again; a layout in which some
   * link finds no room is kept only when no other fits. When none fits, the narrowest layout is
   * drawn and a note under it, itself wrapped to the width, says how wide it is.
   */
  public static String render(Topology t, Charset charset, int width) {
    DiagramNames names = DiagramNames.of(t, charset, longestLabel(width));
    DiagramLayout[] rows = new DiagramLayout[4];
    int[] narrowest = ATTEMPTS[0];
    int narrowestSpan = Integer.MAX_VALUE;
    String fits = null;
    for (int slack : new int[] {2, 0}) {
      for (int[] attempt : ATTEMPTS) {
        // Placements of one row layout share their boxes: each columns() call re-places them.
        DiagramLayout.Placement p = placement(t, rows, attempt, names);
        if (span(p) + slack <= width) {
          String text = draw(t, p, charset, width, names);
          if (widest(body(text)) <= width && !text.contains(NO_ROOM)) {
            return text;
          }
          if (widest(body(text)) <= width && fits == null) {
            fits = text;
          }
        }
        if (span(p) < narrowestSpan) {
          narrowestSpan = span(p);
          narrowest = attempt;
        }
      }
    }
    if (fits != null) {
      return fits;
    }
    String text = draw(t, placement(t, rows, narrowest, names), charset, width, names);
    int used = widest(body(text));
    if (used <= width) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    DiagramText.wrap("(note: this diagram needs " + used + " columns and does not fit in --width " + width + ")",
        width, true).forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  /**
   * The widest a label line may be at this width: a box in a bridge in the host, with the LAN
   * beside it, should still fit; never under 12 cells (a name that short is cut to 9 + its mark).
   */
  static int longestLabel(int width) {
    return Math.max(12, Math.min(40, (width - 22) / 2));
  }

  /** The drawing without the notes, legend and footnotes under it (lines starting with '('). */
  static String body(String text) {
    StringBuilder out = new StringBuilder();
    for (String l : text.lines().toList()) {
      if (l.startsWith("(")) {
        break;
      }
      out.append(l).append('\n');
    }
    return out.toString();
  }

  /** The boxes placed for one attempt: {squeeze, stack detached parts, fold}. */
  private static DiagramLayout.Placement placement(Topology t, DiagramLayout[] rows, int[] attempt,
      DiagramNames names) {
    int kind = attempt[1] + 2 * attempt[2];
    if (rows[kind] == null) {
      rows[kind] = DiagramLayout.rows(t, attempt[1] == 1, attempt[2] == 1, names);
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
    return text.lines().mapToInt(DiagramText::width).max().orElse(0);
  }

  /**
   * The drawing, then what a reader needs to read it, each wrapped to the width: a note for each
   * link there was no room for, the legend when two lines cross, the footnotes of cut names.
   */
  private static String draw(Topology t, DiagramLayout.Placement p, Charset charset, int width, DiagramNames names) {
    CellGrid grid = gridFor(p.topLevel(), width);
    Router router = new Router(grid);
    List<String> notes = new ArrayList<>();
    for (Link l : drawable(t, p)) {
      Router.End a = end(p, l.a());
      Router.End b = end(p, l.b());
      if (router.route(a, b) == null) {
        notes.add(NO_ROOM + name(t, l.a(), names) + " - " + name(t, l.b(), names) + ")");
      }
    }
    if (grid.hasCrossing()) {
      notes.add(charset.crossingLegend());
    }
    StringBuilder out = new StringBuilder(new TextCanvas(grid, charset).paint());
    for (String note : notes) {
      DiagramText.wrap(note, width, true).forEach(l -> out.append(l).append('\n'));
    }
    names.footnotes(width).forEach(l -> out.append(l).append('\n'));
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

  private static String name(Topology t, Endpoint e, DiagramNames names) {
    return t.element(e.element()).map(names::title).orElse(names.text(e.element()))
        + (e.port() == null ? "" : ":" + names.text(e.port()));
  }
}
