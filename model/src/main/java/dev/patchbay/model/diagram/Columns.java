package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which column each top-level box goes in, left to right as the classic QEMU notes draw it: the LAN and Internet
 * left of the host, the host, then everything by its distance in links from the host (a guest on a
 * tap next to the host, a guest on a hub behind the hub). Parts that never touch the host start at
 * a guest, so a chain like guest - hub - socket - hub - guest reads left to right.
 */
final class Columns {
  static final String HOST = "\u0000host";

  private Columns() {}

  /** The node a top-level box stands for: host interfaces all belong to the host node. */
  static String node(Element e) {
    return e.isHostInterface() ? HOST : e.id();
  }

  /**
   * Column of every top-level node; the host (if any) is column 0 and LAN/Internet column -1.
   * Parts not linked to the host start right of it, or below it when {@code stackDetached}.
   * When {@code fold}, LAN and Internet stand above the host instead of left of it, a multicast
   * bus stands in its hub's column, and a hub that a socket joins to another hub stands in that
   * hub's column: a chain of guests' hubs (the socket scenario) then runs down the page instead of off its
   * right edge.
   */
  static Map<String, Integer> assign(Topology t, boolean stackDetached, boolean fold) {
    Map<String, List<String>> adj = adjacency(t);
    Map<String, Integer> col = new LinkedHashMap<>();
    Map<String, Element> folding = fold ? foldable(t) : Map.of();
    boolean host = adj.containsKey(HOST);
    if (host) {
      for (Element e : t.elements()) {
        if (outside(e)) {
          col.put(e.id(), fold ? 0 : -1);
        }
      }
      col.put(HOST, 0);
      spread(adj, col, HOST, folding);
    }
    while (col.size() < adj.size()) {
      String start = firstUnplaced(t, adj, col);
      col.put(start, host && !stackDetached ? 1 : 0);
      spread(adj, col, start, folding);
    }
    return col;
  }

  /** Hubs and sockets by id: the elements a chain folds at. */
  private static Map<String, Element> foldable(Topology t) {
    Map<String, Element> out = new LinkedHashMap<>();
    for (Element e : t.elements()) {
      if (e.kind() == ElementKind.HUB || e.kind() == ElementKind.SOCKET) {
        out.put(e.id(), e);
      }
    }
    return out;
  }

  private static boolean outside(Element e) {
    return e.kind() == ElementKind.LAN || e.kind() == ElementKind.INTERNET;
  }

  private static String firstUnplaced(Topology t, Map<String, List<String>> adj, Map<String, Integer> col) {
    for (Element e : t.elements()) {
      if (e.kind() == ElementKind.GUEST && !col.containsKey(e.id())) {
        return e.id();
      }
    }
    return adj.keySet().stream().filter(k -> !col.containsKey(k)).findFirst().orElseThrow();
  }

  private static void spread(Map<String, List<String>> adj, Map<String, Integer> col, String from,
      Map<String, Element> folding) {
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      String n = queue.poll();
      for (String m : adj.get(n)) {
        if (!col.containsKey(m)) {
          col.put(m, col.get(n) + step(adj, col, folding, n, m));
          queue.add(m);
        }
      }
    }
  }

  /**
   * Columns from n to its neighbour m: one, but when folding a multicast bus stands under its
   * hub (its members then sit where the hub's other partners do), and a hub reached through a
   * socket that hangs off another hub goes back to that hub's column.
   */
  private static int step(Map<String, List<String>> adj, Map<String, Integer> col, Map<String, Element> folding,
      String n, String m) {
    if (folding.get(n) instanceof Hub && folding.get(m) instanceof Socket s && !s.transport().pointToPoint()) {
      return 0;
    }
    return foldsBack(adj, col, folding, n, m) ? -1 : 1;
  }

  /** A hub reached through a socket that hangs off another hub goes back to that hub's column. */
  private static boolean foldsBack(Map<String, List<String>> adj, Map<String, Integer> col,
      Map<String, Element> folding, String socket, String hub) {
    if (!(folding.get(socket) instanceof Socket) || !(folding.get(hub) instanceof Hub)) {
      return false;
    }
    int c = col.get(socket);
    return c > 0 && adj.get(socket).stream()
        .anyMatch(o -> folding.get(o) instanceof Hub && Integer.valueOf(c - 1).equals(col.get(o)));
  }

  /** Neighbours of every node, in link order; links inside the host do not count. */
  static Map<String, List<String>> adjacency(Topology t) {
    Map<String, List<String>> adj = new LinkedHashMap<>();
    for (Element e : t.elements()) {
      adj.computeIfAbsent(node(e), k -> new ArrayList<>());
    }
    for (Link l : t.links()) {
      String a = t.element(l.a().element()).map(Columns::node).orElse(null);
      String b = t.element(l.b().element()).map(Columns::node).orElse(null);
      if (a != null && b != null && !a.equals(b)) {
        adj.get(a).add(b);
        adj.get(b).add(a);
      }
    }
    return adj;
  }

  /**
   * In a folded layout, the nodes drawn right under another of their column, by that node: the
   * hubs a socket chains on first, then the multicast bus, so every socket's connect line and
   * the bus's line run down past boxes that have no line on that side.
   */
  static Map<String, List<String>> followers(Topology t, Map<String, Integer> col) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(col.keySet());
    Set<String> taken = new HashSet<>();
    Map<String, List<String>> buses = new LinkedHashMap<>();
    for (Element e : t.elements()) {
      if (!(e instanceof Socket s) || !col.containsKey(s.id())) {
        continue;
      }
      int c = col.get(s.id());
      List<String> hubs = t.linksOf(s.id()).stream().map(l -> l.other(s.id()).element()).distinct()
          .filter(h -> t.element(h).filter(x -> x instanceof Hub).isPresent())
          .filter(h -> col.get(h) != null && col.get(h) == (s.transport().pointToPoint() ? c - 1 : c))
          .sorted(Comparator.comparingInt(order::indexOf)).toList();
      if (s.transport().pointToPoint() && hubs.size() == 2 && taken.add(hubs.get(1))) {
        out.computeIfAbsent(hubs.get(0), k -> new ArrayList<>()).add(hubs.get(1));
      } else if (!s.transport().pointToPoint() && !hubs.isEmpty() && taken.add(s.id())) {
        buses.computeIfAbsent(hubs.get(0), k -> new ArrayList<>()).add(s.id());
      }
    }
    buses.forEach((h, b) -> out.computeIfAbsent(h, k -> new ArrayList<>()).addAll(b));
    return out;
  }

  /** The sockets that chain on a hub drawn under another (see {@link #followers}). */
  static Set<String> chaining(Topology t, Map<String, List<String>> followers) {
    Set<String> following = new HashSet<>();
    followers.values().forEach(following::addAll);
    Set<String> out = new HashSet<>();
    for (Link l : t.links()) {
      for (String[] ends : List.of(new String[] {l.a().element(), l.b().element()},
          new String[] {l.b().element(), l.a().element()})) {
        if (following.contains(ends[0]) && t.element(ends[1]).filter(e -> e instanceof Socket).isPresent()) {
          out.add(ends[1]);
        }
      }
    }
    return out;
  }

  /** Nodes grouped by column, columns in ascending order, nodes in file order. */
  static TreeMap<Integer, List<String>> byColumn(Map<String, Integer> col) {
    TreeMap<Integer, List<String>> out = new TreeMap<>();
    col.forEach((n, c) -> out.computeIfAbsent(c, k -> new ArrayList<>()).add(n));
    return out;
  }
}
