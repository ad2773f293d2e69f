package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes elements and links. The links of a deleted element and the host settings that name it go
 * in the same step, so one undo brings all of it back exactly, in the file's original order.
 */
public final class RemoveCommand implements Command {
  private final Set<String> elementIds;
  private final Set<String> linkIds;
  private final List<Removed<Link>> links = new ArrayList<>();
  private final List<Removed<Element>> elements = new ArrayList<>();
  private HostSettings hostBefore;

  private record Removed<T>(int index, T item, Point at) {}

  public RemoveCommand(Set<String> elementIds, Set<String> linkIds) {
    this.elementIds = new LinkedHashSet<>(elementIds);
    this.linkIds = new LinkedHashSet<>(linkIds);
  }

  @Override
  public void execute(Topology t) {
    links.clear();
    elements.clear();
    for (Link l : new ArrayList<>(t.links())) {
      if (linkIds.contains(l.id()) || elementIds.stream().anyMatch(l::touches)) {
        links.add(new Removed<>(t.linkIndex(l.id()), l, null));
      }
    }
    for (int i = links.size() - 1; i >= 0; i--) {
      t.disconnect(links.get(i).item().id());
    }
    hostBefore = t.host();
    HostSettings host = hostBefore
        .withNat(hostBefore.nat().stream().filter(n -> !elementIds.contains(n.out())).toList())
        .withProxyArp(hostBefore.proxyArp().stream().filter(id -> !elementIds.contains(id)).toList())
        .withRoutes(hostBefore.routes().stream()
            .filter(r -> r.device() == null || !elementIds.contains(r.device())).toList());
    if (!host.equals(hostBefore)) {
      t.setHost(host);
    }
    List<Removed<Element>> found = new ArrayList<>();
    for (String id : elementIds) {
      t.element(id).ifPresent(e -> found.add(new Removed<>(t.indexOf(id), e, t.position(id).orElse(null))));
    }
    found.sort(Comparator.comparingInt(Removed::index));
    elements.addAll(found);
    for (int i = elements.size() - 1; i >= 0; i--) {
      t.remove(elements.get(i).item().id());
    }
  }

  @Override
  public void undo(Topology t) {
    for (Removed<Element> r : elements) {
      t.insert(r.index(), r.item(), r.at());
    }
    if (!t.host().equals(hostBefore)) {
      t.setHost(hostBefore);
    }
    for (Removed<Link> r : links) {
      t.insertLink(r.index(), r.item());
    }
  }

  @Override
  public String description() {
    int n = elementIds.size() + linkIds.size();
    return n == 1 ? "Delete " + (elementIds.isEmpty() ? linkIds : elementIds).iterator().next()
        : "Delete " + n + " items";
  }
}
