package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.KeyedFindings;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.Scope;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Readdress;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Every address field parses, carries a prefix where one matters, and is not a subnet's network or broadcast. */
public final class AddressRule implements Rule {
  static final RuleInfo MALFORMED = new RuleInfo("addr.malformed", Severity.ERROR,
      "IPv4 addresses are four decimal numbers 0-255 (192.168.0.10), subnets add a prefix length (/24). Anything"
          + " else cannot be configured.");
  static final RuleInfo NO_PREFIX = new RuleInfo("addr.no-prefix", Severity.WARNING,
      "An interface address without a prefix length is a /32: the interface has no neighbours on-link, and nothing"
          + " on its segment can be reached without a route. Write it with its netmask, e.g. 192.168.0.10/24.");
  static final RuleInfo NETWORK_OR_BROADCAST = new RuleInfo("addr.network-or-broadcast", Severity.ERROR,
      "The first address of a subnet names the subnet and the last is its broadcast; neither can be an interface's.");

  @Override
  public String id() {
    return "addr";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(MALFORMED, NO_PREFIX, NETWORK_OR_BROADCAST);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return checkKeyed(new Analysis(t)).list();
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    return checkKeyed(design).list();
  }

  /** Each element's fields say all there is about them: an edited guest is checked alone. */
  @Override
  public boolean scopable() {
    return true;
  }

  /** Findings per element, in file order, then the host's. */
  @Override
  public KeyedFindings checkKeyed(Analysis design) {
    KeyedFindings out = new KeyedFindings();
    int i = 0;
    for (Element e : design.topology().elements()) {
      long key = KeyedFindings.key(0, i++);
      element(e).forEach(d -> out.add(key, d));
    }
    List<Diagnostic> host = new ArrayList<>();
    host(host, design.topology().host());
    host.forEach(d -> out.add(KeyedFindings.key(1, 0), d));
    return out;
  }

  @Override
  public KeyedFindings checkScoped(Analysis design, Scope scope, KeyedFindings previous) {
    KeyedFindings fresh = new KeyedFindings();
    List<Long> again = new ArrayList<>();
    for (String id : scope.guests()) {
      long key = KeyedFindings.key(0, design.indexOf(id));
      again.add(key);
      design.topology().element(id).ifPresent(e -> element(e).forEach(d -> fresh.add(key, d)));
    }
    return previous.replacing(again, fresh);
  }

  private List<Diagnostic> element(Element e) {
    List<Diagnostic> out = new ArrayList<>();
    if (e instanceof Guest g) {
      for (Nic n : g.nics()) {
        String where = Names.nic(g, n.name());
        if (n.ip().isStatic()) {
          String nic = n.name();
          iface(out, g.id(), where, n.ip().address(), g.id() + ":" + nic, (x, a) -> {
            Guest now = (Guest) x;
            Nic was = now.nic(nic).orElseThrow();
            return now.withNic(was.withIp(new IpConfig(was.ip().mode(), a, was.ip().gateway(), was.ip().dns())));
          });
          ip(out, g.id(), where + " gateway", n.ip().gateway());
        }
        n.ip().dns().forEach(d -> ip(out, g.id(), where + " DNS server", d));
      }
    } else if (e instanceof Tap tap) {
      iface(out, tap.id(), Names.of(tap), tap.address(), tap.id(), (x, a) -> ((Tap) x).withAddress(a));
    } else if (e instanceof Bridge b) {
      iface(out, b.id(), Names.of(b), b.address(), b.id(), (x, a) -> ((Bridge) x).withAddress(a));
    } else if (e instanceof Uplink u) {
      iface(out, u.id(), Names.of(u), u.address(), u.id(), (x, a) -> ((Uplink) x).withAddress(a));
      ip(out, u.id(), Names.of(u) + " gateway", u.gateway());
      u.dns().forEach(d -> ip(out, u.id(), Names.of(u) + " DNS server", d));
    } else if (e instanceof Lan l) {
      cidr(out, l.id(), Names.of(l) + " subnet", l.subnet());
      ip(out, l.id(), Names.of(l) + " gateway", l.gateway());
      l.routes().forEach(r -> {
        cidr(out, l.id(), Names.of(l) + " route destination", r.destination());
        ip(out, l.id(), Names.of(l) + " route gateway", r.via());
      });
    } else if (e instanceof UserNet u) {
      userNet(out, u);
    }
    return out;
  }

  private void userNet(List<Diagnostic> out, UserNet u) {
    String w = Names.of(u);
    cidr(out, u.id(), w + " net", u.net());
    ip(out, u.id(), w + " host address", u.host());
    ip(out, u.id(), w + " DNS address", u.dns());
    ip(out, u.id(), w + " DHCP start", u.dhcpStart());
    for (HostForward f : u.hostfwd()) {
      ip(out, u.id(), w + " host forward's host address", f.hostAddress());
      ip(out, u.id(), w + " host forward's guest address", f.guestAddress());
    }
  }

  private void host(List<Diagnostic> out, HostSettings h) {
    for (HostSettings.Route r : h.routes()) {
      cidr(out, r.device(), "host route destination", r.destination());
      ip(out, r.device(), "host route gateway", r.via());
    }
    for (HostSettings.Nat n : h.nat()) {
      cidr(out, n.out(), "masquerade source", n.source());
    }
  }

  private void ip(List<Diagnostic> out, String id, String where, String value) {
    if (value != null && !value.isBlank() && Ipv4.parse(value).isEmpty()) {
      out.add(malformed(id, where, value, "an IPv4 address such as 192.168.0.1"));
    }
  }

  private void cidr(List<Diagnostic> out, String id, String where, String value) {
    if (value != null && !value.isBlank() && Cidr.parse(value).isEmpty()) {
      out.add(malformed(id, where, value, "a subnet such as 192.168.0.0/24"));
    }
  }

  /**
   * An interface address: must parse, should carry its prefix, must not be network or broadcast
   * (then a free address of the same subnet is the fix: the user chose the subnet, not the host part).
   *
   * @param what the interface for the fix's words; {@code set} puts a new address into the element
   */
  private void iface(List<Diagnostic> out, String id, String where, String value, String what,
      BiFunction<Element, String, Element> set) {
    if (value == null || value.isBlank()) {
      return;
    }
    var c = Cidr.parse(value);
    if (c.isEmpty()) {
      out.add(malformed(id, where, value, "an address with prefix such as 192.168.0.10/24"));
      return;
    }
    if (!value.contains("/")) {
      out.add(Names.finding(NO_PREFIX, where + " has address " + value + " without a prefix length (taken as /32)",
          ids(id), NO_PREFIX.explain(), "Write it as " + value + "/24 (or whatever the subnet's prefix is)."));
    } else if (c.get().isNetworkOrBroadcast()) {
      out.add(Names.finding(NETWORK_OR_BROADCAST, where + " has " + value + ", the "
              + (c.get().address().equals(c.get().network().address()) ? "network" : "broadcast") + " address of "
              + c.get().network(), ids(id), NETWORK_OR_BROADCAST.explain(),
          Readdress.intoSubnet(id, what, c.get(), set)));
    }
  }

  private Diagnostic malformed(String id, String where, String value, String expected) {
    return Names.finding(MALFORMED, where + ": '" + value + "' is not " + expected, ids(id), MALFORMED.explain(),
        "Correct it to " + expected + ".");
  }

  private static List<String> ids(String id) {
    return id == null ? List.of() : List.of(id);
  }
}
