package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.layout.Geometry.Side;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ports of a device whose wires name no port (a bridge, hub, tap, LAN...): one in the middle of
 * each side some wire leaves from, that wire's side being the one facing its other end
 * ({@link Geometry#facing}); the right one alone while no wire is attached. So every wire ends on a
 * port and no port is drawn that no wire uses. Which side each wire uses outlives a redraw of the node.
 */
final class SidePorts {
  private final Map<String, Side> byLink = new HashMap<>();
  private final Map<Side, PortView> shown = new EnumMap<>(Side.class);

  /** The sides to draw: those in use, or the right one alone. */
  Set<Side> wanted() {
    Set<Side> sides = byLink.isEmpty() ? EnumSet.of(Side.EAST) : EnumSet.copyOf(byLink.values());
    return sides;
  }

  /** Records that the link's wire leaves from {@code side}; true when the set of sides drawn changes. */
  boolean attach(String linkId, Side side) {
    Set<Side> before = wanted();
    Side old = byLink.put(linkId, side);
    return old != side && !before.equals(wanted());
  }

  /** The link is gone; true when the set of sides drawn changes. */
  boolean detach(String linkId) {
    Set<Side> before = wanted();
    return byLink.remove(linkId) != null && !before.equals(wanted());
  }

  /** The port drawn on a side (null when none is). */
  PortView port(Side side) {
    return shown.get(side);
  }

  /** A port on a side of the element, made when that side is first wanted; {@link #shown} keeps it. */
  PortView make(Element e, Side side) {
    Endpoint end = Endpoint.of(e.id());
    PortView p = new PortView(end, side == Side.EAST ? "" : "-" + side.name().toLowerCase(java.util.Locale.ROOT));
    shown.put(side, p);
    return p;
  }

  void forget(Side side) {
    shown.remove(side);
  }

  void clearShown() {
    shown.clear();
  }
}
