package dev.patchbay.model.plan;

import dev.patchbay.model.net.Cidr;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plain snapshot of what a host (or a network namespace) holds, as far as plans care: links,
 * addresses, routes, sysctls, nft tables and the guests Patchbay started. Whoever reads the host
 * (netlink, {@code ip -j}, a test) fills it; the planner only compares against it.
 *
 * @param sysctls values by dotted key (net.ipv4.ip_forward, net.ipv4.conf.tap1.proxy_arp)
 * @param nftTables tables present, as "family name" (e.g. "ip patchbay")
 * @param processes names of the processes Patchbay started that still run: guests and VDE switches,
 *     by element name
 */
public record LiveState(
    List<Link> links, List<Address> addresses, List<Route> routes, Map<String, String> sysctls,
    Set<String> nftTables, Set<String> processes) {

  /**
   * One network interface.
   *
   * @param kind the kernel's link kind: tun, bridge, veth, dummy, ... (null for a plain device)
   * @param master the bridge it is enslaved to, or null
   * @param up whether the interface is administratively up (IFF_UP), not whether it has a carrier
   * @param alias the interface's alias text, or null
   */
  public record Link(String name, String kind, String master, boolean up, String alias) {}

  /** An IPv4 address on an interface, CIDR form. */
  public record Address(String device, String cidr) {}

  /** A route in the main table: destination CIDR ("0.0.0.0/0" for default), gateway or null, device. */
  public record Route(String destination, String via, String device) {}

  public LiveState {
    links = List.copyOf(links);
    addresses = List.copyOf(addresses);
    routes = List.copyOf(routes);
    sysctls = Map.copyOf(sysctls);
    nftTables = Set.copyOf(nftTables);
    processes = Set.copyOf(processes);
  }

  /** A host with nothing on it: every step of a plan is still needed. */
  public static LiveState empty() {
    return new LiveState(List.of(), List.of(), List.of(), Map.of(), Set.of(), Set.of());
  }

  public Optional<Link> link(String name) {
    return links.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  public boolean hasAddress(String device, String cidr) {
    Optional<Cidr> wanted = Cidr.parse(cidr);
    return addresses.stream().anyMatch(a -> a.device().equals(device) && Cidr.parse(a.cidr()).equals(wanted));
  }

  public boolean hasAnyAddress(String device) {
    return addresses.stream().anyMatch(a -> a.device().equals(device));
  }

  /** Whether a route to the destination exists with the same gateway and device (null matches any). */
  public boolean hasRoute(String destination, String via, String device) {
    Optional<Cidr> dest = Cidr.parse(normalDestination(destination));
    return routes.stream().anyMatch(r -> Cidr.parse(normalDestination(r.destination())).equals(dest)
        && (via == null || via.equals(r.via()))
        && (device == null || device.equals(r.device())));
  }

  /** "default" is 0.0.0.0/0 and a bare address a /32, as ip(8) prints them. */
  public static String normalDestination(String destination) {
    return "default".equals(destination) ? "0.0.0.0/0" : destination;
  }

  public Optional<String> sysctl(String key) {
    return Optional.ofNullable(sysctls.get(key));
  }
}
