package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the host's kernel does beyond holding interfaces: forwarding, NAT, proxy ARP and routes.
 * Interfaces are referred to by element id.
 *
 * @param ipForward net.ipv4.ip_forward
 * @param nat masquerade rules: traffic from {@code source} leaving through element {@code out}
 * @param proxyArp element ids of interfaces with net.ipv4.conf.IF.proxy_arp=1 (proxy ARP over Wi-Fi)
 * @param routes host routes, e.g. proxy ARP over Wi-Fi's {@code route add -host 192.168.1.10 tap1}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HostSettings(boolean ipForward, List<Nat> nat, List<String> proxyArp, List<Route> routes) {

  /** {@code iptables -t nat -A POSTROUTING -o out -s source -j MASQUERADE}. */
  public record Nat(String source, String out) {}

  /** A host route to destination (CIDR or a single address), through device and/or via a gateway. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Route(String destination, String via, String device) {}

  public HostSettings {
    nat = nat == null ? List.of() : List.copyOf(nat);
    proxyArp = proxyArp == null ? List.of() : List.copyOf(proxyArp);
    routes = routes == null ? List.of() : List.copyOf(routes);
  }

  public static HostSettings none() {
    return new HostSettings(false, List.of(), List.of(), List.of());
  }

  public HostSettings withIpForward(boolean on) {
    return new HostSettings(on, nat, proxyArp, routes);
  }

  public HostSettings withNat(List<Nat> rules) {
    return new HostSettings(ipForward, rules, proxyArp, routes);
  }

  public HostSettings withProxyArp(List<String> ids) {
    return new HostSettings(ipForward, nat, ids, routes);
  }

  public HostSettings withRoutes(List<Route> newRoutes) {
    return new HostSettings(ipForward, nat, proxyArp, newRoutes);
  }
}
