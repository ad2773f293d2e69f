package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each box says: the element's name first, then the addresses and MACs a reader needs to
 * follow the classic QEMU notes' instructions (a NIC's address and MAC next to its row, a tap's host address).
 */
final class BoxFactory {
  /** Cells between a container's border and its children: room for one lane of lines each side. */
  static final int PAD = 3;

  private BoxFactory() {}

  /**
   * A box for one element; a box many lines meet (a hub, a switch) gets two rows of border per
   * line, so that each can come in on its own row level with a guest's NIC rows.
   */
  static Box leaf(Element e, int rows, DiagramNames names) {
    if (e instanceof Guest g) {
      return guest(g, names);
    }
    if (e instanceof Socket s && s.transport().pointToPoint()) {
      return socket(s, names);
    }
    List<String> labels = e instanceof Socket s ? socketLines(s, names) : labels(e, names);
    while (meetingPoint(e) && labels.size() < rows) {
      labels.add("");
    }
    return Box.leaf(e.id(), labels);
  }

  /** What an element's box says, one entry per line, for exports that draw their own shapes. */
  static List<String> text(Element e) {
    List<String> out = new ArrayList<>();
    for (String l : rawLines(e)) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return out;
  }

  /**
   * The same lines in a text diagram's terms, unwrapped: the name first as {@code names} shows it
   * (maybe cut, with its mark; even when blank), every other line shown in the charset.
   */
  static List<String> text(Element e, DiagramNames names) {
    List<String> raw = rawLines(e);
    List<String> out = new ArrayList<>(List.of(names.title(e)));
    for (String l : raw.subList(1, raw.size())) {
      if (!l.isBlank()) {
        out.add(names.text(l.strip()));
      }
    }
    return out;
  }

  private static List<String> rawLines(Element e) {
    DiagramNames raw = DiagramNames.raw();
    return e instanceof Bridge br ? bridge(br, List.of(), Map.of(), raw).lines()
        : e instanceof Socket s ? socketLines(s, raw) : leaf(e, 0, raw).lines();
  }

  /** What the host's box says at its bottom: forwarding, NAT, proxy ARP, routes. */
  static List<String> hostText(Topology t) {
    return hostFooter(t, DiagramNames.raw());
  }

  /** The same lines in a text diagram's terms: names as {@code names} shows them, unwrapped. */
  static List<String> hostText(Topology t, DiagramNames names) {
    return hostFooter(t, names).stream().map(names::text).toList();
  }

  /** A box many lines meet at: a hub, a VDE switch, a multicast bus. */
  static boolean meetingPoint(Element e) {
    return e.kind() == ElementKind.HUB || e.kind() == ElementKind.VDE
        || e instanceof Socket s && !s.transport().pointToPoint();
  }

  /** A box's lines: the element's name, then what a reader of the diagram needs of its kind. */
  private static List<String> labels(Element e, DiagramNames names) {
    List<String> out = new ArrayList<>();
    out.add(names.title(e));
    e.accept(new Element.Visitor<Void>() {
      public Void guest(Guest g) {
        return null;
      }

      public Void hub(Hub h) {
        out.add("hub " + h.hubId());
        return null;
      }

      public Void tap(Tap t) {
        addIf(out, "", t.address());
        return null;
      }

      public Void bridge(Bridge b) {
        return null;
      }

      public Void uplink(Uplink u) {
        addIf(out, "", u.address());
        addIf(out, "gw ", u.gateway());
        if (u.medium() == Uplink.Medium.WIRELESS) {
          out.add("(wireless)");
        }
        return null;
      }

      public Void socket(Socket s) {
        return null;
      }

      public Void vdeSwitch(VdeSwitch v) {
        addIf(out, "", v.socketPath());
        if (v.hubMode()) {
          out.add("hub mode");
        }
        return null;
      }

      public Void userNet(UserNet u) {
        BoxFactory.userNet(u, out);
        return null;
      }

      public Void lan(Lan l) {
        addIf(out, "", l.subnet());
        addIf(out, "gw ", l.gateway());
        for (Lan.Route r : l.routes()) {
          out.add("route " + r.destination() + " via " + r.via());
        }
        return null;
      }

      public Void internet(Internet i) {
        return null;
      }
    });
    return rest(out, names);
  }

  private static void userNet(UserNet u, List<String> out) {
    addIf(out, "slirp ", u.net());
    addIf(out, "host ", u.host());
    addIf(out, "dns ", u.dns());
    addIf(out, "dhcp ", u.dhcpStart());
    for (HostForward f : u.hostfwd()) {
      out.add("fwd " + f.toQemu());
    }
  }

  /** The title as it is (already shown and cut), every other line shown and wrapped. */
  private static List<String> rest(List<String> lines, DiagramNames names) {
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    lines.subList(1, lines.size()).forEach(l -> out.addAll(names.lines(l)));
    return out;
  }

  private static void addIf(List<String> out, String prefix, String value) {
    if (value != null && !value.isBlank()) {
      out.add(prefix + value);
    }
  }

  private static Box guest(Guest g, DiagramNames names) {
    List<String> lines = new ArrayList<>();
    lines.add(names.title(g));
    List<Integer> rows = new ArrayList<>();
    for (Nic n : g.nics()) {
      rows.add(lines.size() + 1);
      lines.addAll(names.lines(n.name() + " " + address(n.ip())));
      if (n.mac() != null && !n.mac().isBlank()) {
        lines.add("  " + n.mac());
      }
    }
    Box b = Box.leaf(g.id(), lines);
    for (int i = 0; i < g.nics().size(); i++) {
      b.putPort(g.nics().get(i).name(), rows.get(i));
    }
    return b;
  }

  private static String address(IpConfig ip) {
    return switch (ip.mode()) {
      case STATIC -> ip.address() == null ? "static" : ip.address();
      case DHCP -> "dhcp";
      case NONE -> "";
    };
  }

  private static List<String> socketLines(Socket s, DiagramNames names) {
    List<String> lines = new ArrayList<>();
    lines.add(names.title(s));
    String where = (s.host() == null ? "" : s.host()) + ":" + s.port();
    lines.addAll(names.lines(switch (s.transport()) {
      case SOCKET -> "tcp " + where;
      case STREAM -> "stream " + where;
      case MCAST -> "mcast " + where;
      case DGRAM -> "udp " + where + (s.peerPort() == null ? "" : " / :" + s.peerPort());
    }));
    return lines;
  }

  private static Box socket(Socket s, DiagramNames names) {
    List<String> lines = socketLines(s, names);
    List<Integer> rows = new ArrayList<>();
    for (String side : s.sides()) {
      if (!rows.isEmpty()) {
        // A blank row between the sides: each line can bend right at the box without its '+'
        // standing beside the other line.
        lines.add("");
      }
      rows.add(lines.size() + 1);
      lines.addAll(names.lines(side.length() == 1 ? "side " + side : side));
    }
    Box b = Box.leaf(s.id(), lines);
    for (int i = 0; i < s.sides().size(); i++) {
      b.putPort(s.sides().get(i), rows.get(i));
    }
    return b;
  }

  /** A bridge drawn around its members, its name and address on top (NAT behind a bridge). */
  static Box bridge(Bridge br, List<Box> members, Map<String, Integer> extraAbove, DiagramNames names) {
    List<String> lines = new ArrayList<>();
    lines.add(names.title(br));
    addIf(lines, "", br.address());
    if (br.stp()) {
      lines.add("stp on");
    }
    return container(br.id(), rest(lines, names), List.of(), members, extraAbove);
  }

  /** The host: its interfaces inside, what its kernel does (forwarding, NAT, routes) at the bottom. */
  static Box host(Topology t, List<Box> members, Map<String, Integer> extraAbove, DiagramNames names) {
    List<String> footer = new ArrayList<>();
    hostFooter(t, names).forEach(line -> footer.addAll(names.lines(line)));
    return container(null, List.of("HOST"), footer, members, extraAbove);
  }

  private static List<String> hostFooter(Topology t, DiagramNames names) {
    HostSettings h = t.host();
    List<String> out = new ArrayList<>();
    if (h.ipForward()) {
      out.add("ip_forward on");
    }
    for (HostSettings.Nat n : h.nat()) {
      out.add("NAT " + n.source() + " out " + nameOf(t, n.out(), names));
    }
    if (!h.proxyArp().isEmpty()) {
      out.add("proxy_arp " + String.join(" ", h.proxyArp().stream().map(id -> nameOf(t, id, names)).toList()));
    }
    for (HostSettings.Route r : h.routes()) {
      out.add("route " + r.destination() + (r.via() == null ? "" : " via " + r.via())
          + (r.device() == null ? "" : " dev " + nameOf(t, r.device(), names)));
    }
    return out;
  }

  private static String nameOf(Topology t, String id, DiagramNames names) {
    return t.element(id).map(names::title).orElse(id);
  }

  /**
   * Stacks members one under the other, left-aligned, with a blank row between them and PAD cells
   * to either side so lines can run from a member to the container's border.
   */
  private static Box container(
      String id, List<String> lines, List<String> footer, List<Box> members, Map<String, Integer> extraAbove) {
    Box c = new Box(id, lines, footer, true);
    int inner = Math.max(Box.widest(lines), Box.widest(footer)) + 4;
    int y = lines.size() + 2;
    for (Box m : members) {
      y += extraAbove.getOrDefault(m.elementId(), 0);
      c.add(m);
      m.moveBy(PAD - m.x, y - m.y);
      y += m.h + 1;
      inner = Math.max(inner, m.w + 2 * PAD);
    }
    c.w = inner;
    c.h = members.isEmpty() ? lines.size() + footer.size() + 2 : y + footer.size() + 1;
    return c;
  }
}
