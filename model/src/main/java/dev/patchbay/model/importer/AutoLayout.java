package dev.patchbay.model.importer;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.EnumMap;
import java.util.Map;

/**
 * Places every element in a column by what it is, left to right the way a frame travels from the
 * host to a guest: host interfaces, shared links (sockets, VDE, user nets), hubs, guests.
 */
public final class AutoLayout {
  private static final double TOP = 80;
  private static final double ROW = 130;

  private AutoLayout() {}

  public static void apply(Topology t) {
    place(t, false);
  }

  /** Places only the elements that have no position yet, below and beside nothing that has one. */
  public static void placeUnplaced(Topology t) {
    place(t, true);
  }

  private static void place(Topology t, boolean onlyUnplaced) {
    double below = onlyUnplaced ? t.layout().values().stream().mapToDouble(p -> p.y() + ROW).max().orElse(0) : 0;
    Map<Integer, Integer> rows = new java.util.HashMap<>();
    for (Element e : t.elements()) {
      if (onlyUnplaced && t.position(e.id()).isPresent()) {
        continue;
      }
      int column = column(e.kind());
      int row = rows.merge(column, 1, Integer::sum) - 1;
      t.move(e.id(), new Point(80 + column * 200.0, Math.max(TOP, below) + row * ROW));
    }
  }

  private static int column(ElementKind kind) {
    Map<ElementKind, Integer> columns = new EnumMap<>(ElementKind.class);
    columns.put(ElementKind.INTERNET, 0);
    columns.put(ElementKind.LAN, 0);
    columns.put(ElementKind.UPLINK, 1);
    columns.put(ElementKind.BRIDGE, 1);
    columns.put(ElementKind.TAP, 1);
    columns.put(ElementKind.VDE, 2);
    columns.put(ElementKind.SOCKET, 2);
    columns.put(ElementKind.USER, 2);
    columns.put(ElementKind.HUB, 3);
    columns.put(ElementKind.GUEST, 4);
    return columns.get(kind);
  }
}
