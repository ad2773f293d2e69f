package dev.patchbay.model.reach;

import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.UserNet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Connections into a user-net guest: slirp's firewall admits nothing but its host forwards (the
 * old -redir of the user-net scenario), which listen on the host; so the answer is the way to the host, narrowed
 * to those ports. A forward bound to 127.0.0.1 serves only the host itself.
 */
final class Inbound {
  private final Layer3 l3;
  private final Tracer tracer;

  Inbound(Layer3 l3, Tracer tracer) {
    this.l3 = l3;
    this.tracer = tracer;
  }

  boolean onUserNet(NicAddress n) {
    return !l3.userNetsOn(n.segment()).isEmpty();
  }

  /** The host address a guest would talk to: slirp's 10.0.2.2, its tap's address, its gateway. */
  Optional<Ipv4> hostTarget(NicAddress n) {
    Optional<UserNet> u = l3.userNetsOn(n.segment()).stream().findFirst();
    if (u.isPresent()) {
      return Ipv4.parse(u.get().host());
    }
    Optional<Ipv4> onSegment = l3.hostIfsOn(n.segment()).stream().map(HostIf::address)
        .filter(a -> a != null && (n.address() == null || n.address().contains(a.address())))
        .map(a -> a.address()).findFirst();
    if (onSegment.isPresent()) {
      return onSegment;
    }
    if (n.gateway() != null && l3.hostLocal(n.gateway()).isPresent()) {
      return Optional.of(n.gateway());
    }
    Optional<Ipv4> lan = hostLanAddress();
    return lan.isPresent() ? lan : l3.hostIfs().stream().map(HostIf::address).filter(a -> a != null)
        .map(a -> a.address()).findFirst();
  }

  private Optional<Ipv4> hostLanAddress() {
    return l3.hostLanIf().map(HostIf::address).filter(a -> a != null).map(a -> a.address());
  }

  /** From the host, the LAN or the Internet into a user-net guest. */
  Answer viaHostfwd(NicAddress target, String from) {
    UserNet u = l3.userNetsOn(target.segment()).get(0);
    List<HostForward> listening = forwards(u, from.equals(Reachability.HOST));
    if (listening.isEmpty()) {
      return Answer.no(List.of(), List.of(noForward(u, from)));
    }
    List<HostForward> open = toNic(u, listening, target);
    if (open.isEmpty()) {
      return Answer.no(List.of(), List.of(elsewhere(u, listening, target)));
    }
    Answer toHost;
    if (from.equals(Reachability.HOST)) {
      toHost = new Answer(Reachability.Verdict.YES, null, List.of("host"), List.of());
    } else {
      toHost = reachHost(from);
    }
    return toHost.restricted(ports(open)).withPath(List.of(u.id(), target.node()));
  }

  private Answer reachHost(String from) {
    Optional<Ipv4> hostAddr = hostLanAddress();
    if (hostAddr.isEmpty()) {
      return Answer.no(List.of(), List.of("the host has no address on the LAN for its host forwards to listen on"));
    }
    Ipv4 a = hostAddr.get();
    if (from.equals(Reachability.LAN)) {
      Ipv4 lanHost = new Reachability.LanHostFinder(l3).find();
      Walk there = tracer.fromLan(lanHost, a, false);
      return Reachability.conversation(there, () -> tracer.fromHost(lanHost, true)).withPath(List.of("host"));
    }
    Walk there = tracer.fromInternet(a, false);
    if (Addresses.isPrivate(a)) {
      String gw = l3.lanGateway().map(Ipv4::toString).orElse("the LAN's gateway");
      there.condition("the Internet gateway " + gw + " forwards those ports to the host's " + a);
    }
    return Reachability.conversation(there, () -> tracer.fromHost(Tracer.INTERNET_HOST, true))
        .withPath(List.of("host"));
  }

  /** From another guest: it must reach the host, then the forwards take it in. */
  Answer viaHostfwd(NicAddress target, NicAddress from) {
    UserNet u = l3.userNetsOn(target.segment()).get(0);
    boolean loopback = onUserNet(from);
    List<HostForward> listening = forwards(u, loopback);
    if (listening.isEmpty()) {
      return Answer.no(List.of(), List.of(noForward(u, from.guest().id())));
    }
    List<HostForward> open = toNic(u, listening, target);
    if (open.isEmpty()) {
      return Answer.no(List.of(), List.of(elsewhere(u, listening, target)));
    }
    Optional<Ipv4> hostAddr = hostTarget(from);
    if (hostAddr.isEmpty()) {
      return Answer.no(List.of(), List.of("the host has no address " + Wording.nic(from) + " could reach"));
    }
    Walk there = tracer.fromGuest(from, hostAddr.get(), false);
    Answer toHost = Reachability.conversation(there, () -> tracer.fromHost(there.src, true));
    return toHost.restricted(ports(open)).withPath(List.of(u.id(), target.node()));
  }

  /** Forwards reachable from outside the host listen on any address or on a non-loopback one. */
  private List<HostForward> forwards(UserNet u, boolean fromHostItself) {
    return u.hostfwd().stream().filter(f -> fromHostItself || f.hostAddress() == null || f.hostAddress().isBlank()
        || !Ipv4.parse(f.hostAddress()).map(Ipv4::isLoopback).orElse(false)).toList();
  }

  /**
   * The forwards that lead to this NIC: slirp connects to the forward's guest address, or to its
   * first DHCP address when none is given, and nobody else gets the connection.
   */
  private static List<HostForward> toNic(UserNet u, List<HostForward> forwards, NicAddress target) {
    if (target.address() == null) {
      return List.of();
    }
    Ipv4 a = target.address().address();
    return forwards.stream().filter(f -> a.equals(forwardTarget(u, f))).toList();
  }

  private static Ipv4 forwardTarget(UserNet u, HostForward f) {
    if (f.guestAddress() != null && !f.guestAddress().isBlank()) {
      return Ipv4.parse(f.guestAddress()).orElse(null);
    }
    if (u.dhcpStart() != null && !u.dhcpStart().isBlank()) {
      return Ipv4.parse(u.dhcpStart()).orElse(null);
    }
    // QEMU's own first lease: .15 of the net (10.0.2.15 by default).
    String net = u.net() == null || u.net().isBlank() ? "10.0.2.0/24" : u.net();
    return dev.patchbay.model.net.Cidr.parse(net).map(c -> c.network().address().plus(15)).orElse(null);
  }

  private static String elsewhere(UserNet u, List<HostForward> forwards, NicAddress target) {
    String to = forwards.stream().map(f -> String.valueOf(forwardTarget(u, f))).distinct()
        .collect(Collectors.joining(", "));
    String has = target.address() == null ? "has no address" : "has " + target.address().address();
    return "the host forwards of user net " + dev.patchbay.model.text.Printable.name(u.name()) + " (" + u.id() + ") lead to " + to + ", but "
        + Wording.nic(target) + " " + has + ": point a forward's guest address at it";
  }

  private static String ports(List<HostForward> open) {
    return "only to hostfwd ports " + open.stream().map(f -> f.protocol().fileName() + "/" + f.hostPort())
        .distinct().collect(Collectors.joining(", "));
  }

  private static String noForward(UserNet u, String from) {
    return "user net " + dev.patchbay.model.text.Printable.name(u.name()) + " (" + u.id() + ") lets connections in only through host forwards (the old"
        + " -redir) and has none open to " + from + ": add one, e.g. tcp 5022 -> 22";
  }
}
