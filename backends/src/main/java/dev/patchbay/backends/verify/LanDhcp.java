package dev.patchbay.backends.verify;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The LAN's DHCP server, which the model counts on for a guest bridged onto the LAN that asks for
 * DHCP (the bridged-LAN scenario with DHCP): busybox udhcpd in the sandbox's LAN namespace, on the
 * LAN side of the first uplink ({@code lan0}), handing out the upper part of the uplink's subnet
 * with the LAN gateway as router. Only started when such a guest exists.
 */
record LanDhcp(String ifName, Cidr subnet, Ipv4 start, Ipv4 end, Ipv4 router) {
  /** The LAN namespace's end of the first uplink's veth (see Sandbox). */
  static final String LAN_IF = "lan0";
  /** Where a DHCP server listens (UDP). */
  static final int SERVER_PORT = 67;

  /** The server a design needs, if one of its guests takes its address from the LAN's DHCP. */
  static Optional<LanDhcp> of(SandboxView view) {
    boolean wanted = view.layer3().nics().stream().anyMatch(n -> n.origin() == Layer3.Origin.LAN_DHCP);
    Optional<Cidr> up = view.uplinkAddress();
    if (!wanted || up.isEmpty()) {
      return Optional.empty();
    }
    Cidr net = up.get().network();
    long hosts = (net.broadcast().bits() & 0xffffffffL) - (net.address().bits() & 0xffffffffL) - 1;
    // Where the model expects LAN leases (from .200) when the subnet has room, else its upper half.
    int first = hosts > 250 ? 200 : (int) (hosts / 2) + 1;
    int last = hosts > 250 ? 250 : (int) hosts;
    Ipv4 router = view.topology().elementsOf(dev.patchbay.model.topology.Uplink.class).findFirst()
        .flatMap(u -> Ipv4.parse(u.gateway() == null ? "" : u.gateway())).filter(net::contains).orElse(null);
    return Optional.of(new LanDhcp(LAN_IF, net, net.address().plus(first), net.address().plus(last), router));
  }

  /** udhcpd's configuration file; its leases and pid go beside it in {@code dir}. */
  String config(Path dir) {
    StringBuilder sb = new StringBuilder();
    sb.append("interface ").append(ifName).append('\n');
    sb.append("start ").append(start).append('\n');
    sb.append("end ").append(end).append('\n');
    sb.append("lease_file ").append(dir.resolve("udhcpd.leases")).append('\n');
    sb.append("pidfile ").append(dir.resolve("udhcpd.pid")).append('\n');
    sb.append("opt subnet ").append(new Ipv4(subnet.mask())).append('\n');
    if (router != null) {
      sb.append("opt router ").append(router).append('\n');
      sb.append("opt dns ").append(router).append('\n');
    }
    sb.append("opt lease 3600\n");
    return sb.toString();
  }

  /** Starts udhcpd in the foreground inside the LAN namespace; the caller ends it. */
  Process start(String lanNs, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path conf = dir.resolve("udhcpd.conf");
    Files.writeString(conf, config(dir), StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("udhcpd.leases"), "");
    List<String> cmd = NamespaceProbes.inNamespace(lanNs, "busybox", "udhcpd", "-f", conf.toString());
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("udhcpd.log").toFile()).start();
  }
}
