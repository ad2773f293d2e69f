package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Topology;
import java.util.Locale;

/**
 * How a text diagram is laid out: {@link #COMPACT} (the default) draws {@link CompactDiagram} when
 * the design can be drawn that way within the width, else the full {@link TextDiagram}; {@link #FULL}
 * always draws the full one. The command line's export and the designer's text preview both choose here.
 */
public enum DiagramStyle {
  COMPACT,
  FULL;

  public String render(Topology t, Charset charset, int width) {
    if (this == COMPACT) {
      var compact = CompactDiagram.render(t, charset, width);
      if (compact.isPresent()) {
        return compact.get();
      }
    }
    return TextDiagram.render(t, charset, width);
  }

  /** The style named as on the command line ({@code compact}, {@code full}). */
  public static DiagramStyle parse(String name) {
    for (DiagramStyle s : values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown diagram style '" + name + "'; expected compact or full");
  }
}
