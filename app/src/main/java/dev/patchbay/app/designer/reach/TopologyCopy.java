package dev.patchbay.app.designer.reach;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;

/**
 * A private copy of a design for a background computation: elements, links and host settings are
 * immutable records, so copying the containers is enough, and later edits leave the copy alone.
 */
final class TopologyCopy {
  private TopologyCopy() {}

  static Topology of(Topology t) {
    Topology copy = new Topology(t.name(), t.description(), t.seed());
    copy.setHost(t.host());
    for (Element e : t.elements()) {
      copy.add(e, t.position(e.id()).orElse(null));
    }
    t.links().forEach(copy::connect);
    return copy;
  }
}
