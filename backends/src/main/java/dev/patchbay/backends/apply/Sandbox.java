package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.LibC;
import dev.patchbay.backends.netlink.Native;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.backends.netlink.Netns;
import dev.patchbay.backends.netlink.NewLink;
import dev.patchbay.backends.netlink.Route;
import dev.patchbay.backends.netlink.SetLink;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A lab's private world: three namespaces joined by veths. pb-LAB-host is the lab's host; each of its
 * uplinks is a veth end named as the design's uplink (eth0, wlp3s0) with its address and default
 * route. The other end is in pb-LAB-lan, which holds the LAN's gateway address, a LAN machine's
 * address and the Lan element's routes back to guest subnets, and forwards to pb-LAB-inet, the
 * Internet, at 203.0.113.1 (a documentation address). Nothing touches the real host.
 */
public final class Sandbox {
  public static final String INTERNET = "203.0.113.1";
  public static final String INTERNET_GATEWAY = "203.0.113.2";
  /** Every IPv4 multicast group. */
  static final String MULTICAST = "224.0.0.0/4";

  private Sandbox() {}

  public static String host(String lab) {
    return "pb-" + lab + "-host";
  }

  public static String lan(String lab) {
    return "pb-" + lab + "-lan";
  }

  public static String internet(String lab) {
    return "pb-" + lab + "-inet";
  }

  public static List<String> namespaces(String lab) {
    return List.of(host(lab), lan(lab), internet(lab));
  }

  /** Makes the namespaces (each journalled before it is made, so down finds it after a crash) and wires them. */
  static void build(String lab, Topology topology, Journal journal) throws IOException {
    for (String ns : namespaces(lab)) {
      journal.append(journal.entry("namespace").put("name", ns));
      Netns.create(ns);
    }
    try (Target host = Target.namespace(host(lab)); Target lan = Target.namespace(lan(lab));
         Target inet = Target.namespace(internet(lab))) {
      for (Target t : List.of(host, lan, inet)) {
        t.rt().setUp("lo", true);
      }
      List<Uplink> uplinks = topology.elementsOf(Uplink.class).toList();
      Optional<Lan> lanElement = topology.elementsOf(Lan.class).findFirst();
      for (int i = 0; i < uplinks.size(); i++) {
        wireUplink(uplinks.get(i), addressBefore(topology, uplinks.get(i)), "lan" + i, host, lan);
      }
      if (needsLoopbackMulticast(topology, host.rt().routes())) {
        host.rt().change(SetLink.named("lo").multicast(true));
        host.rt().addRoute(Cidr.of(MULTICAST), null, "lo");
      }
      lanElement.ifPresent(l -> l.routes().forEach(r -> quietly(() ->
          lan.rt().addRoute(Cidr.of(r.destination()), Ipv4.of(r.via()), null))));
      lan.writeSysctl("net/ipv4/ip_forward", "1");
      veth(lan, "inet0", inet, "wan0");
      lan.rt().addAddress("inet0", Cidr.of(INTERNET_GATEWAY + "/24"));
      inet.rt().addAddress("wan0", Cidr.of(INTERNET + "/24"));
      inet.rt().addRoute(Cidr.of("0.0.0.0/0"), Ipv4.of(INTERNET_GATEWAY), null);
    }
  }

  /**
   * QEMU's {@code socket,mcast=} joins its group on the interface the route to the group leaves by.
   * A lab host with no uplink (or an uplink without a default route) has none, and QEMU stops with
   * "can't add socket to multicast group 230.0.0.1: No such device". The bus then lives on lo, made
   * multicast-capable, with 224.0.0.0/4 routed to it: every guest of the namespace shares it, as
   * guests on one host do, and the exported command line needs no {@code localaddr=}.
   */
  static boolean needsLoopbackMulticast(Topology t, List<Route> hostRoutes) {
    return t.elementsOf(Socket.class).filter(s -> s.transport() == Socket.Transport.MCAST)
        .map(s -> Ipv4.parse(s.host())).flatMap(Optional::stream)
        .anyMatch(group -> hostRoutes.stream().noneMatch(r -> r.destination().contains(group)));
  }

  /**
   * The uplink's address before the lab: its own, or, when a bridge takes it over (the
   * bridged-LAN scenario), the bridge's, which is the address the host had on the uplink.
   */
  static String addressBefore(Topology t, Uplink u) {
    if (u.address() != null && !u.address().isBlank()) {
      return u.address();
    }
    return t.linksOf(u.id()).stream().map(l -> t.element(l.other(u.id()).element()).orElse(null))
        .filter(Bridge.class::isInstance).map(b -> ((Bridge) b).address())
        .filter(a -> a != null && !a.isBlank()).findFirst().orElse(null);
  }

  private static void wireUplink(Uplink u, String addressBefore, String peer, Target host, Target lan)
      throws IOException {
    veth(host, u.name(), lan, peer);
    Optional<Cidr> address = Cidr.parse(addressBefore == null ? "" : addressBefore);
    if (address.isEmpty()) {
      return;
    }
    Cidr net = address.get();
    Optional<Ipv4> gateway = Ipv4.parse(u.gateway() == null ? "" : u.gateway()).filter(net::contains);
    host.rt().addAddress(u.name(), net);
    if (gateway.isPresent()) {
      lan.rt().addAddress(peer, new Cidr(gateway.get(), net.prefix()));
      host.rt().addRoute(Cidr.of("0.0.0.0/0"), gateway.get(), u.name());
    }
    Ipv4 machine = lanMachine(net, gateway.orElse(null));
    lan.rt().addAddress(peer, new Cidr(machine, net.prefix()));
  }

  /** The LAN machine: the first host address of the subnet that is neither the gateway nor the uplink. */
  static Ipv4 lanMachine(Cidr net, Ipv4 gateway) {
    Ipv4 candidate = net.network().address().plus(1);
    while (candidate.equals(gateway) || candidate.equals(net.address())) {
      candidate = candidate.plus(1);
    }
    return candidate;
  }

  /** A veth with {@code name} in {@code a} and {@code peer} in {@code b}, both up. */
  private static void veth(Target a, String name, Target b, String peer) throws IOException {
    LibC libc = Native.libc();
    String path = Netns.path(b.namespace()).toString();
    int fd = libc.open(path, Native.O_RDONLY | Native.O_CLOEXEC);
    if (fd < 0) {
      throw new NetlinkException("open " + path, Native.errno(), null);
    }
    try {
      a.rt().create(NewLink.veth(name, peer).peerNamespace(fd).up());
    } finally {
      libc.close(fd);
    }
    b.rt().setUp(peer, true);
  }

  private interface Io {
    void run() throws IOException;
  }

  /** A Lan route the sandbox cannot add (a gateway outside its subnets) only leaves the LAN without it. */
  private static void quietly(Io io) {
    try {
      io.run();
    } catch (IOException e) {
      java.util.logging.Logger.getLogger(Sandbox.class.getName()).warning("sandbox LAN route: " + e.getMessage());
    }
  }
}
