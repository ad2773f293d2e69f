package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Layer-2 loops: two paths between the same switches (a hub joined to two taps of one bridge, two
 * bridges joined twice). Hubs and VDE hubs flood, so a broadcast circles forever; only a bridge
 * running STP blocks a port and breaks the loop.
 */
public final class LoopRule implements Rule {
  static final RuleInfo LOOP = new RuleInfo("l2.loop", Severity.ERROR,
      "A frame flooded into a loop comes back around forever (a broadcast storm): a hub floods every frame to every"
          + " port (see the sample \"A hub with NICs\"), and a bridge without STP forwards it again. Remove one link of the loop, or enable"
          + " STP on the bridge in it.");

  @Override
  public String id() {
    return "l2";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(LOOP);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesWiring(c) && !Changes.keepsGuestWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, List<String>> graph = new HashMap<>();
    // Which nodes are joined so far, so the path is searched only for a link that closes a loop:
    // searching at every link was quadratic in the size of a segment.
    Map<String, String> joined = new HashMap<>();
    for (Link l : t.links()) {
      Optional<String> a = node(t, l.a());
      Optional<String> b = node(t, l.b());
      if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get())) {
        continue;
      }
      String ra = root(joined, a.get());
      String rb = root(joined, b.get());
      if (ra.equals(rb)) {
        loop(t, l, path(graph, a.get(), b.get())).ifPresent(out::add);
      } else {
        joined.put(ra, rb);
      }
      graph.computeIfAbsent(a.get(), k -> new ArrayList<>()).add(b.get());
      graph.computeIfAbsent(b.get(), k -> new ArrayList<>()).add(a.get());
    }
    return out;
  }

  private Optional<Diagnostic> loop(Topology t, Link closing, List<String> cycle) {
    List<Bridge> bridges = cycle.stream().map(t::element).flatMap(Optional::stream)
        .filter(Bridge.class::isInstance).map(Bridge.class::cast).toList();
    if (bridges.stream().anyMatch(Bridge::stp)) {
      return Optional.empty();
    }
    Set<String> ids = new LinkedHashSet<>();
    ids.add(closing.id());
    cycle.forEach(n -> ids.add(n.contains(":") ? n.substring(0, n.indexOf(':')) : n));
    String msg = "link " + closing.id() + " (" + closing.a() + " - " + closing.b() + ") closes a layer-2 loop through "
        + String.join(", ", cycle);
    if (bridges.isEmpty()) {
      return Optional.of(Names.finding(LOOP, msg, List.copyOf(ids), LOOP.explain(), Fixes.of("Delete link "
          + closing.id() + " (hubs cannot run STP)", x -> new RemoveCommand(Set.of(), Set.of(closing.id())))));
    }
    Bridge b = bridges.get(0);
    return Optional.of(Names.finding(LOOP, msg, List.copyOf(ids), LOOP.explain(),
        Fixes.element("Enable STP on " + b.name(), b.id(), Bridge.class, x -> x.withStp(true))));
  }

  /** Node keys as in Segments: element id, or guest:nic for a NIC; the Internet is not layer 2. */
  private static Optional<String> node(Topology t, Endpoint end) {
    Optional<Element> e = t.element(end.element());
    if (e.isEmpty() || e.get() instanceof Internet) {
      return Optional.empty();
    }
    return Optional.of(e.get() instanceof Guest ? end.toString() : end.element());
  }

  /** The representative of a node's group of joined nodes (union-find with path halving). */
  private static String root(Map<String, String> joined, String node) {
    String at = node;
    String up;
    while ((up = joined.get(at)) != null) {
      String upper = joined.get(up);
      if (upper != null) {
        joined.put(at, upper);
      }
      at = up;
    }
    return at;
  }

  private static List<String> path(Map<String, List<String>> graph, String from, String to) {
    Map<String, String> previous = new HashMap<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    previous.put(from, from);
    while (!todo.isEmpty()) {
      String n = todo.removeFirst();
      if (n.equals(to)) {
        List<String> out = new ArrayList<>();
        for (String at = to; !at.equals(from); at = previous.get(at)) {
          out.add(0, at);
        }
        out.add(0, from);
        return out;
      }
      for (String next : graph.getOrDefault(n, List.of())) {
        if (previous.putIfAbsent(next, n) == null) {
          todo.addLast(next);
        }
      }
    }
    return List.of();
  }
}
