package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * QEMU's user-mode network stack (slirp): a NAT firewall, DHCP and DNS server inside the QEMU
 * process. Outbound TCP/UDP works; inbound only through host forwards (the old -redir).
 *
 * @param net the virtual subnet, 10.0.2.0/24 by default
 * @param host QEMU's address for the host, 10.0.2.2 by default
 * @param dns the built-in DNS server, 10.0.2.3 by default
 * @param dhcpStart the first address DHCP hands out, 10.0.2.15 by default
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UserNet(
    String id, String name, String net, String host, String dns, String dhcpStart,
    List<HostForward> hostfwd) implements Element {
  @Override
  public <R> R accept(Visitor<R> v) {
    return v.userNet(this);
  }


  public UserNet {
    hostfwd = hostfwd == null ? List.of() : List.copyOf(hostfwd);
  }

  public static UserNet defaults(String id, String name) {
    return new UserNet(id, name, "10.0.2.0/24", "10.0.2.2", "10.0.2.3", "10.0.2.15", List.of());
  }

  @Override
  public ElementKind kind() {
    return ElementKind.USER;
  }

  @Override
  public UserNet withIdentity(String newId, String newName) {
    return new UserNet(newId, newName, net, host, dns, dhcpStart, hostfwd);
  }

  public UserNet withHostfwd(List<HostForward> rules) {
    return new UserNet(id, name, net, host, dns, dhcpStart, rules);
  }
}
