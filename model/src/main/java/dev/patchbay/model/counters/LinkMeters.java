package dev.patchbay.model.counters;

import dev.patchbay.model.counters.Meter.DirectionRule;
import dev.patchbay.model.counters.Meter.FrameDump;
import dev.patchbay.model.counters.Meter.InterfaceCounters;
import dev.patchbay.model.counters.Meter.Unavailable;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.qemu.Processes;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.PortRole;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Wiring;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which source counts each link's frames. Links touching a host interface use that interface's
 * kernel counters (a tap's, an uplink's): the kernel counts every frame the interface passes, cheaply.
 * A NIC's link is the exception when the NIC has a MAC: its own netdev's dump is the only source that
 * stops counting when the link is cut (a NIC without a MAC on a tap falls back to the tap's counters).
 * Links inside QEMU have no kernel interface; they are counted by a {@code filter-dump} on the netdev
 * that {@code QemuCommandLine} gives them ({@code net-NIC} for a NIC, {@code net-HUB-ELEMENT[-PORT]}
 * for a hub's attachment), in the process that holds it.
 */
public final class LinkMeters {
  /** The QEMU side of a tap: whoever holds its file descriptor. */
  private static final Set<PortRole> TAP_HOLDERS = EnumSet.of(PortRole.NIC, PortRole.HUB, PortRole.VDE);

  private final Topology topology;
  private final Processes processes;

  private LinkMeters(Topology topology) {
    this.topology = topology;
    this.processes = new Processes(topology);
  }

  /** Every link of the topology with its meter, in link order. */
  public static List<LinkMeter> of(Topology topology) {
    LinkMeters m = new LinkMeters(topology);
    return topology.links().stream().map(l -> new LinkMeter(l, m.meter(l))).toList();
  }

  /** The netdevs each guest's QEMU must dump for the meters, by guest id (guests in file order). */
  public static Map<String, List<String>> dumpsByGuest(List<LinkMeter> meters) {
    Map<String, Set<String>> byGuest = new LinkedHashMap<>();
    for (LinkMeter lm : meters) {
      if (lm.meter() instanceof FrameDump d) {
        byGuest.computeIfAbsent(d.guestId(), g -> new LinkedHashSet<>()).add(d.netdevId());
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    byGuest.forEach((g, netdevs) -> out.put(g, List.copyOf(netdevs)));
    return out;
  }

  private Meter meter(Link l) {
    Wiring.Result<PortRole> ra = Wiring.role(topology, l.a());
    Wiring.Result<PortRole> rb = Wiring.role(topology, l.b());
    if (!ra.ok() || !rb.ok()) {
      return new Unavailable("the link is not wired validly: " + (ra.ok() ? rb.reason() : ra.reason()));
    }
    PortRole a = ra.value();
    PortRole b = rb.value();
    if (a == PortRole.NIC || b == PortRole.NIC) {
      boolean nicIsA = a == PortRole.NIC;
      Endpoint nicEnd = nicIsA ? l.a() : l.b();
      PortRole other = nicIsA ? b : a;
      // Even on a tap the NIC's own netdev counts: a cut NIC (QMP set_link off) still drains its tap
      // and QEMU drops the frames, so the tap's tx keeps rising (seen: +5/s under 5 pings/s). Only a
      // NIC without a MAC, whose direction the dump cannot tell, is read from its tap.
      if (other == PortRole.TAP && nicMac(nicEnd).isEmpty()) {
        return tap(nicIsA ? l.b() : l.a(), PortRole.NIC, !nicIsA);
      }
      return nic(nicEnd, other, nicIsA);
    }
    if (a == PortRole.TAP || b == PortRole.TAP) {
      return a == PortRole.TAP ? tap(l.a(), b, true) : tap(l.b(), a, false);
    }
    if (a == PortRole.UPLINK || b == PortRole.UPLINK) {
      return a == PortRole.UPLINK ? uplink(l.a(), b, true) : uplink(l.b(), a, false);
    }
    if (a == PortRole.HUB || b == PortRole.HUB) {
      return a == PortRole.HUB ? hubPort(l.a(), l.b(), true) : hubPort(l.b(), l.a(), false);
    }
    if (EnumSet.of(a, b).equals(EnumSet.of(PortRole.LAN, PortRole.INTERNET))) {
      return new Unavailable("the LAN and the Internet lie outside the host: no interface of the lab sees"
          + " the frames between them");
    }
    return new Unavailable("no source counts frames between a " + a.words() + " and a " + b.words());
  }

  /**
   * A tap passes frames between its file descriptor (QEMU, VDE) and the kernel (a bridge): rx is what
   * the holder wrote, flowing on into the bridge; tx is what the kernel sends out to the holder.
   */
  private Meter tap(Endpoint tap, PortRole other, boolean tapIsA) {
    String name = interfaceName(tap);
    boolean holderSide = TAP_HOLDERS.contains(other);
    // rx flows holder -> tap -> bridge: on the holder's link it enters the tap, on the bridge's it leaves.
    boolean rxFromA = holderSide ? !tapIsA : tapIsA;
    return new InterfaceCounters(name, rxFromA);
  }

  /** An uplink receives from the LAN and hands it on to its bridge; it sends what the bridge gives it. */
  private Meter uplink(Endpoint uplink, PortRole other, boolean uplinkIsA) {
    boolean rxFromA = other == PortRole.LAN ? !uplinkIsA : uplinkIsA;
    return new InterfaceCounters(interfaceName(uplink), rxFromA);
  }

  private String interfaceName(Endpoint end) {
    return topology.element(end.element()).map(Element::name).orElse(end.element());
  }

  /** A NIC's own netdev ({@code net-NIC}) holds both directions; its own MAC tells what it sent. */
  private Meter nic(Endpoint nicEnd, PortRole other, boolean nicIsA) {
    Guest g = (Guest) topology.element(nicEnd.element()).orElseThrow();
    Nic nic = g.nic(nicEnd.port()).orElseThrow();
    String netdev = "net-" + nic.name();
    Optional<Mac> mac = Mac.parse(nic.mac());
    if (mac.isEmpty()) {
      return new FrameDump(g.id(), netdev, Optional.empty(), "NIC " + nicEnd + " has no MAC address set, so QEMU"
          + " picks one and the frames it sent cannot be told from those it received");
    }
    if (other == PortRole.MCAST) {
      return new FrameDump(g.id(), netdev, Optional.empty(), "a multicast socket loops every guest's frames back"
          + " to it, so its own frames arrive too and the direction cannot be told");
    }
    return new FrameDump(g.id(), netdev, Optional.of(new DirectionRule(Set.of(mac.get()), nicIsA)), null);
  }

  /**
   * A hub's attachment (socket, user net, VDE) has its own netdev in the hub's process. Every frame
   * one port sends is flooded to all others, so this port carries what its peer sends plus everything
   * the other ports send; the direction can be told only when the hub's other ports are all NICs with
   * known MACs.
   */
  private Meter hubPort(Endpoint hubEnd, Endpoint attached, boolean hubIsA) {
    Optional<String> owner = processes.owner(hubEnd.element());
    if (owner.isEmpty()) {
      return new Unavailable("hub " + hubEnd.element() + " has no NIC, so no QEMU process holds it");
    }
    String netdev = "net-" + hubEnd.element() + "-" + attached.element()
        + (attached.port() == null ? "" : "-" + attached.port());
    List<Mac> nicMacs = new ArrayList<>();
    int others = 0;
    for (Link l : topology.linksOf(hubEnd.element())) {
      Endpoint peer = l.other(hubEnd.element());
      Optional<Mac> mac = nicMac(peer);
      if (mac.isPresent()) {
        nicMacs.add(mac.get());
      } else {
        others++;
      }
    }
    if (others != 1) {
      return new FrameDump(owner.get(), netdev, Optional.empty(), "hub " + hubEnd.element() + " floods frames of"
          + " several ports through this one, so the direction cannot be told by source address");
    }
    return new FrameDump(owner.get(), netdev, Optional.of(new DirectionRule(Set.copyOf(nicMacs), hubIsA)), null);
  }

  /** The MAC of a NIC endpoint; empty for any other endpoint and for a NIC without a MAC set. */
  private Optional<Mac> nicMac(Endpoint end) {
    return topology.element(end.element())
        .filter(Guest.class::isInstance).map(Guest.class::cast)
        .flatMap(g -> g.nic(end.port() == null ? "" : end.port()))
        .flatMap(n -> Mac.parse(n.mac()));
  }
}
