package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Optional;

/**
 * The compact text diagram, about the size of the hand-drawn ones in the classic QEMU notes: the
 * host's interfaces are notches on its border ({@code [eth0} on the left for uplinks,
 * {@code tap0]} on the right for taps), hubs, VDE switches and multicast buses are bars
 * ({@code #}) that wires meet, a box's name stands in its top border, and a socket between two
 * QEMU processes is the label of its wire ({@code <-- sock8010 tcp 127.0.0.1:8010 -->}, its sides
 * written under the ends), and a bridge is a line of the host ({@code br0 10.0.0.10/8 bridges eth0
 * tap0}). Every name and address of the full style is there, wrapped at spaces;
 * names are shown as the full style shows them ({@link DiagramNames}: transliterated or escaped,
 * kept distinct, a long one cut {@code ~N} with its footnote under the drawing).
 */
public final class CompactDiagram {
  /** Widths label lines are wrapped at, tried in turn: the smallest drawing that fits wins. */
  private static final int[] WRAPS = {40, 32, 26, 20, 16};
  /** Widths a bar's label is wrapped at: on one line, or a word or address a line. */
  private static final int[] BAR_WRAPS = {40, 8};

  private CompactDiagram() {}

  /**
   * The compact diagram at most {@code width} columns wide, or empty when the design has what this
   * style does not draw (a bridge linked to anything but the host's interfaces, wires that would
   * have to cross) or no wrapping makes it fit.
   */
  public static Optional<String> render(Topology t, Charset charset, int width) {
    return drawing(t, charset, width).map(Drawing::text);
  }

  /** The text and what stands where in it, for the checks that follow its wires. */
  record Drawing(String text, List<CompactPainter.Region> regions, int area) {}

  static Optional<Drawing> drawing(Topology t, Charset charset, int width) {
    DiagramNames names = DiagramNames.of(t, charset, TextDiagram.longestLabel(width));
    Drawing best = null;
    for (int wrap : WRAPS) {
      for (int barWrap : BAR_WRAPS) {
        Drawing d = attempt(t, names, charset, wrap, barWrap, width);
        if (d != null && TextDiagram.widest(d.text()) <= width && (best == null || d.area() < best.area())) {
          best = d;
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(best.text());
    names.footnotes(width).forEach(l -> text.append(l).append('\n'));
    return Optional.of(new Drawing(text.toString(), best.regions(), best.area()));
  }

  /** One drawing with labels wrapped as given, or null; a layout wider than the width is not painted. */
  private static Drawing attempt(Topology t, DiagramNames names, Charset charset, int wrap, int barWrap, int width) {
    Optional<CompactGraph> g = CompactGraph.of(t, names, wrap, barWrap);
    if (g.isEmpty() || g.get().nodes.isEmpty()) {
      return null;
    }
    CompactLayout layout = CompactLayout.of(g.get());
    if (layout == null || layout.width > width) {
      return null;
    }
    try {
      CompactPainter painter = new CompactPainter(g.get(), layout, charset);
      String text = painter.paint();
      return new Drawing(text, painter.regions, (int) text.lines().count() * TextDiagram.widest(text));
    } catch (CompactPainter.NoRoom e) {
      return null;
    }
  }
}
