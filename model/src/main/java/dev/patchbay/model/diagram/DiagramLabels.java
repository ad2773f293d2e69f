package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.util.List;

/** The lines every diagram export writes for an element: its name, then its addresses and MACs. */
public final class DiagramLabels {
  private DiagramLabels() {}

  public static List<String> of(Element e) {
    return BoxFactory.text(e);
  }

  /** What the host does beyond holding interfaces: forwarding, NAT, proxy ARP, routes. */
  public static List<String> host(Topology t) {
    return BoxFactory.hostText(t);
  }
}
