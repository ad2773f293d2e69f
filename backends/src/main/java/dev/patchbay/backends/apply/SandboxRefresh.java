package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.Link;
import dev.patchbay.backends.netlink.Route;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A re-apply of a lab that is up in a sandbox: the host namespace goes through the plan's diff like
 * any target, but the LAN and Internet namespaces were built once, by {@link Sandbox#build}, from the
 * design as it was. What an edit can change there follows here: the LAN's routes back to guest
 * subnets (the routed scenarios' "route back on the LAN router", the setting users toggle most) are added and
 * removed to match, and a multicast bus on lo is added when the edit brings the first mcast socket.
 * An edit of the uplinks themselves (one added, renamed) cannot be followed without rebuilding the
 * sandbox: it is refused before anything changes, saying to take the lab down first.
 */
final class SandboxRefresh {
  private static final Logger LOG = Logger.getLogger(SandboxRefresh.class.getName());

  private SandboxRefresh() {}

  /** Refuses an edit whose uplinks the sandbox was not built with; changes nothing. */
  static void checkUplinks(String lab, Topology t) throws IOException {
    try (Target host = Target.namespace(Sandbox.host(lab))) {
      Set<String> present = new LinkedHashSet<>(host.rt().links().stream().map(Link::name).toList());
      List<String> missing = t.elementsOf(Uplink.class).map(Uplink::name).filter(n -> !present.contains(n)).toList();
      if (!missing.isEmpty()) {
        throw new IOException("lab " + lab + "'s sandbox was built without uplink " + String.join(", ", missing)
            + ": a sandbox's uplinks are fixed when it is made; patchbay down " + lab + ", then up again");
      }
    }
  }

  /** The LAN's gateway routes and the host's multicast bus as the edited design has them; what was done, in words. */
  static List<String> follow(String lab, Topology t) throws IOException {
    List<String> done = new ArrayList<>(lanRoutes(lab, t));
    try (Target host = Target.namespace(Sandbox.host(lab))) {
      if (Sandbox.needsLoopbackMulticast(t, host.rt().routes())) {
        host.rt().change(dev.patchbay.backends.netlink.SetLink.named("lo").multicast(true));
        host.rt().addRoute(Cidr.of(Sandbox.MULTICAST), null, "lo");
        done.add("sandbox host: multicast bus on lo");
      }
    }
    return done;
  }

  /** Every route with a gateway in the LAN namespace is one of the Lan element's routes back. */
  private static List<String> lanRoutes(String lab, Topology t) throws IOException {
    Set<RouteBack> wanted = wanted(t);
    List<String> done = new ArrayList<>();
    try (Target lan = Target.namespace(Sandbox.lan(lab))) {
      Set<RouteBack> present = new LinkedHashSet<>();
      for (Route r : lan.rt().routes()) {
        if (r.gateway().isPresent()) {
          present.add(new RouteBack(r.destination().network(), r.gateway().get()));
        }
      }
      for (RouteBack r : present) {
        if (!wanted.contains(r)) {
          lan.rt().deleteRoute(r.destination(), r.via(), null);
          done.add("sandbox LAN: removed route " + r);
        }
      }
      for (RouteBack r : wanted) {
        if (!present.contains(r)) {
          try {
            lan.rt().addRoute(r.destination(), r.via(), null);
            done.add("sandbox LAN: added route " + r);
          } catch (IOException e) {
            // as when the sandbox is built: a gateway outside the LAN's subnets only leaves the route out
            LOG.warning("sandbox LAN route " + r + ": " + e.getMessage());
          }
        }
      }
    }
    return done;
  }

  static Set<RouteBack> wanted(Topology t) {
    Set<RouteBack> wanted = new LinkedHashSet<>();
    t.elementsOf(Lan.class).findFirst().ifPresent(l -> l.routes().forEach(r -> {
      Optional<Cidr> to = Cidr.parse(r.destination());
      Optional<Ipv4> via = Ipv4.parse(r.via() == null ? "" : r.via());
      if (to.isPresent() && via.isPresent()) {
        wanted.add(new RouteBack(to.get().network(), via.get()));
      }
    }));
    return wanted;
  }

  record RouteBack(Cidr destination, Ipv4 via) {
    @Override
    public String toString() {
      return destination + " via " + via;
    }
  }
}
