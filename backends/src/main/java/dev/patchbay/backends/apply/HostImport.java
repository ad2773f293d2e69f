package dev.patchbay.backends.apply;

import dev.patchbay.model.importer.AutoLayout;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code patchbay import host}: a topology from what a host (or namespace) holds, read only: taps,
 * bridges and their ports, the uplinks with their address and default gateway (and the LAN behind
 * them), ip_forward, proxy ARP, host routes to taps and bridges, and the NAT of Patchbay's own nft tables.
 * Laid out by {@link AutoLayout}, as every import is.
 */
public final class HostImport {
  private static final Set<String> UPLINK_KINDS = Set.of("veth", "vlan", "bond", "macvlan", "ipvlan");
  private static final Pattern MASQUERADE = Pattern.compile("ip saddr (\\S+) oifname \"([^\"]+)\" masquerade");

  private HostImport() {}

  public static Topology read(Target target, String name) throws IOException {
    LiveState live = LiveStateReader.read(target, Set.of());
    Topology t = new Topology(name, "Imported from " + target.describe() + " by patchbay import host.", null);
    for (LiveState.Link l : live.links()) {
      Optional<String> address = live.addresses().stream().filter(a -> a.device().equals(l.name()))
          .map(LiveState.Address::cidr).findFirst();
      if ("tun".equals(l.kind())) {
        t.add(new Tap(l.name(), l.name(), address.orElse(null), null), null);
      } else if ("bridge".equals(l.kind())) {
        t.add(new Bridge(l.name(), l.name(), address.orElse(null), false), null);
      } else if (isUplink(l)) {
        addUplink(t, live, l, address.orElse(null));
      }
    }
    for (LiveState.Link l : live.links()) {
      if (l.master() != null && t.contains(l.name()) && t.contains(l.master())) {
        t.connect(new Link(t.freshId("l"), new Endpoint(l.name(), null), new Endpoint(l.master(), null)));
      }
    }
    t.setHost(hostSettings(t, live, target));
    AutoLayout.apply(t); // after the settings: the host box's title grows with them
    return t;
  }

  private static boolean isUplink(LiveState.Link l) {
    return !l.name().equals("lo") && (l.kind() == null || UPLINK_KINDS.contains(l.kind()));
  }

  /** The uplink, and when it has a default gateway, the LAN it leads to and the Internet behind that. */
  private static void addUplink(Topology t, LiveState live, LiveState.Link l, String address) {
    // A bridged uplink (the bridged-LAN scenario) lent its address and default route to its bridge.
    String device = l.master() != null ? l.master() : l.name();
    String gateway = live.routes().stream().filter(r -> r.destination().equals("0.0.0.0/0")
        && device.equals(r.device()) && r.via() != null).map(LiveState.Route::via).findFirst().orElse(null);
    String lanAddress = live.addresses().stream().filter(a -> a.device().equals(device))
        .map(LiveState.Address::cidr).findFirst().orElse(null);
    Uplink.Medium medium = l.name().startsWith("wl") ? Uplink.Medium.WIRELESS : Uplink.Medium.WIRED;
    t.add(new Uplink(l.name(), l.name(), medium, address, gateway, List.of()), null);
    if (gateway != null && lanAddress != null && !t.contains("lan")) {
      t.add(new Lan("lan", "LAN", Cidr.of(lanAddress).network().toString(), gateway, List.of()), null);
      t.add(new Internet("internet", "Internet"), null);
      t.connect(new Link(t.freshId("l"), new Endpoint("lan", null), new Endpoint("internet", null)));
      t.connect(new Link(t.freshId("l"), new Endpoint(l.name(), null), new Endpoint("lan", null)));
    }
  }

  private static HostSettings hostSettings(Topology t, LiveState live, Target target) throws IOException {
    List<String> proxyArp = new ArrayList<>();
    for (LiveState.Link l : live.links()) {
      if (t.contains(l.name()) && "1".equals(live.sysctls().get(Planner.proxyArpKey(l.name())))) {
        proxyArp.add(l.name());
      }
    }
    List<HostSettings.Route> routes = new ArrayList<>();
    for (LiveState.Route r : live.routes()) {
      boolean toLabDevice = r.device() != null && t.element(r.device()).filter(e -> e instanceof Tap).isPresent();
      if (toLabDevice && !r.destination().equals("0.0.0.0/0") && !isConnected(live, r)) {
        routes.add(new HostSettings.Route(r.destination(), r.via(), r.device()));
      }
    }
    return HostSettings.none().withIpForward("1".equals(live.sysctls().get(Planner.IP_FORWARD)))
        .withProxyArp(proxyArp).withRoutes(routes).withNat(nat(target, live));
  }

  /** The prefix route the kernel adds for an address: not a route the user set. */
  private static boolean isConnected(LiveState live, LiveState.Route r) {
    return r.via() == null && live.addresses().stream().anyMatch(a -> a.device().equals(r.device())
        && Cidr.of(a.cidr()).network().toString().equals(r.destination()));
  }

  /** The masquerade rules of every Patchbay table (each lab has its own), in the order nft lists the tables. */
  private static List<HostSettings.Nat> nat(Target target, LiveState live) throws IOException {
    List<HostSettings.Nat> out = new ArrayList<>();
    for (String table : live.nftTables()) {
      String[] words = table.split(" ");
      if (words.length != 2 || !words[0].equals("ip") || !Planner.isNatTable(words[1])) {
        continue;
      }
      Matcher m = MASQUERADE.matcher(target.nft(List.of("list", "table", "ip", words[1]), null));
      while (m.find()) {
        HostSettings.Nat rule = new HostSettings.Nat(m.group(1), m.group(2));
        if (!out.contains(rule)) {
          out.add(rule);
        }
      }
    }
    return out;
  }
}
