package dev.patchbay.model.reach;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Segments.Segment;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IPv4 view of a design: which host interfaces carry which address on which segment, what
 * address each NIC ends up with, the host's routing table, and the LAN around the host. Shared by
 * the validator's rules and the reachability matrix so both read a design the same way.
 */
public final class Layer3 {
  /** Where a NIC's address comes from. */
  public enum Origin { STATIC, USER_DHCP, LAN_DHCP, NONE }

  /** A tap, bridge or uplink. {@code bridge} is the id of the bridge it is enslaved to, if any. */
  public record HostIf(Element element, Segment segment, Cidr address, String bridge, String id) {
    /** The id is the element's, kept: a packet's walk asks for it at every hop. */
    public HostIf(Element element, Segment segment, Cidr address, String bridge) {
      this(element, segment, address, bridge, element.id());
    }

    /** Enslaved ports do not route: the bridge is the host's interface on their segment. */
    public boolean routes() {
      return bridge == null;
    }
  }

  /**
   * A NIC with the address its guest OS will have (null when it gets none). {@code node} is its
   * segment node, {@code guest:nic}: written once, as the matrix compares and walks it per pair.
   */
  public record NicAddress(Guest guest, Nic nic, Endpoint end, Segment segment, Cidr address,
      Ipv4 gateway, Origin origin, String node) {
    public NicAddress(Guest guest, Nic nic, Endpoint end, Segment segment, Cidr address, Ipv4 gateway,
        Origin origin) {
      this(guest, nic, end, segment, address, gateway, origin, end.toString());
    }
  }

  /** A host route picked for a destination. */
  public record HostRoute(HostIf out, Ipv4 via, Cidr destination) {}

  private final Topology topology;
  private final Segments segments;
  private final List<HostIf> hostIfs = new ArrayList<>();
  private NicIndex nics;
  private final NicReader reader = new NicReader(this);
  private final Map<Segment, List<UserNet>> userNetsBySegment = new HashMap<>();
  private final Map<Segment, List<HostIf>> routingBySegment = new HashMap<>();
  private final Map<Ipv4, HostIf> local = new HashMap<>();
  private final Map<String, HostIf> hostIfById = new HashMap<>();
  private final List<HostIf> connected = new ArrayList<>();
  private final List<StaticRoute> staticRoutes = new ArrayList<>();
  /** Masquerade rules by the interface they act on, in the host's order (an interface sees few). */
  private final Map<String, List<NatRule>> natByInterface = new HashMap<>();
  private final Map<Ipv4, Optional<HostRoute>> routeCache = new ConcurrentHashMap<>();
  /** By interface, then source address. */
  private final Map<String, Map<Ipv4, Optional<HostSettings.Nat>>> natCache = new ConcurrentHashMap<>();
  private final HostSettings host;
  private final Set<String> proxyArp;
  private final Lan lan;
  private final Segment lanSegment;
  private final Optional<Cidr> lanSubnet;
  private final Optional<Ipv4> lanGateway;
  private final Optional<Uplink> uplink;
  private final Optional<Ipv4> defaultGateway;
  private final boolean internet;

  /** A host route as written, its destination parsed once. */
  private record StaticRoute(HostSettings.Route route, Cidr destination) {}

  /** A masquerade rule, parsed once: the interfaces it acts on and the source it rewrites (null: any). */
  private record NatRule(HostSettings.Nat nat, String out, String outBridge, Cidr source, boolean anySource) {}

  public Layer3(Topology t) {
    this(t, Segments.of(t));
  }

  /** Over segments already found for this topology's wiring (an address edit leaves them as they were). */
  public Layer3(Topology t, Segments segments) {
    this.topology = t;
    this.segments = segments;
    this.host = t.host();
    this.proxyArp = new HashSet<>(host.proxyArp());
    this.lan = t.elementsOf(Lan.class).findFirst().orElse(null);
    this.lanSegment = lan == null ? null : segments.of(lan.id()).orElse(null);
    this.lanSubnet = lan == null ? Optional.empty() : Cidr.parse(lan.subnet()).map(Cidr::network);
    this.lanGateway = lan == null ? Optional.empty() : Ipv4.parse(lan.gateway());
    this.uplink = t.elementsOf(Uplink.class).findFirst();
    Optional<Ipv4> own = uplink.flatMap(u -> Ipv4.parse(u.gateway()));
    this.defaultGateway = own.isPresent() ? own : lanGateway;
    this.internet = lan != null && t.linksOf(lan.id()).stream()
        .anyMatch(l -> t.element(l.other(lan.id()).element()).filter(Internet.class::isInstance).isPresent());
    for (Element e : t.elements()) {
      if (e.isHostInterface()) {
        hostIfs.add(new HostIf(e, segments.of(e.id()).orElseThrow(), Cidr.parse(addressOf(e)).orElse(null),
            bridgeOf(e)));
      }
    }
    // Asked once per guest pair; a scan of every element each time made the matrix cubic.
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      segments.of(u.id()).ifPresent(seg -> userNetsBySegment.computeIfAbsent(seg, k -> new ArrayList<>()).add(u));
    }
    userNetsBySegment.replaceAll((k, v) -> List.copyOf(v));
    List<NicAddress> read = new ArrayList<>();
    NicReader.Leases leases = new NicReader.Leases();
    t.elementsOf(Guest.class).forEach(g -> g.nics().forEach(n -> read.add(reader.read(g, n, leases))));
    nics = new NicIndex(read);
    indexHostIfs();
    readRoutesAndNat();
  }

  private void indexHostIfs() {
    for (HostIf h : hostIfs) {
      if (h.routes()) {
        routingBySegment.computeIfAbsent(h.segment(), k -> new ArrayList<>()).add(h);
      }
      if (h.address() != null) {
        local.putIfAbsent(h.address().address(), h);
      }
      hostIfById.putIfAbsent(h.id(), h);
      if (h.routes() && h.address() != null) {
        connected.add(h);
      }
    }
  }

  /** Parsed once: the matrix asks for routes and NAT per packet. */
  private void readRoutesAndNat() {
    for (HostSettings.Route r : host.routes()) {
      Cidr.parse(r.destination()).ifPresent(d -> staticRoutes.add(new StaticRoute(r, d)));
    }
    for (HostSettings.Nat n : host.nat()) {
      boolean any = n.source() == null || n.source().isBlank();
      NatRule rule = new NatRule(n, n.out(), hostIf(n.out()).map(HostIf::bridge).orElse(null),
          any ? null : Cidr.parse(n.source()).orElse(null), any);
      natByInterface.computeIfAbsent(rule.out(), k -> new ArrayList<>()).add(rule);
      if (rule.outBridge() != null && !rule.outBridge().equals(rule.out())) {
        natByInterface.computeIfAbsent(rule.outBridge(), k -> new ArrayList<>()).add(rule);
      }
    }
  }

  private static String addressOf(Element e) {
    if (e instanceof Tap tap) {
      return tap.address();
    } else if (e instanceof Bridge b) {
      return b.address();
    } else if (e instanceof Uplink u) {
      return u.address();
    }
    return null;
  }

  private String bridgeOf(Element e) {
    if (e instanceof Bridge) {
      return null;
    }
    for (Link l : topology.linksOf(e.id())) {
      String other = l.other(e.id()).element();
      if (topology.element(other).filter(Bridge.class::isInstance).isPresent()) {
        return other;
      }
    }
    return null;
  }

  public Topology topology() {
    return topology;
  }

  public Segments segments() {
    return segments;
  }

  public HostSettings settings() {
    return host;
  }

  public List<HostIf> hostIfs() {
    return Collections.unmodifiableList(hostIfs);
  }

  public Optional<HostIf> hostIf(String id) {
    return Optional.ofNullable(hostIfById.get(id));
  }

  /** The host's routing interfaces on a segment (bridges, unbridged taps and uplinks). */
  public List<HostIf> hostIfsOn(Segment s) {
    return routingBySegment.getOrDefault(s, List.of());
  }

  /** Whether the host routes on some segment other than this one: somewhere else to send its traffic. */
  public boolean routesBeyond(Segment s) {
    return routingBySegment.size() > 1 || (routingBySegment.size() == 1 && !routingBySegment.containsKey(s));
  }

  public List<NicAddress> nics() {
    return Collections.unmodifiableList(nics.all());
  }

  /** The first NIC (in file order) that has the address. */
  public Optional<NicAddress> nicAt(Ipv4 a) {
    List<NicAddress> at = nics.at(a);
    return at.isEmpty() ? Optional.empty() : Optional.of(at.get(0));
  }

  /** Every NIC that has the address, in file order. */
  public List<NicAddress> nicsAt(Ipv4 a) {
    return Collections.unmodifiableList(nics.at(a));
  }

  /** A NIC's place in {@link #nics()}: an edit that keeps the wiring keeps every NIC's place. */
  public int position(NicAddress n) {
    return nics.positionOf(n);
  }

  public List<NicAddress> nicsOf(String guestId) {
    return nics.ofGuest(guestId);
  }

  public List<NicAddress> nicsOn(Segment s) {
    return nics.onSegment(s);
  }

  /** A NIC read again after an edit: before and after, at the same place. */
  public record NicChange(NicAddress before, NicAddress after) {}

  /**
   * Reads again the NICs of guests edited without touching their wiring (same name, same NIC
   * names: {@code Changes.keepsGuestWiring}), and every NIC of their segments, as DHCP leases there
   * may shift. The view is changed in place: the incremental validator keeps one across such edits.
   * Returns the NICs that changed, by segment in the order given, each in file order.
   */
  public List<NicChange> patchGuests(Collection<String> guestIds) {
    Set<Segment> touched = new LinkedHashSet<>();
    guestIds.forEach(id -> nicsOf(id).forEach(n -> touched.add(n.segment())));
    List<NicChange> changed = new ArrayList<>();
    Set<String> guests = new LinkedHashSet<>();
    // Each NIC's place in its guest, found before any is replaced: names may repeat in a broken design.
    Map<NicAddress, Integer> inGuest = new java.util.IdentityHashMap<>();
    for (Segment s : touched) {
      for (NicAddress n : nicsOn(s)) {
        inGuest.put(n, nics.positionOf(n) - nics.positionOf(nicsOf(n.guest().id()).get(0)));
      }
    }
    for (Segment s : touched) {
      NicReader.Leases leases = new NicReader.Leases();
      for (NicAddress before : nicsOn(s)) {
        Guest g = topology.element(before.guest().id()).map(Guest.class::cast).orElseThrow();
        NicAddress after = reader.read(g, g.nics().get(inGuest.get(before)), leases);
        if (!after.equals(before)) {
          nics.replace(before, after);
          changed.add(new NicChange(before, after));
          guests.add(g.id());
        }
      }
    }
    nics.refresh(touched, guests);
    return changed;
  }


  public List<UserNet> userNetsOn(Segment s) {
    return userNetsBySegment.getOrDefault(s, List.of());
  }

  public Optional<Lan> lan() {
    return Optional.ofNullable(lan);
  }

  public Optional<Segment> lanSegment() {
    return Optional.ofNullable(lanSegment);
  }

  public Optional<Cidr> lanSubnet() {
    return lanSubnet;
  }

  public Optional<Ipv4> lanGateway() {
    return lanGateway;
  }

  public boolean internetLinked() {
    return internet;
  }

  /** The host's own interface on the LAN: the uplink, or the bridge it is enslaved to. */
  public Optional<HostIf> hostLanIf() {
    return lanSegment == null ? Optional.empty() : hostIfsOn(lanSegment).stream().findFirst();
  }

  /** The uplink element, if the design has one. */
  public Optional<Uplink> uplink() {
    return uplink;
  }

  /** The host's default gateway: the uplink's, else the LAN's. */
  public Optional<Ipv4> defaultGateway() {
    return defaultGateway;
  }

  /** Whether the address is one of the host's own (asked per packet: no Optional). */
  public boolean isHostLocal(Ipv4 a) {
    return local.containsKey(a);
  }

  /** Whether the segment is the LAN's. */
  public boolean isLanSegment(Segment s) {
    return lanSegment != null && lanSegment == s;
  }

  /** Every NIC with the address in file order, as kept (not a copy: the matrix asks per packet). */
  List<NicAddress> holdersOf(Ipv4 a) {
    return nics.at(a);
  }

  /** The host interface carrying an address, if the address is the host's own. */
  public Optional<HostIf> hostLocal(Ipv4 a) {
    return Optional.ofNullable(local.get(a));
  }

  /** Longest-prefix match over connected subnets, the host's static routes and its default route. */
  public Optional<HostRoute> hostRoute(Ipv4 dst) {
    // The matrix asks the same few destinations for every guest pair; the answer never changes.
    // get first: computeIfAbsent's method reference was allocated on every call.
    Optional<HostRoute> known = routeCache.get(dst);
    return known != null ? known : routeCache.computeIfAbsent(dst, this::lookUpRoute);
  }

  private Optional<HostRoute> lookUpRoute(Ipv4 dst) {
    List<HostRoute> candidates = new ArrayList<>();
    for (HostIf h : connected) {
      if (h.address().contains(dst)) {
        candidates.add(new HostRoute(h, null, h.address().network()));
      }
    }
    for (StaticRoute r : staticRoutes) {
      if (r.destination().contains(dst)) {
        staticRoute(r.route(), r.destination()).ifPresent(candidates::add);
      }
    }
    // Linux takes a gateway only on a subnet of the interface's own ("Nexthop has invalid gateway"):
    // with no address on the LAN the host has no default route, however the LAN is wired.
    Optional<HostIf> lanIf = hostLanIf().filter(h -> h.address() != null);
    Optional<Ipv4> gw = defaultGateway().filter(g -> lanIf.isPresent() && lanIf.get().address().contains(g));
    if (lanIf.isPresent() && gw.isPresent()) {
      candidates.add(new HostRoute(lanIf.get(), gw.get(), new Cidr(new Ipv4(0), 0)));
    }
    return candidates.stream().max(Comparator.comparingInt(r -> r.destination().prefix()));
  }

  private Optional<HostRoute> staticRoute(HostSettings.Route r, Cidr dest) {
    Optional<Ipv4> via = Ipv4.parse(r.via());
    if (r.device() != null) {
      return hostIf(r.device()).map(h -> new HostRoute(h, via.orElse(null), dest));
    }
    return via.flatMap(v -> connected.stream()
        .filter(h -> h.address().contains(v))
        .findFirst().map(h -> new HostRoute(h, v, dest)));
  }

  /** The masquerade rule that rewrites traffic from src leaving through the interface, if any. */
  public Optional<HostSettings.Nat> natFor(Ipv4 src, HostIf out) {
    // A design masquerades each subnet with its own rule: hundreds on one interface, scanned per
    // packet of the matrix and per routed subnet of the validator, kept across incremental checks.
    // Most interfaces have none: answered without a cache.
    List<NatRule> rules = natByInterface.get(out.id());
    if (rules == null) {
      return Optional.empty();
    }
    Map<Ipv4, Optional<HostSettings.Nat>> bySource = natCache.get(out.id());
    Optional<HostSettings.Nat> known = bySource == null ? null : bySource.get(src);
    if (known != null) {
      return known;
    }
    return natCache.computeIfAbsent(out.id(), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(src, k -> lookUpNat(src, rules));
  }

  private static Optional<HostSettings.Nat> lookUpNat(Ipv4 src, List<NatRule> rules) {
    // Listed under the interface it names and, if that is an enslaved uplink, under its bridge too:
    // NAT named on an enslaved uplink acts on the bridge that carries the traffic.
    for (NatRule n : rules) {
      if (n.anySource() || (n.source() != null && n.source().contains(src))) {
        return Optional.of(n.nat());
      }
    }
    return Optional.empty();
  }

  /** Whether proxy_arp is on for the interface. */
  public boolean proxyArp(HostIf h) {
    return proxyArp.contains(h.id());
  }
}
