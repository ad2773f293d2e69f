package dev.patchbay.model.check;

import static dev.patchbay.model.Edits.address;
import static dev.patchbay.model.Edits.change;
import static dev.patchbay.model.Edits.host;

import dev.patchbay.model.Samples;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;

/**
 * Mistakes injected into every sample where they apply, found by reading the sample rather than
 * listed by hand, so a new sample gets them too: two processes with one name, a name with a control
 * character, a guest with the LAN router's address, user net's DHCP start or host outside its net.
 */
final class EverySamplePitfalls {
  private EverySamplePitfalls() {}

  static void add(List<Pitfalls.Case> c) {
    for (String sample : Samples.names()) {
      Topology t = Samples.load(sample);
      sameName(c, sample, t);
      unprintable(c, sample, t);
      lanRouter(c, sample, t);
      userNet(c, sample, t);
    }
  }

  /** Wherever a design runs two processes (guests, VDE switches), the second renamed as the first. */
  private static void sameName(List<Pitfalls.Case> c, String sample, Topology t) {
    List<Element> processes = t.elements().stream().filter(e -> e instanceof Guest || e instanceof VdeSwitch).toList();
    if (processes.size() < 2) {
      return;
    }
    String first = processes.get(0).name();
    String second = processes.get(1).id();
    c.add(new Pitfalls.Case("qemu.name-clash", sample, second, second + " renamed " + first,
        x -> x.replace(x.element(second).orElseThrow().withIdentity(second, first))));
  }

  /** In every sample: a newline in the first element's name, a tab in the first guest's. */
  private static void unprintable(List<Pitfalls.Case> c, String sample, Topology t) {
    Element first = t.elements().iterator().next();
    c.add(new Pitfalls.Case("name.unprintable", sample, first.id(), "a newline in the name of " + first.id(),
        x -> rename(x, first.id(), first.name() + "\nrm -rf /")));
    Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
    if (g != first) {
      c.add(new Pitfalls.Case("name.unprintable", sample, g.id(), "a tab in the name of " + g.id(),
          x -> rename(x, g.id(), "a\tb")));
    }
  }

  private static void rename(Topology t, String id, String name) {
    t.replace(t.element(id).orElseThrow().withIdentity(id, name));
  }

  /**
   * Every static guest whose segment meets the LAN or the host, given the LAN router's address with
   * the LAN's prefix; behind a proxy-ARP tap its host route moves with it, as a user would move it.
   */
  private static void lanRouter(List<Pitfalls.Case> c, String sample, Topology t) {
    Lan lan = t.elementsOf(Lan.class).findFirst().orElse(null);
    if (lan == null) {
      return;
    }
    Layer3 l3 = new Layer3(t);
    String router = lan.gateway();
    String prefix = lan.subnet().substring(lan.subnet().indexOf('/'));
    l3.nics().stream().filter(n -> n.origin() == Layer3.Origin.STATIC && n.address() != null)
        .filter(n -> l3.isLanSegment(n.segment()) || !l3.hostIfsOn(n.segment()).isEmpty())
        .findFirst().ifPresent(n -> {
          String old = n.address().address() + "/32";
          c.add(new Pitfalls.Case("addr.lan-router", sample, n.guest().id(), n.end() + " given the router's "
              + router, x -> {
                address(x, n.guest().id(), n.nic().name(), router + prefix);
                host(x, h -> h.withRoutes(h.routes().stream().map(r -> old.equals(r.destination())
                    ? new HostSettings.Route(router + "/32", r.via(), r.device()) : r).toList()));
              }));
        });
  }

  /** Every user net: a DHCP start outside the net, a host outside it, a DHCP start on the host address. */
  private static void userNet(List<Pitfalls.Case> c, String sample, Topology t) {
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      c.add(new Pitfalls.Case("usernet.outside-net", sample, u.id(), "DHCP start 10.9.9.15 outside " + u.net(),
          x -> change(x, u.id(), UserNet.class, now -> new UserNet(now.id(), now.name(), now.net(), now.host(),
              now.dns(), "10.9.9.15", now.hostfwd()))));
      c.add(new Pitfalls.Case("usernet.outside-net", sample, u.id(), "host 10.9.9.2 outside " + u.net(),
          x -> change(x, u.id(), UserNet.class, now -> new UserNet(now.id(), now.name(), now.net(), "10.9.9.2",
              now.dns(), now.dhcpStart(), now.hostfwd()))));
      c.add(new Pitfalls.Case("usernet.same-address", sample, u.id(), "DHCP start on the host address",
          x -> change(x, u.id(), UserNet.class, now -> new UserNet(now.id(), now.name(), now.net(), now.host(),
              now.dns(), now.host(), now.hostfwd()))));
    }
  }
}
