package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The host settings and tap fields that become commands on the host (ip route, nft, ip tuntap):
 * each has every part its command needs, and names what exists. A rule left half-written in a file
 * would otherwise pass the check and stop the script or the apply halfway.
 */
public final class HostSettingRule implements Rule {
  static final RuleInfo ROUTE = new RuleInfo("route.incomplete", Severity.ERROR,
      "A host route (ip route add DESTINATION via GATEWAY dev INTERFACE) needs a destination and a gateway or an"
          + " interface; an interface it names must be a tap, bridge or uplink of the design.");
  static final RuleInfo NAT = new RuleInfo("nat.incomplete", Severity.ERROR,
      "A masquerade rule (iptables -t nat -A POSTROUTING -o OUT -s SOURCE -j MASQUERADE) needs both its source subnet"
          + " and the interface the traffic leaves by.");
  static final RuleInfo OWNER = new RuleInfo("tap.owner", Severity.ERROR,
      "A tap's owner (ip tuntap add ... user OWNER, tunctl -u) is a local user's name or a numeric uid; anything"
          + " else names nobody and the tap is never made.");

  @Override
  public String id() {
    return "host";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(ROUTE, NAT, OWNER);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return c instanceof TopologyChange.HostChanged || Changes.elementType(c).isPresent();
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    HostSettings host = t.host();
    for (int i = 0; i < host.routes().size(); i++) {
      HostSettings.Route r = host.routes().get(i);
      route(t, i, r).ifPresent(p -> out.add(Names.finding(ROUTE, p.where + ": " + p.problem, p.ids, ROUTE.explain(),
          Fixes.host("Remove the incomplete host route (" + Printable.quoted(r.destination()) + " dev "
              + Printable.quoted(r.device()) + ")", h -> h.withRoutes(h.routes().stream().filter(x -> !x.equals(r)).toList())))));
    }
    for (int i = 0; i < host.nat().size(); i++) {
      nat(t, i, host.nat().get(i)).ifPresent(p -> out.add(finding(NAT, p.where, p.problem, p.ids,
          "Give the rule a source subnet such as 192.168.0.0/24 and the uplink it leaves by.")));
    }
    t.elementsOf(Tap.class).filter(tap -> tap.owner() != null && !tap.owner().matches("[a-z_][a-z0-9_-]{0,31}|\\d{1,9}"))
        .forEach(tap -> out.add(finding(OWNER, Names.of(tap) + ", field owner", Printable.quoted(tap.owner())
            + " is neither a user name nor a uid", List.of(tap.id()), "Set the owner to a local user, such as qemu.")));
    return out;
  }

  private record Problem(String where, String problem, List<String> ids) {}

  private static Optional<Problem> route(Topology t, int i, HostSettings.Route r) {
    String where = "host route " + (i + 1) + " (host.routes[" + i + "]: destination " + Printable.quoted(r.destination())
        + ", via " + Printable.quoted(r.via()) + ", device " + Printable.quoted(r.device()) + ")";
    List<String> ids = known(t, r.device());
    if (blank(r.destination())) {
      return Optional.of(new Problem(where + ", field destination", "the route has no destination", ids));
    }
    if (blank(r.via()) && blank(r.device())) {
      return Optional.of(new Problem(where, "the route has neither a gateway (via) nor an interface (device)", ids));
    }
    if (!blank(r.device()) && t.element(r.device()).filter(Element::isHostInterface).isEmpty()) {
      return Optional.of(new Problem(where + ", field device", "no tap, bridge or uplink of this design has the id "
          + Printable.quoted(r.device()), ids));
    }
    return Optional.empty();
  }

  private static Optional<Problem> nat(Topology t, int i, HostSettings.Nat n) {
    String where = "masquerade rule " + (i + 1) + " (host.nat[" + i + "]: source " + Printable.quoted(n.source())
        + ", out " + Printable.quoted(n.out()) + ")";
    if (blank(n.source())) {
      return Optional.of(new Problem(where + ", field source", "the rule has no source subnet", known(t, n.out())));
    }
    if (blank(n.out())) {
      return Optional.of(new Problem(where + ", field out", "the rule names no interface to leave by", List.of()));
    }
    return Optional.empty();
  }

  /** The id, if an element of the design has it: findings select only what exists. */
  private static List<String> known(Topology t, String id) {
    return id != null && t.contains(id) ? List.of(id) : List.of();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Diagnostic finding(RuleInfo info, String where, String problem, List<String> ids, String fix) {
    return Names.finding(info, where + ": " + problem, ids, info.explain(), fix);
  }
}
