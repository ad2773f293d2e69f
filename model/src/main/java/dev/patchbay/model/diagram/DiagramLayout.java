package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Places the boxes of a topology on a character grid: columns from {@link Columns}, and within a
 * column each box moved to the row of the neighbour it links to on its left, so that most links
 * come out as straight lines. Pure computation; the result is routed by {@link Router}.
 */
public final class DiagramLayout {
  static final int VGAP = 1;
  static final int MIN_GAP = 3;
  static final int MAX_GAP = 12;
  static final int MAX_ROUNDS = 200;
  /** Most rows a hub, switch or bus grows to meet a partner's row (see {@link #growBoxes}). */
  static final int MAX_GROWTH = 3;

  private final Topology topology;
  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final Map<String, Box> nodes = new LinkedHashMap<>();
  private final Map<String, String> enslavedTo = new HashMap<>();
  private final Map<String, Integer> extraAbove;
  private final Graph graph;
  private final Map<String, Integer> minRows;
  private DiagramNames names = DiagramNames.raw();
  private Map<String, List<String>> followers = Map.of();
  private Set<String> chaining = Set.of();
  private Set<String> following = Set.of();
  private Map<String, Integer> column;
  private TreeMap<Integer, List<String>> cols;

  private DiagramLayout(Topology topology, Graph graph, Map<String, Integer> extraAbove, Map<String, Integer> minRows) {
    this.topology = topology;
    this.graph = graph;
    this.extraAbove = extraAbove;
    this.minRows = minRows;
  }

  /** Inner rows of a box: a hub, switch or bus gets two per link, or more to reach its partners. */
  private int rows(Element e) {
    return Math.max(2 * graph.degree().getOrDefault(e.id(), 0) - 1, minRows.getOrDefault(e.id(), 0));
  }

  /**
   * A hub a partner's row misses by a little grows that little, so the line comes in straight
   * rather than with a jog. Only a little: a hub stretched down the whole column of its guests
   * fills the page with rows holding nothing but its two sides. Each box grows once.
   */
  private boolean growBoxes() {
    boolean grew = false;
    for (Element e : topology.elements()) {
      Box b = boxes.get(e.id());
      if (!BoxFactory.meetingPoint(e) || minRows.containsKey(e.id())) {
        continue;
      }
      int lowest = b.y;
      for (Endpoint[] pair : graph.of(e.id())) {
        lowest = Math.max(lowest, row(pair[1]));
      }
      int need = lowest - (b.bottom() - 1);
      if (need > 0 && need <= MAX_GROWTH) {
        minRows.put(e.id(), b.h - 2 + need);
        grew = true;
      }
    }
    return grew;
  }

  /**
   * The placed boxes; {@code squeeze} removes that many cells from every gap between columns and
   * {@code stackDetached} puts parts not linked to the host under it instead of right of it.
   */
  public static Placement place(Topology t, int squeeze, boolean stackDetached) {
    return rows(t, stackDetached, false, DiagramNames.raw()).columns(squeeze);
  }

  /**
   * Boxes with their rows settled; {@link #columns} then spaces the columns out. {@code fold}
   * trades width for height (see {@link Columns#assign}).
   */
  static DiagramLayout rows(Topology t, boolean stackDetached, boolean fold, DiagramNames names) {
    Map<String, Integer> extraAbove = new HashMap<>();
    Map<String, Integer> minRows = new HashMap<>();
    Map<String, Integer> column = Columns.assign(t, stackDetached, fold);
    Graph graph = Graph.of(t);
    Map<String, List<String>> followers = fold ? Columns.followers(t, column) : Map.of();
    Set<String> chaining = Columns.chaining(t, followers);
    Set<String> following = new java.util.HashSet<>();
    followers.values().forEach(following::addAll);
    DiagramLayout l;
    int rounds = 0;
    do {
      l = new DiagramLayout(t, graph, extraAbove, minRows);
      l.names = names;
      l.followers = followers;
      l.chaining = chaining;
      l.following = following;
      l.column = column;
      l.cols = Columns.byColumn(column);
      l.build();
      l.placeRows(l.cols);
    } while (rounds++ < MAX_ROUNDS && l.lowerBoxes() | l.growBoxes());
    return l;
  }

  /** Puts the columns side by side, {@code squeeze} cells closer than their natural gaps. */
  Placement columns(int squeeze) {
    placeColumns(cols, squeeze);
    return new Placement(List.copyOf(nodes.values()), Map.copyOf(boxes), enslavedTo);
  }

  /**
   * Boxes are stacked tightly, while what they link to on their right may be taller (guests under a
   * tap or a hub), so a partner ends up lower and the line between them needs two bends. Moving a
   * box down to the row of its nearest right-hand partner below it keeps that line straight (a box
   * already level with one partner stays). One box per column
   * moves per round, the highest, as each move shifts the boxes under it; a box moves only once,
   * which keeps boxes that pull on each other from walking down the page. Host interfaces move
   * inside the host. Returns false when nothing needs moving.
   */
  private boolean lowerBoxes() {
    Map<Integer, String> pick = new HashMap<>();
    Map<String, Integer> rowOf = new HashMap<>();
    Map<String, Integer> deltaOf = new TreeMap<>();
    for (Link l : topology.links()) {
      for (boolean aSide : new boolean[] {true, false}) {
        Endpoint mine = aSide ? l.a() : l.b();
        Endpoint other = aSide ? l.b() : l.a();
        Integer c = column.get(nodeOf(mine));
        if (c == null || c < 0 || !Integer.valueOf(c + 1).equals(column.get(nodeOf(other)))) {
          continue;
        }
        String key = Columns.HOST.equals(nodeOf(mine)) ? mine.element() : nodeOf(mine);
        int delta = row(other) - row(mine);
        rowOf.put(key, row(mine));
        if (delta == 0) {
          deltaOf.put(key, 0);
        } else if (delta > 0) {
          deltaOf.merge(key, delta, Math::min);
        }
      }
    }
    deltaOf.forEach((key, delta) -> {
      int c = column.get(nodeOf(Endpoint.of(key)));
      String current = pick.get(c);
      boolean once = !extraAbove.containsKey(key);
      boolean higher = current == null || rowOf.get(key) < rowOf.get(current)
          || rowOf.get(key).equals(rowOf.get(current)) && key.compareTo(current) < 0;
      if (delta > 0 && once && higher) {
        pick.put(c, key);
      }
    });
    pick.values().forEach(key -> extraAbove.merge(key, deltaOf.get(key), Integer::sum));
    return !pick.isEmpty();
  }

  /**
   * The links as seen from each top-level node, {mine, other} in link order, and each element's
   * node and link count: computed once per layout, read by every round.
   */
  private record Graph(Map<String, List<Endpoint[]>> ends, Map<String, String> nodeOf, Map<String, Integer> degree) {
    static Graph of(Topology t) {
      Map<String, String> nodeOf = new HashMap<>();
      t.elements().forEach(e -> nodeOf.put(e.id(), Columns.node(e)));
      Map<String, List<Endpoint[]>> ends = new HashMap<>();
      Map<String, Integer> degree = new HashMap<>();
      for (Link l : t.links()) {
        for (Endpoint[] pair : List.of(new Endpoint[] {l.a(), l.b()}, new Endpoint[] {l.b(), l.a()})) {
          String node = nodeOf.getOrDefault(pair[0].element(), pair[0].element());
          ends.computeIfAbsent(node, k -> new ArrayList<>()).add(pair);
          degree.merge(pair[0].element(), 1, Integer::sum);
        }
      }
      return new Graph(ends, nodeOf, degree);
    }

    List<Endpoint[]> of(String node) {
      return ends.getOrDefault(node, List.of());
    }
  }

  /** Top-level boxes, every element's box, and which host interfaces sit inside which bridge. */
  public record Placement(List<Box> topLevel, Map<String, Box> byElement, Map<String, String> enslavedTo) {
    /** True when the link is drawn by nesting (a tap inside its bridge) rather than by a line. */
    public boolean drawnByNesting(Link l) {
      return l.b().element().equals(enslavedTo.get(l.a().element()))
          || l.a().element().equals(enslavedTo.get(l.b().element()));
    }
  }

  private void build() {
    for (Link l : topology.links()) {
      enslave(l.a(), l.b());
      enslave(l.b(), l.a());
    }
    for (Element e : topology.elements()) {
      if (!e.isHostInterface()) {
        Box b = BoxFactory.leaf(e, rows(e), names);
        if (e.kind() == ElementKind.HUB && following.contains(e.id())) {
          // The connect line from the hub above comes in level with the title: partners go lower.
          b.anchorAt(2);
        }
        boxes.put(e.id(), b);
        nodes.put(e.id(), b);
      }
    }
    List<Box> hostMembers = new ArrayList<>();
    addHostMembers(ElementKind.UPLINK, hostMembers);
    addHostMembers(ElementKind.BRIDGE, hostMembers);
    addHostMembers(ElementKind.TAP, hostMembers);
    if (!hostMembers.isEmpty()) {
      Box host = BoxFactory.host(topology, hostMembers, extraAbove, names);
      nodes.put(Columns.HOST, host);
    }
  }

  private void enslave(Endpoint member, Endpoint bridge) {
    Element m = topology.element(member.element()).orElse(null);
    Element b = topology.element(bridge.element()).orElse(null);
    if (m != null && b instanceof Bridge && (m.kind() == ElementKind.TAP || m.kind() == ElementKind.UPLINK)) {
      enslavedTo.putIfAbsent(m.id(), b.id());
    }
  }

  private void addHostMembers(ElementKind kind, List<Box> out) {
    for (Element e : topology.elements()) {
      if (e.kind() != kind || enslavedTo.containsKey(e.id())) {
        continue;
      }
      Box b = e instanceof Bridge br ? BoxFactory.bridge(br, membersOf(br), extraAbove, names) : BoxFactory.leaf(e, rows(e), names);
      boxes.put(e.id(), b);
      out.add(b);
    }
  }

  private List<Box> membersOf(Bridge br) {
    List<Box> members = new ArrayList<>();
    for (ElementKind kind : List.of(ElementKind.UPLINK, ElementKind.TAP)) {
      for (Element e : topology.elements()) {
        if (e.kind() == kind && br.id().equals(enslavedTo.get(e.id()))) {
          Box b = BoxFactory.leaf(e, rows(e), names);
          boxes.put(e.id(), b);
          members.add(b);
        }
      }
    }
    return members;
  }

  // ---- rows ------------------------------------------------------------------------------------

  /** Host first, then the columns right of it left to right, then the columns left of it. */
  private void placeRows(TreeMap<Integer, List<String>> cols) {
    List<Integer> order = new ArrayList<>(cols.keySet());
    order.sort(Comparator.comparingInt(c -> c < 0 ? 1000 - c : c));
    Map<String, Integer> placedAt = new HashMap<>();
    for (int c : order) {
      placeColumn(cols.get(c), placedAt);
    }
  }

  private void placeColumn(List<String> col, Map<String, Integer> placed) {
    Map<String, Integer> desired = new LinkedHashMap<>();
    List<String> leaders = col.stream().filter(n -> !following.contains(n)).toList();
    for (String n : leaders) {
      desired.put(n, desiredTop(n, placed));
    }
    for (String n : leaders) {
      if (desired.get(n) == null) {
        desired.put(n, aboveSameColumnNeighbour(n, col, desired));
      }
    }
    List<String> sorted = new ArrayList<>(leaders);
    sorted.sort(Comparator.comparingLong(n -> desired.get(n) == null ? Long.MAX_VALUE : sortKey(n, desired.get(n))));
    List<String> order = new ArrayList<>();
    sorted.forEach(n -> withFollowers(n, col, order));
    int floor = Integer.MIN_VALUE;
    for (String n : order) {
      Box b = nodes.get(n);
      Integer want = desired.get(n);
      int extra = Columns.HOST.equals(n) ? 0 : extraAbove.getOrDefault(n, 0);
      int top = (want == null ? (floor == Integer.MIN_VALUE ? 0 : floor) : Math.max(want, floor)) + extra;
      b.moveBy(0, top - b.y);
      placed.put(n, top);
      floor = b.bottom() + 1 + VGAP;
    }
  }

  /**
   * Boxes go down a column in the order of their tops; in a folded layout a socket that chains a
   * hub on goes below its hub's other partners instead, so its connect line runs down to the
   * next hub without crossing their lines.
   */
  private long sortKey(String n, int top) {
    if (!chaining.contains(n)) {
      return 2L * top;
    }
    Box b = nodes.get(n);
    return 2L * (top + b.h) + 1;
  }

  /** The node, then the nodes drawn right under it (see {@link Columns#followers}), depth first. */
  private void withFollowers(String n, List<String> col, List<String> order) {
    if (order.contains(n)) {
      return;
    }
    order.add(n);
    for (String f : followers.getOrDefault(n, List.of())) {
      if (col.contains(f)) {
        withFollowers(f, col, order);
      }
    }
  }

  /** The top at which this box's attachment row meets the row of its first placed neighbour. */
  private Integer desiredTop(String node, Map<String, Integer> placed) {
    for (Endpoint[] pair : graph.of(node)) {
      Endpoint mine = pair[0];
      Endpoint other = pair[1];
      if (!placed.containsKey(nodeOf(other)) || nodeOf(other).equals(node)) {
        continue;
      }
      Box ob = boxes.get(other.element());
      int row = ob.y + ob.anchorRow(other.port());
      return row - boxes.get(mine.element()).anchorRow(mine.port()) - relTop(mine.element(), node);
    }
    return null;
  }

  /** Offset of an element's box below the top of its top-level box (non-zero inside the host). */
  private int relTop(String elementId, String node) {
    return boxes.get(elementId).y - nodes.get(node).y;
  }

  /** An Internet above its LAN: linked to a box in its own column that already has a row. */
  private Integer aboveSameColumnNeighbour(String n, List<String> col, Map<String, Integer> desired) {
    for (Link l : topology.linksOf(n)) {
      String other = l.other(n).element();
      if (col.contains(other) && desired.get(other) != null) {
        return desired.get(other) - nodes.get(n).h - 2;
      }
    }
    return null;
  }

  private String nodeOf(Endpoint e) {
    return graph.nodeOf().getOrDefault(e.element(), e.element());
  }

  // ---- columns ---------------------------------------------------------------------------------

  private void placeColumns(TreeMap<Integer, List<String>> cols, int squeeze) {
    int x = 0;
    Integer prev = null;
    for (Map.Entry<Integer, List<String>> c : cols.entrySet()) {
      if (prev != null) {
        int gap = gap(prev, c.getKey());
        // A line running down between two columns needs a cell clear of both borders.
        x += Math.max(gap > 6 ? MIN_GAP : MIN_GAP - 1, gap - squeeze);
      }
      int width = 0;
      for (String n : c.getValue()) {
        Box b = nodes.get(n);
        b.moveBy(x - b.x, 0);
        width = Math.max(width, b.w);
      }
      x += width;
      prev = c.getKey();
    }
  }

  /** Room between two columns: more when links between them need a vertical run. */
  private int gap(int left, int right) {
    int jogs = 0;
    for (Link l : topology.links()) {
      String a = nodeOf(l.a());
      String b = nodeOf(l.b());
      Integer ca = column.get(a);
      Integer cb = column.get(b);
      boolean between = ca != null && cb != null && Math.min(ca, cb) <= left && Math.max(ca, cb) >= right;
      if (between && !a.equals(b) && row(l.a()) != row(l.b())) {
        jogs++;
      }
    }
    return Math.min(MAX_GAP, 6 + 2 * jogs);
  }

  private int row(Endpoint e) {
    Box b = boxes.get(e.element());
    return b.y + b.anchorRow(e.port());
  }
}
