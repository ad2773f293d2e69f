package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.HostIf;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Subnets that collide: the host's on different segments, a virtual one with the LAN, user net's with either. */
public final class SubnetRule implements Rule {
  static final RuleInfo OVERLAP = new RuleInfo("subnet.overlap", Severity.ERROR,
      "Two segments of the host with overlapping subnets give the host two routes for one address; it uses one and"
          + " the other segment's machines are unreachable (the sample \"Routed subnets\" uses 192.168.0.0/24 and"
          + " 192.168.1.0/24 for its two taps).");
  static final RuleInfo OVERLAPS_LAN = new RuleInfo("subnet.overlaps-lan", Severity.ERROR,
      "In a routed design \"the lan and the vlan are different subnets\" (the sample \"Routed tun\"): a virtual subnet inside the LAN's"
          + " makes the host's routes to both collide. Pick a separate subnet (e.g. 172.20.0.0/16), or put the guests"
          + " on the LAN by bridging (wired) or proxy ARP (wireless).");
  static final RuleInfo USERNET_OVERLAPS = new RuleInfo("usernet.overlaps-lan", Severity.ERROR,
      "User net's 10.0.2.0/24 is never seen outside QEMU, \"so there is no worry unless your QEMU Host's network is"
          + " also in the 10.0.2.0 network\" (the sample \"User net with a host forward\"): then the guest takes LAN machines for slirp neighbours and"
          + " cannot reach them. Move user net to another subnet (net=10.0.3.0/24).");

  @Override
  public String id() {
    return "subnet";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(OVERLAP, OVERLAPS_LAN, USERNET_OVERLAPS);
  }

  /** The host's interfaces, the LAN and user nets by segment: a guest's addresses play no part. */
  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.affectsNetwork(c) && !Changes.keepsGuestWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    Topology t = design.topology();
    Layer3 l3 = design.layer3();
    List<Diagnostic> out = new ArrayList<>();
    List<HostIf> addressed = l3.hostIfs().stream().filter(h -> h.routes() && h.address() != null).toList();
    Optional<Cidr> lan = l3.lanSubnet();
    List<List<Integer>> overlapping = laterOverlaps(addressed);
    java.util.function.Supplier<String> free = freeSubnet(l3, addressed);
    for (int i = 0; i < addressed.size(); i++) {
      HostIf a = addressed.get(i);
      boolean onLan = l3.lanSegment().filter(s -> s == a.segment()).isPresent();
      if (!onLan && lan.isPresent() && a.address().network().overlaps(lan.get())) {
        out.add(Names.finding(OVERLAPS_LAN, Names.of(a.element()) + " carries " + a.address().network()
                + ", which overlaps LAN subnet " + lan.get(), List.of(a.id(), l3.lan().get().id()),
            OVERLAPS_LAN.explain(), "Give " + a.id() + " an address of a subnet outside " + lan.get() + ", such as "
                + free.get() + ", and its guests addresses there."));
      }
      for (int j : overlapping.get(i)) {
        HostIf b = addressed.get(j);
        out.add(Names.finding(OVERLAP, Names.of(a.element()) + " (" + a.address().network() + ") and "
                + Names.of(b.element()) + " (" + b.address().network() + ") are on different segments with"
                + " overlapping subnets", List.of(a.id(), b.id()), OVERLAP.explain(),
            "Renumber " + b.id() + " and the guests behind it into a subnet no other segment uses, such as "
                + free.get() + "."));
      }
    }
    userNets(l3, t, addressed, out);
    return out;
  }

  /**
   * For each interface, the later ones (by index, ascending) that overlap it on another segment and
   * overlap nothing earlier there: each interface is named once, with the first it collides with.
   * Every pair would be n^2 findings (20,000 taps on one /16 made 200 million and ran out of memory).
   * Subnets are sorted by first address and swept.
   */
  private static List<List<Integer>> laterOverlaps(List<HostIf> addressed) {
    int n = addressed.size();
    long[] first = new long[n];
    long[] last = new long[n];
    int[] partner = new int[n];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Cidr net = addressed.get(i).address().network();
      first[i] = net.address().bits() & 0xFFFFFFFFL;
      last[i] = net.broadcast().bits() & 0xFFFFFFFFL;
      partner[i] = -1;
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> first[i]));
    for (int x = 0; x < n; x++) {
      int i = order.get(x);
      for (int y = x + 1; y < n && first[order.get(y)] <= last[i]; y++) {
        int j = order.get(y);
        int early = Math.min(i, j);
        int late = Math.max(i, j);
        if (addressed.get(i).segment() != addressed.get(j).segment() && (partner[late] < 0 || early < partner[late])) {
          partner[late] = early;
        }
      }
    }
    List<List<Integer>> after = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      after.add(new ArrayList<>());
    }
    for (int late = 0; late < n; late++) {
      if (partner[late] >= 0) {
        after.get(partner[late]).add(late);
      }
    }
    return after;
  }

  private void userNets(Layer3 l3, Topology t, List<HostIf> addressed, List<Diagnostic> out) {
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      Optional<Cidr> net = Cidr.parse(u.net()).map(Cidr::network);
      if (net.isEmpty()) {
        continue;
      }
      List<Cidr> taken = new ArrayList<>();
      l3.lanSubnet().ifPresent(taken::add);
      addressed.forEach(h -> taken.add(h.address().network()));
      Optional<Cidr> clash = taken.stream().filter(c -> c.overlaps(net.get())).findFirst();
      if (clash.isPresent()) {
        List<String> ids = new ArrayList<>(List.of(u.id()));
        l3.lan().filter(l -> l3.lanSubnet().equals(clash)).ifPresent(l -> ids.add(l.id()));
        out.add(Names.finding(USERNET_OVERLAPS, Names.of(u) + " uses " + net.get() + ", which overlaps the host's "
            + clash.get(), ids, USERNET_OVERLAPS.explain(), moveUserNet(u, taken)));
      }
    }
  }

  /** A /24 no segment, the LAN or user net uses, for a hint: found once per check, when a finding asks. */
  private static java.util.function.Supplier<String> freeSubnet(Layer3 l3, List<HostIf> addressed) {
    String[] once = new String[1];
    return () -> {
      if (once[0] == null) {
        List<Cidr> taken = new ArrayList<>();
        l3.lanSubnet().ifPresent(taken::add);
        addressed.forEach(h -> taken.add(h.address().network()));
        l3.topology().elementsOf(UserNet.class).forEach(u -> Cidr.parse(u.net()).ifPresent(taken::add));
        Cidr c = firstFree(taken, List.of("192.168.", "172.16.", "10.0."), 0);
        once[0] = c == null ? "a private /24 of your choice" : c.toString();
      }
      return once[0];
    };
  }

  /** The first PREFIX.N.0/24 (N from start) that overlaps nothing taken, or null. */
  private static Cidr firstFree(List<Cidr> taken, List<String> prefixes, int start) {
    for (String prefix : prefixes) {
      for (int n = start; n < 255; n++) {
        Cidr c = Cidr.of(prefix + n + ".0/24");
        if (taken.stream().noneMatch(c::overlaps)) {
          return c;
        }
      }
    }
    return null;
  }

  /**
   * Moves user net to the first 10.0.N.0/24 that nothing uses (then 172.16.N.0/24, 192.168.N.0/24,
   * for a LAN that holds all of 10/8), keeping slirp's .2/.3/.15 layout.
   */
  private static Fix moveUserNet(UserNet u, List<Cidr> taken) {
    Cidr free = firstFree(taken, List.of("10.0."), 3);
    if (free == null) {
      free = firstFree(taken, List.of("172.16.", "192.168."), 0);
    }
    Ipv4 base = (free == null ? Cidr.of("10.0.3.0/24") : free).address();
    String net = base + "/24";
    String d = "Move " + u.name() + " to " + net;
    return Fixes.element(d, u.id(), UserNet.class, now -> new UserNet(now.id(), now.name(), net,
        base.plus(2).toString(), base.plus(3).toString(), base.plus(15).toString(), now.hostfwd()));
  }
}
