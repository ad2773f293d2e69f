package dev.patchbay.model.layout;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a laid-out design must look like on the canvas, computed the way the canvas draws it: boxes
 * of {@link Geometry}'s sizes at their positions (top-left corners), the host box around the host
 * interfaces with its title above, a bridge's box around the bridge and the host interfaces linked
 * to it. Each check returns what is wrong (empty when nothing is).
 */
final class LayoutChecks {
  private LayoutChecks() {}

  record Box(String id, double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    boolean contains(Box o) {
      return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
    }
  }

  static Box box(Topology t, Element e) {
    Point p = t.position(e.id()).orElseThrow(() -> new AssertionError(e.id() + " has no position"));
    return new Box(e.id(), p.x(), p.y(), Geometry.width(e), Geometry.height(e));
  }

  /** Pairs of element boxes that overlap (swept by x, so 2,000 boxes take milliseconds). */
  static List<String> overlaps(Topology t) {
    List<Box> boxes = new ArrayList<>(t.elements().stream().map(e -> box(t, e)).toList());
    boxes.sort(Comparator.comparingDouble(Box::x));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      Box a = boxes.get(i);
      for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < a.x() + a.w(); j++) {
        if (a.overlaps(boxes.get(j))) {
          wrong.add(a.id() + " overlaps " + boxes.get(j).id());
        }
      }
    }
    return wrong;
  }

  static Box union(List<Box> boxes, double pad, double top) {
    double minX = boxes.stream().mapToDouble(Box::x).min().orElseThrow();
    double minY = boxes.stream().mapToDouble(Box::y).min().orElseThrow();
    double maxX = boxes.stream().mapToDouble(b -> b.x() + b.w()).max().orElseThrow();
    double maxY = boxes.stream().mapToDouble(b -> b.y() + b.h()).max().orElseThrow();
    return new Box("", minX - pad, minY - top, maxX - minX + 2 * pad, maxY - minY + pad + top);
  }

  /** The host box as the canvas draws it (the settings' height as Geometry estimates it); null if no host interface. */
  static Box hostBox(Topology t) {
    List<Box> members = t.elements().stream().filter(Element::isHostInterface).map(e -> box(t, e)).toList();
    if (members.isEmpty()) {
      return null;
    }
    Box inner = union(members, 0, 0);
    double width = inner.w() + 2 * Geometry.HOST_PAD;
    return union(members, Geometry.HOST_PAD, Geometry.hostHeader(t.host(), width));
  }

  /** Elements that are not host interfaces but overlap the host box, and host interfaces outside it. */
  static List<String> hostBoxIntruders(Topology t) {
    Box host = hostBox(t);
    List<String> wrong = new ArrayList<>();
    if (host == null) {
      return wrong;
    }
    for (Element e : t.elements()) {
      Box b = box(t, e);
      if (e.isHostInterface() && !host.contains(b)) {
        wrong.add("host interface " + e.id() + " outside the host box");
      } else if (!e.isHostInterface() && host.overlaps(b)) {
        wrong.add(e.kind().fileName() + " " + e.id() + " inside the host box");
      }
    }
    return wrong;
  }

  /** Each bridge's box as the canvas draws it, with the ids drawn in it; only bridges with members. */
  static Map<String, List<String>> bridgeGroups(Topology t) {
    Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
    t.elementsOf(Bridge.class).forEach(b -> {
      List<String> ids = new ArrayList<>(List.of(b.id()));
      for (Link l : t.linksOf(b.id())) {
        t.element(l.other(b.id()).element()).filter(Element::isHostInterface).ifPresent(e -> ids.add(e.id()));
      }
      if (ids.size() > 1) {
        groups.put(b.id(), ids);
      }
    });
    return groups;
  }

  static Box bridgeBox(Topology t, List<String> ids) {
    List<Box> members = ids.stream().map(id -> box(t, t.element(id).orElseThrow())).toList();
    return union(members, Geometry.BRIDGE_PAD, Geometry.BRIDGE_PAD);
  }

  /** Elements inside a bridge's box that are not drawn as part of it, and bridge boxes that overlap. */
  static List<String> bridgeBoxIntruders(Topology t) {
    Map<String, List<String>> groups = bridgeGroups(t);
    Map<String, Box> boxes = new java.util.LinkedHashMap<>();
    groups.forEach((b, ids) -> boxes.put(b, bridgeBox(t, ids)));
    List<String> wrong = new ArrayList<>();
    groups.forEach((b, ids) -> {
      for (Element e : t.elements()) {
        if (!ids.contains(e.id()) && boxes.get(b).overlaps(box(t, e))) {
          wrong.add(e.id() + " inside the box of bridge " + b);
        }
      }
      boxes.forEach((other, box) -> {
        if (other.compareTo(b) > 0 && box.overlaps(boxes.get(b))) {
          wrong.add("the boxes of bridges " + b + " and " + other + " overlap");
        }
      });
    });
    return wrong;
  }
}
