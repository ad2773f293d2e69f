package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import java.util.List;

/** The lines every diagram export writes for an element: its name, then its addresses and MACs. */
public final class DiagramLabels {
  private DiagramLabels() {}

  public static List<String> of(Element e) {
    return BoxFactory.text(e);
  }
}
