package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What Copy took: element values, the links among them, and where they were. Immutable. */
public record Clip(List<Element> elements, List<Link> links, Map<String, Point> positions) {
  public Clip {
    elements = List.copyOf(elements);
    links = List.copyOf(links);
    positions = Map.copyOf(positions);
  }

  public static Clip of(Topology t, Set<String> ids) {
    List<Element> els = t.elements().stream().filter(e -> ids.contains(e.id())).toList();
    List<Link> ls = t.links().stream()
        .filter(l -> ids.contains(l.a().element()) && ids.contains(l.b().element())).toList();
    Map<String, Point> at = new LinkedHashMap<>();
    els.forEach(e -> at.put(e.id(), Positions.of(t, e.id())));
    return new Clip(els, ls, at);
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }
}
