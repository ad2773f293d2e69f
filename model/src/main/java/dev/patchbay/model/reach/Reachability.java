package dev.patchbay.model.reach;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who can open a connection to whom: for every guest the four needs of the routed-tun scenario (guest to LAN and
 * Internet, LAN and Internet to guest), host to and from guest, and every ordered pair of guests.
 * A conversation needs both directions: each answer walks the packet there and the reply back.
 *
 * <p>Internet to guest: a guest with a private address (RFC 1918) is never addressed from the
 * Internet directly, even when the LAN gateway routes its subnet (the routed-tun scenario): the answer is then
 * "only-with a port forward on the LAN gateway". A public guest subnet routed by the gateway is a yes.
 */
public final class Reachability {
  /** The answer's kind; in JSON yes, only-with, no. */
  public enum Verdict {
    YES("yes"), ONLY_WITH("only-with"), NO("no");

    private final String word;

    Verdict(String word) {
      this.word = word;
    }

    @JsonValue
    public String word() {
      return word;
    }
  }

  /**
   * One directed answer. {@code from} and {@code to} are guest ids, "host", "lan" or "internet".
   * {@code condition} says what must hold for an only-with ("only once the LAN gateway routes ..."),
   * or is a caveat on a yes ("TCP and UDP only: ping ... is unreliable"); {@code missing} lists, for a
   * no, every step the design lacks (and, prefixed "outside the design:", what must also happen beyond it).
   */
  @JsonPropertyOrder({"from", "to", "verdict", "condition", "path", "missing"})
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Pair(String from, String to, Verdict verdict, String condition, List<String> path,
      List<String> missing) {
    public Pair {
      path = PathList.copyOf(path);
      missing = List.copyOf(missing);
    }
  }

  public static final String HOST = "host";
  public static final String LAN = "lan";
  public static final String INTERNET = "internet";

  private final Layer3 l3;
  private final Tracer tracer;
  private final Inbound inbound;

  private Reachability(Topology t) {
    this(new Layer3(t));
  }

  private Reachability(Layer3 l3) {
    this.l3 = l3;
    this.tracer = new Tracer(l3);
    this.inbound = new Inbound(l3, tracer);
  }

  /** The whole matrix, guest by guest in file order. */
  public static List<Pair> of(Topology t) {
    Reachability r = new Reachability(t);
    List<Guest> guests = t.elementsOf(Guest.class).toList();
    int n = guests.size();
    // Each guest's row: its six needs, then every other guest in file order.
    Pair[] out = new Pair[n * (n + 5)];
    for (int i = 0; i < n; i++) {
      Guest g = guests.get(i);
      int row = i * (n + 5);
      out[row] = r.pair(g.id(), LAN, r.best(g, r::toLan));
      out[row + 1] = r.pair(g.id(), INTERNET, r.best(g, r::toInternet));
      out[row + 2] = r.pair(LAN, g.id(), r.best(g, r::fromLan));
      out[row + 3] = r.pair(INTERNET, g.id(), r.best(g, r::fromInternet));
      out[row + 4] = r.pair(g.id(), HOST, r.best(g, r::toHost));
      out[row + 5] = r.pair(HOST, g.id(), r.best(g, r::fromHost));
    }
    // Both ways of each pair of guests at once: each way's walk is the other way's reply.
    GuestPairs walks = new GuestPairs(r.tracer, r.inbound);
    for (int i = 0; i < n; i++) {
      Guest g = guests.get(i);
      for (int j = i + 1; j < n; j++) {
        Guest h = guests.get(j);
        walks.load(r.l3.nicsOf(g.id()), r.l3.nicsOf(h.id()));
        out[i * (n + 5) + 6 + j - 1] = r.pair(g.id(), h.id(), r.toGuest(g, h, walks, true));
        out[j * (n + 5) + 6 + i] = r.pair(h.id(), g.id(), r.toGuest(h, g, walks, false));
      }
    }
    return new ArrayList<>(Arrays.asList(out));
  }

  /** The analysis of one design, for asking many questions of it without re-reading it. */
  public static Reachability analyse(Topology t) {
    return new Reachability(t);
  }

  /** The same over a layer-3 view already built (the validator shares one between its rules). */
  public static Reachability analyse(Layer3 l3) {
    return new Reachability(l3);
  }

  /**
   * Whether a guest's NIC holds a conversation with one address (its DNS server, say): the packet
   * there and the reply back from whoever has the address.
   */
  public Pair toAddress(Endpoint nic, Ipv4 dst) {
    NicAddress n = l3.nicsOf(nic.element()).stream().filter(x -> x.end().equals(nic)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no NIC " + nic));
    Walk there = tracer.fromGuest(n, dst, false);
    Answer a = conversation(there, () -> replyFrom(dst, there.src));
    return new Pair(nic.toString(), dst.toString(), a.verdict(), a.condition(), a.path(), a.missing());
  }

  /** The reply leg from whoever owns an address: a guest, the host, the LAN, or the Internet. */
  private Walk replyFrom(Ipv4 owner, Ipv4 to) {
    Optional<NicAddress> guest = l3.nicAt(owner);
    if (guest.isPresent()) {
      return tracer.fromGuest(guest.get(), to, true);
    }
    if (l3.hostLocal(owner).isPresent()) {
      return tracer.fromHost(to, true);
    }
    if (l3.lan().isPresent() && l3.lanSubnet().filter(c -> c.contains(owner)).isPresent()) {
      return tracer.fromLan(owner, to, true);
    }
    return l3.lan().isPresent() ? tracer.fromInternet(to, true) : tracer.fromHost(to, true);
  }

  /** The answer for one direction, or empty if either end is unknown. */
  public static Optional<Pair> find(List<Pair> pairs, String from, String to) {
    return pairs.stream().filter(p -> p.from().equals(from) && p.to().equals(to)).findFirst();
  }

  private Pair pair(String from, String to, Answer a) {
    return new Pair(from, to, a.verdict(), a.condition(), a.path(), a.missing());
  }

  /** A guest's best NIC for the need: yes beats only-with beats no, then fewer missing steps. */
  private Answer best(Guest g, Function<NicAddress, Answer> need) {
    List<NicAddress> nics = l3.nicsOf(g.id());
    if (nics.isEmpty()) {
      return Answer.no(List.of(), List.of("guest " + dev.patchbay.model.text.Printable.name(g.name()) + " (" + g.id() + ") has no NIC"));
    }
    Answer best = null;
    for (int i = 0; i < nics.size(); i++) {
      best = better(need.apply(nics.get(i)), best);
    }
    return best;
  }

  /** Yes beats only-with beats no, then fewer missing steps; on a tie the earlier answer stays. */
  private static Answer better(Answer candidate, Answer best) {
    if (best == null) {
      return candidate;
    }
    int byVerdict = candidate.verdict().compareTo(best.verdict());
    return byVerdict < 0 || (byVerdict == 0 && candidate.missing().size() < best.missing().size()) ? candidate : best;
  }

  // ---- the needs -----------------------------------------------------------------------------

  private Answer toLan(NicAddress n) {
    if (l3.lan().isEmpty()) {
      return Answer.no(List.of(), List.of("the design has no LAN"));
    }
    Ipv4 lanHost = lanHost();
    Walk there = tracer.fromGuest(n, lanHost, false);
    return conversation(there, () -> tracer.fromLan(lanHost, there.src, true));
  }

  private Answer toInternet(NicAddress n) {
    if (l3.lan().isEmpty()) {
      return Answer.no(List.of(), List.of("the design has no LAN, so no way to the Internet"));
    }
    Walk there = tracer.fromGuest(n, Tracer.INTERNET_HOST, false);
    return conversation(there, () -> tracer.fromInternet(there.src, true));
  }

  private Answer fromLan(NicAddress n) {
    if (l3.lan().isEmpty()) {
      return Answer.no(List.of(), List.of("the design has no LAN"));
    }
    if (inbound.onUserNet(n)) {
      return inbound.viaHostfwd(n, LAN);
    }
    if (n.address() == null) {
      return Answer.no(List.of(), List.of(Wording.noAddress(l3, n)));
    }
    Ipv4 lanHost = lanHost();
    Walk there = tracer.fromLan(lanHost, n.address().address(), false);
    return conversation(there, () -> tracer.fromGuest(n, lanHost, true));
  }

  private Answer fromInternet(NicAddress n) {
    if (l3.lan().isEmpty()) {
      return Answer.no(List.of(), List.of("the design has no LAN, so nothing from the Internet arrives"));
    }
    if (inbound.onUserNet(n)) {
      return inbound.viaHostfwd(n, INTERNET);
    }
    if (n.address() == null) {
      return Answer.no(List.of(), List.of(Wording.noAddress(l3, n)));
    }
    Ipv4 a = n.address().address();
    Walk there = tracer.fromInternet(a, false);
    if (Addresses.isPrivate(a)) {
      there.condition(portForward(a));
    }
    return conversation(there, () -> tracer.fromGuest(n, Tracer.INTERNET_HOST, true));
  }

  String portForward(Ipv4 a) {
    String gw = l3.lanGateway().map(Ipv4::toString).orElse("the LAN's gateway");
    return "the Internet gateway " + gw + " forwards a port to " + a + " (" + a
        + " is a private address that the Internet does not route)";
  }

  private Answer toHost(NicAddress n) {
    Optional<Ipv4> target = inbound.hostTarget(n);
    if (target.isEmpty()) {
      return Answer.no(List.of(n.node()), List.of(l3.hostIfsOn(n.segment()).isEmpty()
          ? "nothing joins " + Wording.nic(n) + " to the host: link its NIC or hub to a tap"
          : "the host has no address " + Wording.nic(n) + " could reach: give the tap or bridge on its segment one"));
    }
    Walk there = tracer.fromGuest(n, target.get(), false);
    return conversation(there, () -> tracer.fromHost(there.src, true));
  }

  private Answer fromHost(NicAddress n) {
    if (inbound.onUserNet(n)) {
      return inbound.viaHostfwd(n, HOST);
    }
    if (n.address() == null) {
      return Answer.no(List.of(), List.of(Wording.noAddress(l3, n)));
    }
    Walk there = tracer.fromHost(n.address().address(), false);
    return conversation(there, () -> tracer.fromGuest(n, there.src, true));
  }

  /**
   * One guest to another on its own: the walk there and the reply walked back, for each pair of
   * their NICs. The matrix answers the same, taking each way's walk as the other way's reply.
   */
  public Pair guestToGuest(Guest from, Guest to) {
    return pair(from.id(), to.id(), toGuest(from, to, null, true));
  }

  /**
   * A guest's best NIC to another guest (as {@link #best}); with the walks loaded for the two
   * (g is side a if aToB), else walking each leg here.
   */
  private Answer toGuest(Guest g, Guest to, GuestPairs walks, boolean aToB) {
    List<NicAddress> nics = l3.nicsOf(g.id());
    if (nics.isEmpty()) {
      return Answer.no(List.of(), List.of("guest " + dev.patchbay.model.text.Printable.name(g.name()) + " (" + g.id() + ") has no NIC"));
    }
    Answer best = null;
    for (int i = 0; i < nics.size(); i++) {
      best = better(toGuest(nics.get(i), i, to, walks, aToB), best);
    }
    return best;
  }

  private Answer toGuest(NicAddress from, int i, Guest to, GuestPairs walks, boolean aToB) {
    Answer best = null;
    List<NicAddress> targets = l3.nicsOf(to.id());
    for (int j = 0; j < targets.size(); j++) {
      NicAddress target = targets.get(j);
      if (inbound.onUserNet(target) && target.segment() != from.segment()) {
        best = better(inbound.viaHostfwd(target, from), best);
      } else if (target.address() == null) {
        best = better(Answer.no(List.of(), List.of(Wording.noAddress(l3, target))), best);
      } else {
        Walk there = walks != null ? walks.there(aToB, i, j)
            : tracer.fromGuest(from, target.address().address(), false);
        if (there.ok() && !there.natted && there.src != null) {
          Walk.Findings back = walks != null ? walks.reply(aToB, i, j, there.src) : null;
          if (back != null) {
            there.absorb(back);
          } else {
            there.absorb(tracer.fromGuest(target, there.src, true));
          }
        }
        best = better(Answer.of(there), best);
      }
    }
    return best != null ? best
        : Answer.no(List.of(), List.of("guest " + dev.patchbay.model.text.Printable.name(to.name()) + " (" + to.id() + ") has no NIC"));
  }

  /** Both legs: the packet there, and (unless NAT's connection tracking carries it) the reply back. */
  static Answer conversation(Walk there, Supplier<Walk> back) {
    if (there.ok() && !there.natted && there.src != null) {
      there.absorb(back.get());
    }
    return Answer.of(there);
  }

  Ipv4 lanHost() {
    return new LanHostFinder(l3).find();
  }

  /** A machine on the LAN that nobody in the design claims: the subnet's highest free address. */
  record LanHostFinder(Layer3 l3) {
    Ipv4 find() {
      Cidr subnet = l3.lanSubnet().orElse(Cidr.of("192.168.0.0/24"));
      for (Ipv4 a = subnet.broadcast().plus(-1); subnet.contains(a); a = a.plus(-1)) {
        Ipv4 candidate = a;
        boolean claimed = l3.hostLocal(a).isPresent() || l3.lanGateway().filter(candidate::equals).isPresent()
            || l3.nicAt(candidate).isPresent();
        if (!claimed) {
          return a;
        }
      }
      return subnet.address();
    }
  }
}
