package dev.patchbay.backends.verify;

import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a probe aims at in a lab's sandbox, read from the design the way {@link Sandbox}
 * builds it: the host's uplink address (where host forwards listen for the LAN), the LAN machine
 * (the first host address of the uplink's subnet that is neither gateway nor uplink), the Internet
 * at 203.0.113.1, and each guest's static address and user net (on its NIC's segment: a user net
 * on the same hub counts).
 */
record SandboxView(Topology topology, String lab, Layer3 layer3) {

  SandboxView(Topology topology, String lab) {
    this(topology, lab, new Layer3(topology));
  }

  String hostNs() {
    return Sandbox.host(lab);
  }

  String lanNs() {
    return Sandbox.lan(lab);
  }

  String internetNs() {
    return Sandbox.internet(lab);
  }

  /** The first uplink's address as the sandbox gives it to the host (a bridge's, when one takes the uplink). */
  Optional<Cidr> uplinkAddress() {
    for (Uplink u : topology.elementsOf(Uplink.class).toList()) {
      String a = u.address();
      if (a == null || a.isBlank()) {
        a = topology.linksOf(u.id()).stream().map(l -> topology.element(l.other(u.id()).element()).orElse(null))
            .filter(Bridge.class::isInstance).map(b -> ((Bridge) b).address())
            .filter(x -> x != null && !x.isBlank()).findFirst().orElse(null);
      }
      Optional<Cidr> c = Cidr.parse(a == null ? "" : a);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  Optional<Ipv4> lanMachine() {
    Optional<Cidr> up = uplinkAddress();
    if (up.isEmpty()) {
      return Optional.empty();
    }
    Cidr net = up.get();
    Ipv4 gateway = topology.elementsOf(Uplink.class).map(Uplink::gateway).filter(g -> g != null && !g.isBlank())
        .findFirst().flatMap(Ipv4::parse).orElse(null);
    Ipv4 candidate = net.network().address().plus(1);
    while (candidate.equals(gateway) || candidate.equals(net.address())) {
      candidate = candidate.plus(1);
    }
    return Optional.of(candidate);
  }

  Guest guest(String id) {
    return (Guest) topology.element(id).orElseThrow();
  }

  /** The guest's first static address. */
  Optional<Cidr> address(String guestId) {
    return guest(guestId).nics().stream().map(Nic::ip).filter(ip -> ip.isStatic())
        .map(ip -> Cidr.parse(ip.address() == null ? "" : ip.address())).flatMap(Optional::stream).findFirst();
  }

  /**
   * Where a probe towards the LAN aims: the LAN machine, else (no uplink address, so the sandbox's LAN
   * has no address on the host's side) the LAN router's other address, towards the Internet. That is
   * the only address the LAN namespace holds then, so "can the guest reach the LAN" is exactly
   * "can it reach that address".
   */
  Ipv4 lanTarget() {
    return lanMachine().orElse(Ipv4.of(Sandbox.INTERNET_GATEWAY));
  }

  /** A guest NIC asks for DHCP. */
  boolean usesDhcp(String guestId) {
    return guest(guestId).nics().stream().anyMatch(n -> n.ip().mode() == IpConfig.Mode.DHCP);
  }

  /** The user net on the segment of one of the guest's NICs: linked directly, or through hubs and sockets. */
  Optional<UserNet> userNet(String guestId) {
    return layer3.nicsOf(guestId).stream().flatMap(n -> layer3.userNetsOn(n.segment()).stream()).findFirst();
  }

  /**
   * The user net on the segment where the guest is addressed: that of the NIC holding its first
   * static address, or without one, of its first NIC that asks for DHCP (where its lease comes from).
   */
  Optional<UserNet> userNetWhereAddressed(String guestId) {
    Guest g = guest(guestId);
    Optional<Nic> nic = g.nics().stream().filter(n -> n.ip().isStatic() && Cidr.parse(n.ip().address() == null ? ""
        : n.ip().address()).isPresent()).findFirst()
        .or(() -> g.nics().stream().filter(n -> n.ip().mode() == IpConfig.Mode.DHCP).findFirst());
    return nic.flatMap(n -> layer3.nicsOf(guestId).stream().filter(a -> a.nic().equals(n)).findFirst())
        .flatMap(a -> layer3.userNetsOn(a.segment()).stream().findFirst());
  }

  /** The TCP host forwards of the guest's user net. */
  List<HostForward> tcpForwards(String guestId) {
    return userNet(guestId).map(u -> u.hostfwd().stream()
        .filter(f -> f.protocol() == HostForward.Protocol.TCP).toList()).orElse(List.of());
  }

  /**
   * The host address the guest should talk to: slirp's host address on user net, else its gateway
   * when the host holds it, else a host address in the subnet of one of its NICs (its static
   * address, or the one the model expects DHCP to give), else any address the host holds: the
   * host is one machine, and a guest that reaches it at all reaches it there.
   */
  Optional<Ipv4> hostTarget(String guestId) {
    Optional<UserNet> u = userNet(guestId);
    if (u.isPresent()) {
      return Ipv4.parse(u.get().host());
    }
    List<Cidr> host = hostAddresses();
    Optional<Ipv4> gw = guest(guestId).nics().stream().map(n -> n.ip().gateway()).filter(g -> g != null && !g.isBlank())
        .findFirst().flatMap(Ipv4::parse);
    if (gw.isPresent() && host.stream().anyMatch(c -> c.address().equals(gw.get()))) {
      return gw;
    }
    List<Cidr> own = layer3.nicsOf(guestId).stream().map(Layer3.NicAddress::address).filter(a -> a != null).toList();
    return host.stream().filter(c -> own.stream().anyMatch(o -> o.contains(c.address()))).findFirst()
        .or(() -> host.stream().findFirst()).map(Cidr::address);
  }

  /** Every address the host holds in the design: taps', bridges' and the uplink's. */
  List<Cidr> hostAddresses() {
    List<Cidr> out = new ArrayList<>();
    for (Element e : topology.elements()) {
      String a = e instanceof Tap t ? t.address() : e instanceof Bridge b ? b.address() : null;
      Cidr.parse(a == null ? "" : a).ifPresent(out::add);
    }
    uplinkAddress().ifPresent(out::add);
    return out;
  }
}
