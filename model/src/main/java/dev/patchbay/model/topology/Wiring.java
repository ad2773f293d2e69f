package dev.patchbay.model.topology;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of what may be wired to what, in QEMU's and Linux's terms. Used by the canvas to light
 * up valid targets while dragging, and by the validator to report links that break them.
 */
public final class Wiring {
  private static final Map<PortRole, Set<PortRole>> ALLOWED = Map.ofEntries(
      Map.entry(PortRole.NIC, EnumSet.of(PortRole.HUB, PortRole.TAP, PortRole.SOCKET_SIDE, PortRole.MCAST,
          PortRole.USER, PortRole.VDE)),
      Map.entry(PortRole.HUB, EnumSet.of(PortRole.NIC, PortRole.TAP, PortRole.SOCKET_SIDE, PortRole.MCAST,
          PortRole.USER, PortRole.VDE)),
      Map.entry(PortRole.TAP, EnumSet.of(PortRole.NIC, PortRole.HUB, PortRole.VDE, PortRole.BRIDGE)),
      Map.entry(PortRole.BRIDGE, EnumSet.of(PortRole.TAP, PortRole.UPLINK)),
      Map.entry(PortRole.UPLINK, EnumSet.of(PortRole.BRIDGE, PortRole.LAN)),
      Map.entry(PortRole.SOCKET_SIDE, EnumSet.of(PortRole.NIC, PortRole.HUB)),
      Map.entry(PortRole.MCAST, EnumSet.of(PortRole.NIC, PortRole.HUB)),
      Map.entry(PortRole.VDE, EnumSet.of(PortRole.NIC, PortRole.HUB, PortRole.TAP)),
      Map.entry(PortRole.USER, EnumSet.of(PortRole.NIC, PortRole.HUB)),
      Map.entry(PortRole.LAN, EnumSet.of(PortRole.UPLINK, PortRole.INTERNET)),
      Map.entry(PortRole.INTERNET, EnumSet.of(PortRole.LAN)));

  /** Roles on the QEMU side of a tap: the tap's file descriptor has one holder. */
  private static final Set<PortRole> TAP_HOLDERS = EnumSet.of(PortRole.NIC, PortRole.HUB, PortRole.VDE);

  private Wiring() {}

  /** The role of an endpoint, or a reason why the endpoint names no port. */
  public static Result<PortRole> role(Topology t, Endpoint end) {
    Optional<Element> found = t.element(end.element());
    if (found.isEmpty()) {
      return Result.no("'" + end + "' names no element");
    }
    Element e = found.get();
    if (e instanceof Guest g) {
      if (end.port() == null) {
        return Result.no("a link to guest " + g.name() + " must name one of its NICs (e.g. " + g.id() + ":nic0)");
      }
      return g.nic(end.port()).isPresent()
          ? Result.yes(PortRole.NIC)
          : Result.no("guest " + g.name() + " has no NIC named '" + end.port() + "'");
    }
    if (e instanceof Socket s && s.transport().pointToPoint()) {
      return end.port() != null && s.sides().contains(end.port())
          ? Result.yes(PortRole.SOCKET_SIDE)
          : Result.no("a link to socket " + s.name() + " must name its side: " + String.join(" or ", s.sides()));
    }
    if (end.port() != null) {
      return Result.no(e.kind().label() + " " + e.name() + " has no port named '" + end.port() + "'");
    }
    return Result.yes(switch (e.kind()) {
      case HUB -> PortRole.HUB;
      case TAP -> PortRole.TAP;
      case BRIDGE -> PortRole.BRIDGE;
      case UPLINK -> PortRole.UPLINK;
      case SOCKET -> PortRole.MCAST;
      case VDE -> PortRole.VDE;
      case USER -> PortRole.USER;
      case LAN -> PortRole.LAN;
      case INTERNET -> PortRole.INTERNET;
      case GUEST -> throw new IllegalStateException("handled above");
    });
  }

  /** Whether the two roles may be wired at all, and if not, why in the terms of the classic QEMU notes. */
  public static Optional<String> kindsRefused(PortRole a, PortRole b) {
    if (ALLOWED.get(a).contains(b)) {
      return Optional.empty();
    }
    return Optional.of(explain(a, b));
  }

  private static String explain(PortRole a, PortRole b) {
    Set<PortRole> pair = EnumSet.of(a, b);
    if (a == PortRole.NIC && b == PortRole.NIC) {
      return "two NICs cannot be wired directly: join them with a hub (QEMU's vlan) inside one QEMU process,"
          + " or with a socket link between processes (the sample \"Two guests joined by a socket\")";
    }
    if (pair.contains(PortRole.NIC) && (pair.contains(PortRole.BRIDGE) || pair.contains(PortRole.UPLINK))) {
      return "QEMU cannot hand frames to a host interface directly: a guest reaches the host through a tap"
          + " (NAT behind a bridge: nic0 -> tap0 -> br0), so put a tap between them";
    }
    if (pair.contains(PortRole.HUB) && (pair.contains(PortRole.BRIDGE) || pair.contains(PortRole.UPLINK))) {
      return "a hub reaches the host through a tap (a hub joined to a tap): link hub -> tap -> bridge";
    }
    if (a == PortRole.HUB && b == PortRole.HUB) {
      return "QEMU hubs cannot be plugged into each other; join hubs of two QEMU processes with a socket link";
    }
    if (pair.contains(PortRole.TAP) && pair.size() == 1) {
      return "two taps cannot be wired directly: enslave both to a bridge";
    }
    if (pair.contains(PortRole.LAN) || pair.contains(PortRole.INTERNET)) {
      return "the outside world is reached only through the host's uplink (LAN) and the LAN's gateway (Internet)";
    }
    return "a " + a.words() + " cannot be linked to a " + b.words();
  }

  /**
   * Whether a new link between the two endpoints would be valid given the links already there: the
   * kinds must fit and neither end may be full. Used while dragging a wire.
   */
  public static Optional<String> refuse(Topology t, Endpoint a, Endpoint b) {
    if (a.element().equals(b.element())) {
      return Optional.of("an element cannot be wired to itself");
    }
    Result<PortRole> ra = role(t, a);
    Result<PortRole> rb = role(t, b);
    if (!ra.ok() || !rb.ok()) {
      return Optional.of(ra.ok() ? rb.reason() : ra.reason());
    }
    Optional<String> kinds = kindsRefused(ra.value(), rb.value());
    if (kinds.isPresent()) {
      return kinds;
    }
    Optional<String> full = full(t, a, ra.value(), rb.value());
    return full.isPresent() ? full : full(t, b, rb.value(), ra.value());
  }

  /** Why an endpoint cannot take one more link to a peer of the given role, if it cannot. */
  public static Optional<String> full(Topology t, Endpoint end, PortRole role, PortRole peer) {
    List<Link> at = t.linksAt(end);
    if (at.isEmpty()) {
      return Optional.empty(); // an endpoint with no link takes one of any role (the validator asks per link)
    }
    List<PortRole> peers = new ArrayList<>(at.size());
    for (Link l : at) {
      Result<PortRole> r = role(t, l.a().equals(end) ? l.b() : l.a());
      if (r.ok()) {
        peers.add(r.value());
      }
    }
    String name = t.element(end.element()).map(Element::name).orElse(end.element());
    return switch (role) {
      case NIC -> peers.isEmpty() ? Optional.empty()
          : Optional.of("NIC " + end + " is wired already: a NIC joins exactly one hub, tap, socket, user net or VDE switch");
      case SOCKET_SIDE -> peers.isEmpty() ? Optional.empty()
          : Optional.of("the " + end.port() + " side of socket " + name + " is wired already");
      case USER -> peers.isEmpty() ? Optional.empty()
          : Optional.of("user net " + name + " serves one NIC or hub; put a hub in front to share it (user net on a hub)");
      case TAP -> tapFull(name, peers, peer);
      case UPLINK -> !peers.contains(peer) ? Optional.empty()
          : Optional.of(peer == PortRole.BRIDGE
              ? "uplink " + name + " is enslaved to a bridge already: an interface joins at most one bridge"
              : "uplink " + name + " is on a LAN already: a host interface has one cable");
      case VDE -> peer == PortRole.TAP && peers.contains(PortRole.TAP)
          ? Optional.of("VDE switch " + name + " already has its tap (vde_switch -tap takes one)")
          : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Optional<String> tapFull(String name, List<PortRole> peers, PortRole peer) {
    if (peer == PortRole.BRIDGE && peers.contains(PortRole.BRIDGE)) {
      return Optional.of("tap " + name + " is enslaved to a bridge already: an interface joins at most one bridge");
    }
    if (TAP_HOLDERS.contains(peer) && peers.stream().anyMatch(TAP_HOLDERS::contains)) {
      return Optional.of("tap " + name + " is held by a QEMU NIC, hub or VDE switch already: one process holds a tap");
    }
    return Optional.empty();
  }

  /** A value, or the reason there is none. */
  public record Result<T>(T value, String reason) {
    public static <T> Result<T> yes(T value) {
      return new Result<>(value, null);
    }

    public static <T> Result<T> no(String reason) {
      return new Result<>(null, reason);
    }

    public boolean ok() {
      return reason == null;
    }
  }
}
