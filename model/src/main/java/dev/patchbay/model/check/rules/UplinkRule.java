package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.Uplink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The host's uplink in a bridge: wireless cannot be bridged; wired moves the host's address (bridged LAN). */
public final class UplinkRule implements Rule {
  static final RuleInfo WIRELESS_BRIDGED = new RuleInfo("uplink.wireless-bridged", Severity.ERROR,
      "A wireless uplink cannot be bridged: \"the access point will ignore packets with MAC addresses which are not"
          + " associated, as those coming from the VM\" (proxy ARP over Wi-Fi). Route instead: give each guest an address of the"
          + " WLAN's subnet, a host route per guest through its tap, proxy_arp on the taps and the uplink, and ip_forward.");
  static final RuleInfo ADDRESS_MOVES = new RuleInfo("bridge.uplink-address-moves", Severity.WARNING,
      "Bridging the uplink (the sample \"Bridged LAN\") moves the host's address from the uplink to the bridge. While"
          + " that happens the host is off the LAN for a moment; over ssh, apply it with a confirm-or-revert timer.");
  static final RuleInfo KEEPS_ADDRESS = new RuleInfo("bridge.uplink-keeps-address", Severity.ERROR,
      "An interface enslaved to a bridge hands every frame to the bridge: an address left on it stops working."
          + " The host's address belongs on the bridge (\"use br0 as the host nic\", the sample \"Bridged LAN\").");
  static final RuleInfo HOST_OFFLINE = new RuleInfo("bridge.host-offline", Severity.WARNING,
      "Once the uplink is enslaved, the host reaches the LAN only through the bridge's address; with none the host"
          + " itself is off the LAN (the guests may still be on it).");

  @Override
  public String id() {
    return "uplink";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(WIRELESS_BRIDGED, ADDRESS_MOVES, KEEPS_ADDRESS, HOST_OFFLINE);
  }

  /** The uplink, the bridge it is enslaved to, and the links between them. */
  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesLinksOr(c, Set.of(Uplink.class, Bridge.class, Lan.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    for (Uplink u : t.elementsOf(Uplink.class).toList()) {
      Optional<Bridge> bridge = bridgeOf(t, u);
      if (bridge.isEmpty()) {
        continue;
      }
      Bridge b = bridge.get();
      List<String> ids = List.of(u.id(), b.id());
      if (u.medium() == Uplink.Medium.WIRELESS) {
        out.add(Names.finding(WIRELESS_BRIDGED, "wireless uplink " + u.name() + " (" + u.id() + ") is enslaved to "
                + Names.of(b), ids, WIRELESS_BRIDGED.explain(),
            "Unlink " + u.name() + " from " + b.name() + " and use the proxy-ARP routed design (proxy ARP over Wi-Fi)."));
        continue;
      }
      boolean ownSubnet = hasOwnSubnet(t, u, b);
      if (!ownSubnet) {
        out.add(Names.finding(ADDRESS_MOVES, "enslaving uplink " + u.name() + " to " + Names.of(b)
                + " moves the host's LAN address to " + b.name() + " and cuts the host's connection for a moment", ids,
            ADDRESS_MOVES.explain(), "Apply with confirm-or-revert when working remotely."));
      }
      if (u.address() != null && !u.address().isBlank()) {
        out.add(Names.finding(KEEPS_ADDRESS, "uplink " + u.name() + " keeps its address " + u.address()
            + " although it is enslaved to " + b.name() + (ownSubnet ? ", which carries the guests' subnet "
            + b.address() : ""), ids, KEEPS_ADDRESS.explain(), ownSubnet ? unlink(u, b) : moveAddress(t, u, b)));
      } else if (b.address() == null || b.address().isBlank()) {
        out.add(Names.finding(HOST_OFFLINE, Names.of(b) + " holds uplink " + u.name() + " but has no address",
            ids, HOST_OFFLINE.explain(), "Give " + b.name() + " the host's LAN address."));
      }
    }
    return out;
  }

  static Optional<Bridge> bridgeOf(Topology t, Uplink u) {
    for (Link l : t.linksOf(u.id())) {
      Optional<Bridge> b = t.element(l.other(u.id()).element()).filter(Bridge.class::isInstance).map(Bridge.class::cast);
      if (b.isPresent()) {
        return b;
      }
    }
    return Optional.empty();
  }

  /**
   * A bridge whose subnet lies apart from the LAN's is the guests' bridge of a routed or NAT design (NAT
   * behind a bridge: br0 192.168.0.1, eth0 10.0.0.10): the uplink does not belong in it, and moving
   * the LAN address there would strand the guests' gateway.
   */
  private static boolean hasOwnSubnet(Topology t, Uplink u, Bridge b) {
    Optional<Cidr> bridge = Cidr.parse(b.address());
    Optional<Cidr> lan = lanOf(t, u);
    return bridge.isPresent() && lan.isPresent() && !lan.get().overlaps(bridge.get());
  }

  /** The LAN's subnet, or the uplink's own when the design draws no LAN. */
  private static Optional<Cidr> lanOf(Topology t, Uplink u) {
    return t.elementsOf(Lan.class).findFirst().flatMap(l -> Cidr.parse(l.subnet())).or(() -> Cidr.parse(u.address()))
        .map(Cidr::network);
  }

  private static dev.patchbay.model.check.Fix unlink(Uplink u, Bridge b) {
    return Fixes.of("Unlink " + u.name() + " from " + b.name(), x -> new RemoveCommand(Set.of(), x.linksOf(u.id())
        .stream().filter(l -> l.other(u.id()).element().equals(b.id())).map(Link::id).collect(Collectors.toSet())));
  }

  private static dev.patchbay.model.check.Fix moveAddress(Topology design, Uplink u, Bridge b) {
    boolean bridgeHasOne = Cidr.parse(b.address()).filter(c -> lanOf(design, u).filter(l -> l.contains(c.address()))
        .isPresent()).isPresent();
    String d = bridgeHasOne ? "Remove " + u.address() + " from " + u.name() + " (" + b.name() + " has the host's LAN address "
        + b.address() + ")" : "Move " + u.address() + " from " + u.name() + " to " + b.name();
    return Fixes.of(d, t -> {
      Uplink now = (Uplink) t.element(u.id()).orElseThrow();
      Bridge br = (Bridge) t.element(b.id()).orElseThrow();
      return new CompoundCommand(d, List.of(new ReplaceElementCommand(now.withAddress(null), d),
          new ReplaceElementCommand(bridgeHasOne ? br : br.withAddress(now.address()), d)));
    });
  }
}
