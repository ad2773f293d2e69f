package dev.patchbay.model.importer;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a file's positions without stacking boxes: one node of another tool can become several
 * elements here (a GNS3 cloud becomes an uplink, its bridge and taps) and the importer can only
 * place them near the node, where they may land on each other or on a neighbour. Elements are
 * settled in file order; one that overlaps a settled box moves straight down until it is free, so
 * the file's arrangement stays recognisable.
 */
final class Overlaps {
  /** Space kept between two boxes that had to be moved apart. */
  static final double GAP = 14;

  private record Box(double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w + GAP && o.x < x + w + GAP && y < o.y + o.h + GAP && o.y < y + h + GAP;
    }
  }

  private Overlaps() {}

  /** Moves placed elements off the boxes placed before them; returns how many moved. */
  static int separate(Topology t) {
    List<Box> settled = new ArrayList<>();
    int moved = 0;
    for (Element e : List.copyOf(t.elements())) {
      Point at = t.position(e.id()).orElse(null);
      if (at == null) {
        continue;
      }
      Box box = new Box(at.x(), at.y(), Geometry.width(e), Geometry.height(e));
      Box free = freeBelow(box, settled);
      if (free != box) {
        t.move(e.id(), new Point(free.x(), free.y()));
        moved++;
      }
      settled.add(free);
    }
    return moved;
  }

  private static Box freeBelow(Box box, List<Box> settled) {
    Box b = box;
    for (boolean again = true; again; ) {
      again = false;
      for (Box s : settled) {
        if (b.overlaps(s)) {
          b = new Box(b.x(), s.y() + s.h() + GAP, b.w(), b.h());
          again = true;
        }
      }
    }
    return b;
  }
}
