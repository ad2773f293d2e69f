package dev.patchbay.model.layout;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The boxes the designer draws, in canvas units, with a position meaning a box's top-left corner:
 * their sizes, where their ports sit, and the host box and bridge boxes drawn around host
 * interfaces. The one definition the designer's views and the automatic layout share, so a layout
 * leaves exactly the room the canvas needs.
 */
public final class Geometry {
  public static final double DEVICE_WIDTH = 136;
  public static final double DEVICE_HEIGHT = 56;
  public static final double GUEST_WIDTH = 180;
  public static final double GUEST_HEADER = 34;
  public static final double NIC_ROW = 30;
  /** The host box reaches this far beyond its interfaces on every side (below its title). */
  public static final double HOST_PAD = 22;
  /** The host box's title line ("HOST") above the settings line. */
  public static final double HOST_TITLE = 34;
  /** A bridge box reaches this far beyond the bridge and the interfaces enslaved to it. */
  public static final double BRIDGE_PAD = 10;
  /** The settings line's font (11 px): a generous average glyph width and a line's height. */
  private static final double SETTINGS_CHAR = 7;
  private static final double SETTINGS_LINE = 15;
  /** The settings label's width is the host box's less this (its left and right insets). */
  private static final double SETTINGS_INSET = 24;

  private Geometry() {}

  /**
   * Which side of its box a port is on. Guests take wires on the left; a device has a port in the
   * middle of each side and a wire takes the one facing its other end (the layout uses left and right).
   */
  public enum Side { WEST, EAST, NORTH, SOUTH }

  /** A rectangle in canvas units (a box, or a port as a box of no size). */
  public record Area(double x, double y, double w, double h) {
    public double centreX() {
      return x + w / 2;
    }

    public double centreY() {
      return y + h / 2;
    }
  }

  /** A place on a box, relative to its top-left corner, and the side of the box it is on. */
  public record Port(double x, double y, Side side) {}

  /** A box's width: the kind's least width, grown so its name and its detail or addresses fit (see {@link TextWidths}). */
  public static double width(Element e) {
    return e instanceof Guest g ? TextWidths.guestWidth(g) : TextWidths.deviceWidth(e);
  }

  public static double height(Element e) {
    if (e instanceof Guest g) {
      return GUEST_HEADER + NIC_ROW * Math.max(1, g.nics().size()) + 6;
    }
    return DEVICE_HEIGHT;
  }

  /** Where NIC number {@code index} of a guest has its port: on the left edge, in the middle of its row. */
  public static Port nicPort(int index) {
    return new Port(0, GUEST_HEADER + 3 + index * NIC_ROW + NIC_ROW / 2, Side.WEST);
  }

  /**
   * The port a named endpoint has on its box: a guest's NIC (left edge, its row) or a
   * point-to-point socket's side (the first side left, the second right); null when the element
   * has no such named port.
   */
  public static Port namedPort(Element e, String port) {
    if (e instanceof Guest g) {
      for (int i = 0; i < g.nics().size(); i++) {
        if (g.nics().get(i).name().equals(port)) {
          return nicPort(i);
        }
      }
      return null;
    }
    if (e instanceof Socket s && s.transport().pointToPoint()) {
      int side = s.sides().indexOf(port);
      return side < 0 ? null : side == 0 ? west(e) : east(e);
    }
    return null;
  }

  /** The middle of a box's left edge. */
  public static Port west(Element e) {
    return new Port(0, height(e) / 2, Side.WEST);
  }

  /** The middle of a box's right edge, where a device draws its port when no wire uses another. */
  public static Port east(Element e) {
    return new Port(width(e), height(e) / 2, Side.EAST);
  }

  /** The port in the middle of the given side of a device's box. */
  public static Port side(Element e, Side side) {
    return switch (side) {
      case WEST -> west(e);
      case EAST -> east(e);
      case NORTH -> new Port(width(e) / 2, 0, Side.NORTH);
      case SOUTH -> new Port(width(e) / 2, height(e), Side.SOUTH);
    };
  }

  /**
   * The side of box {@code self} that faces {@code other} (another box, or a port as a box of no
   * size): left or right where the gap between them is at least as wide as it is tall, else top or
   * bottom. Symmetric, so the two ends of a wire between devices take facing sides.
   */
  public static Side facing(Area self, Area other) {
    return facing(self, other, null);
  }

  /**
   * The side facing a port that is itself on the side {@code otherSide} of its box (null: a box):
   * a guest's NIC port, on its box's left, is met from the right side of a device left of it,
   * so the wire comes into the port the way the port faces.
   */
  public static Side facing(Area self, Area other, Side otherSide) {
    if (otherSide == Side.WEST && other.x() >= self.x() + self.w()) {
      return Side.EAST;
    }
    if (otherSide == Side.EAST && other.x() + other.w() <= self.x()) {
      return Side.WEST;
    }
    double gapX = Math.max(other.x() - (self.x() + self.w()), self.x() - (other.x() + other.w()));
    double gapY = Math.max(other.y() - (self.y() + self.h()), self.y() - (other.y() + other.h()));
    if (gapX >= gapY) {
      return other.centreX() >= self.centreX() ? Side.EAST : Side.WEST;
    }
    return other.centreY() >= self.centreY() ? Side.SOUTH : Side.NORTH;
  }

  /** The port an endpoint names if it names one (see {@link #namedPort}); else null. */
  public static Port namedPort(Element e, Endpoint end) {
    return end.port() == null ? null : namedPort(e, end.port());
  }

  /** The host's settings as its box shows them under the title. */
  public static String hostSummary(HostSettings h) {
    List<String> parts = new ArrayList<>();
    parts.add(h.ipForward() ? "forwarding on" : "forwarding off");
    h.nat().forEach(n -> parts.add("NAT " + n.source() + " -> " + n.out()));
    if (!h.proxyArp().isEmpty()) {
      parts.add("proxy ARP on " + String.join(", ", h.proxyArp()));
    }
    if (!h.routes().isEmpty()) {
      parts.add(h.routes().size() + " route(s)");
    }
    return String.join("  ·  ", parts);
  }

  /**
   * How far the host box reaches above its topmost interface for a box this wide: the padding,
   * the title and the settings wrapped to the box. An estimate with generous glyphs: the canvas
   * measures the real text, which is no taller than this.
   */
  public static double hostHeader(HostSettings h, double boxWidth) {
    double perLine = Math.max(SETTINGS_CHAR, boxWidth - SETTINGS_INSET);
    int lines = (int) Math.ceil(hostSummary(h).length() * SETTINGS_CHAR * 1.15 / perLine);
    return HOST_PAD + HOST_TITLE + Math.max(1, lines) * SETTINGS_LINE;
  }
}
