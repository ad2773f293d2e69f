package dev.patchbay.model.reach;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Ethernet segments of a design: sets of ports that see each other's frames. Frames cross
 * hubs, bridges, VDE switches, sockets and multicast buses; a tap joins its QEMU-side holder with
 * the bridge it is enslaved to; the uplink joins the real LAN. A guest is not a node (it does not
 * bridge its NICs); each NIC is, named {@code guest:nic}. The Internet is beyond a router and
 * never part of a segment.
 *
 * <p>Nodes are keyed by element id, or by {@code guestId:nicName} for NICs.
 */
public final class Segments {
  /** One Ethernet segment: its nodes in file order. */
  public record Segment(String id, List<String> nodes) {
    /** By id alone (consistent with equals): segments key maps, and hashing every node was costly. */
    @Override
    public int hashCode() {
      return id.hashCode();
    }

    /** The element ids (not NICs) on the segment. */
    public List<String> elementIds() {
      return nodes.stream().filter(n -> n.indexOf(':') < 0).toList();
    }
  }

  private final Map<String, List<String>> adjacency = new LinkedHashMap<>();
  private final Map<String, Segment> segmentOf = new HashMap<>();
  private final List<Segment> segments = new ArrayList<>();
  private final Map<String, Map<String, String>> trees = new HashMap<>();
  private final Map<String, Map<String, List<String>>> paths = new HashMap<>();
  private final Map<String, Integer> fileOrder = new HashMap<>();

  private Segments(Topology t) {
    for (Element e : t.elements()) {
      if (e instanceof Guest g) {
        g.nics().forEach(n -> adjacency.put(g.id() + ":" + n.name(), new ArrayList<>()));
      } else if (!(e instanceof Internet)) {
        adjacency.put(e.id(), new ArrayList<>());
      }
    }
    for (Link l : t.links()) {
      String a = node(t, l.a());
      String b = node(t, l.b());
      if (a != null && b != null && !a.equals(b)) {
        adjacency.get(a).add(b);
        adjacency.get(b).add(a);
      }
    }
    adjacency.keySet().forEach(n -> fileOrder.put(n, fileOrder.size()));
    for (String start : adjacency.keySet()) {
      if (!segmentOf.containsKey(start)) {
        collect(start);
      }
    }
  }

  public static Segments of(Topology t) {
    return new Segments(t);
  }

  /** The node key of an endpoint, or null when it is not on any segment (the Internet, a dangling end). */
  private String node(Topology t, Endpoint end) {
    Optional<Element> e = t.element(end.element());
    if (e.isEmpty() || e.get() instanceof Internet) {
      return null;
    }
    String key = e.get() instanceof Guest ? end.toString() : end.element();
    return adjacency.containsKey(key) ? key : null;
  }

  private void collect(String start) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (seen.add(n)) {
        todo.addAll(adjacency.get(n));
      }
    }
    // File order by index: filtering every node per segment made many small segments quadratic.
    List<String> ordered = seen.stream().sorted(java.util.Comparator.comparing(fileOrder::get)).toList();
    Segment s = new Segment("seg" + segments.size(), ordered);
    segments.add(s);
    ordered.forEach(n -> segmentOf.put(n, s));
  }

  public List<Segment> all() {
    return Collections.unmodifiableList(segments);
  }

  /** The segment of a node (element id or {@code guest:nic}). */
  public Optional<Segment> of(String node) {
    return Optional.ofNullable(segmentOf.get(node));
  }

  public Optional<Segment> of(Endpoint nic) {
    return of(nic.toString());
  }

  public boolean together(String a, String b) {
    Segment s = segmentOf.get(a);
    return s != null && s == segmentOf.get(b);
  }

  /** The nodes a frame crosses from one node to another of the same segment, both included. */
  public List<String> path(String from, String to) {
    // The matrix asks the same few paths (a NIC to its host interface and back) for every pair.
    // Looked up with get, not computeIfAbsent: its lambdas captured both ends on every call.
    Map<String, List<String>> fromHere = paths.get(from);
    if (fromHere == null) {
      fromHere = new HashMap<>();
      paths.put(from, fromHere);
    }
    List<String> p = fromHere.get(to);
    if (p == null) {
      p = walkBack(from, to);
      fromHere.put(to, p);
    }
    return p;
  }

  private List<String> walkBack(String from, String to) {
    Map<String, String> previous = trees.computeIfAbsent(from, this::shortestPathTree);
    if (!previous.containsKey(to)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String at = to; !at.equals(from); at = previous.get(at)) {
      out.add(at);
    }
    out.add(from);
    Collections.reverse(out);
    return Collections.unmodifiableList(out);
  }

  /** Breadth-first from one node: each reachable node's predecessor. Cached, as matrices ask often. */
  private Map<String, String> shortestPathTree(String from) {
    Map<String, String> previous = new HashMap<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    previous.put(from, from);
    while (!todo.isEmpty()) {
      String n = todo.removeFirst();
      for (String next : adjacency.getOrDefault(n, List.of())) {
        if (previous.putIfAbsent(next, n) == null) {
          todo.addLast(next);
        }
      }
    }
    return previous;
  }
}
