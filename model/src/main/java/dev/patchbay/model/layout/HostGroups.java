package dev.patchbay.model.layout;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which elements the designer draws inside the host box (every host interface) and inside each
 * bridge's box (the bridge and the host interfaces linked to it), as the canvas decides it. An
 * interface a broken file links to two bridges belongs to the first here; the canvas would draw it
 * in both boxes.
 */
public record HostGroups(List<Element> loose, Map<Bridge, List<Element>> bridges) {

  /** The groups among the elements {@code within} accepts. */
  public static HostGroups of(Topology t, Predicate<String> within) {
    Map<Bridge, List<Element>> bridges = new LinkedHashMap<>();
    Set<String> taken = new java.util.HashSet<>();
    t.elementsOf(Bridge.class).filter(b -> within.test(b.id())).forEach(b -> {
      taken.add(b.id());
      bridges.put(b, new ArrayList<>());
    });
    bridges.forEach((b, members) -> {
      for (Link l : t.linksOf(b.id())) {
        t.element(l.other(b.id()).element())
            .filter(e -> e.isHostInterface() && within.test(e.id()) && taken.add(e.id()))
            .ifPresent(members::add);
      }
    });
    List<Element> loose = t.elements().stream()
        .filter(e -> e.isHostInterface() && within.test(e.id()) && !taken.contains(e.id())).toList();
    return new HostGroups(loose, bridges);
  }

  public boolean isEmpty() {
    return loose.isEmpty() && bridges.isEmpty();
  }

  /** Every element in the host box. */
  public List<Element> all() {
    List<Element> all = new ArrayList<>(loose);
    bridges.forEach((b, members) -> {
      all.add(b);
      all.addAll(members);
    });
    return all;
  }
}
