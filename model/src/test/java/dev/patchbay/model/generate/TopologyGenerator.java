package dev.patchbay.model.generate;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds large lab topologies that are valid in QEMU's terms, for layout tests and benchmarks.
 *
 * <p>Two kinds of segment, each with its own /20 and NATed out of the uplink:
 * <ul>
 *   <li>a bridge of taps (NAT behind a bridge): every guest through its own tap, the bridge
 *       holding the segment's gateway address;</li>
 *   <li>a hub segment (the hub and socket scenarios): a hub lives inside ONE QEMU process, so every hub is owned by
 *       one guest (its NIC on the hub); the hubs of further guests join by socket listen/connect
 *       links, more guests join a multicast bus on the first hub with their NIC, and the first
 *       hub holds a host tap with the segment's gateway address.</li>
 * </ul>
 * Every guest has a unique MAC, a unique address in its segment's subnet and that segment's gateway.
 * The same seed gives the same topology, element for element.
 */
public final class TopologyGenerator {
  /** Smallest size: LAN, Internet, uplink and one hub segment with two guests. */
  public static final int MINIMUM = 8;
  /** Segments take /20s from 10.1.0.0 up to the LAN at 10.200.0.0/16 (10.0.2.0/24 is user net's). */
  private static final int FIRST_BLOCK = 16;
  private static final int LAST_BLOCK = 200 * 16;
  /** Guest addresses per /20, leaving room for the gateway (.1) and the broadcast. */
  private static final int HOSTS_PER_SEGMENT = 4000;
  private static final int ELEMENTS_PER_SEGMENT = 12;
  /** Multicast buses take UDP ports from here (one per segment, fewer than 3,184), listeners TCP ports above. */
  private static final int MCAST_PORT = 5000;
  private static final int LISTEN_PORT = 10000;

  private final Topology t = new Topology();
  private final Random random;
  private final List<Segment> segments = new ArrayList<>();
  private final List<HostSettings.Nat> nat = new ArrayList<>();
  private int links;
  private int guests;
  private int taps;
  private int hubs;
  private int sockets;
  private int room;

  /** One L2 segment: a bridge, or a chain of hubs with its multicast bus. */
  private static final class Segment {
    final int index;
    final String kind;
    final int base;
    String bridge;
    String bus;
    String lastHub;
    int members;

    Segment(int index, String kind) {
      this.index = index;
      this.kind = kind;
      this.base = (10 << 24) | ((FIRST_BLOCK + index) << 12);
    }

    boolean isBridge() {
      return "bridge".equals(kind);
    }

    String cidr() {
      return dotted(base) + "/20";
    }

    String gateway() {
      return dotted(base + 1);
    }
  }

  private TopologyGenerator(long seed, int elements) {
    random = new Random(seed);
    room = elements;
  }

  /**
   * A topology of exactly {@code elements} elements (at least {@link #MINIMUM}): the LAN, the
   * Internet and the uplink, about one segment per twelve elements, and guests filling the rest.
   */
  public static Topology generate(int elements, long seed) {
    if (elements < MINIMUM) {
      throw new IllegalArgumentException("a generated topology needs at least " + MINIMUM + " elements, not "
          + elements);
    }
    TopologyGenerator g = new TopologyGenerator(seed, elements);
    g.outside();
    g.segments(Math.min(LAST_BLOCK - FIRST_BLOCK, Math.max(1, elements / ELEMENTS_PER_SEGMENT)));
    while (g.room > 0) {
      g.grow();
    }
    g.t.setHost(new HostSettings(true, g.nat, List.of(), List.of()));
    return g.t;
  }

  private void outside() {
    t.setMetadata("generated", "A generated topology for layout tests and benchmarks.", null);
    add(new Lan("lan", "LAN", "10.200.0.0/16", "10.200.0.1", List.of()));
    add(new Internet("internet", "Internet"));
    add(new Uplink("eth0", "eth0", Uplink.Medium.WIRED, "10.200.0.10/16", "10.200.0.1", List.of()));
    link(Endpoint.of("lan"), Endpoint.of("internet"));
    link(Endpoint.of("eth0"), Endpoint.of("lan"));
  }

  /**
   * The first segment is a hub segment (it alone fits the smallest size), the second a bridge,
   * the rest either; a segment is only started while its skeleton fits the room left.
   */
  private void segments(int count) {
    hubSegment(room >= 12);
    for (int i = 1; i < count; i++) {
      boolean bridge = i == 1 || random.nextBoolean();
      if (room < (bridge ? 3 : 5)) {
        return;
      }
      if (bridge) {
        bridgeSegment();
      } else {
        hubSegment(false);
      }
    }
  }

  /** A bridge with the segment's gateway address and its first guest: 3 elements. */
  private void bridgeSegment() {
    Segment s = newSegment("bridge");
    s.bridge = "br" + s.index;
    add(new Bridge(s.bridge, s.bridge, s.gateway() + "/20", false));
    bridgeGuest(s);
  }

  /**
   * A hub owned by its guest, a host tap with the gateway address, a multicast bus and the bus's
   * first guest (5 elements), and user net on the hub when asked (one more).
   */
  private void hubSegment(boolean userNet) {
    Segment s = newSegment("hub");
    String owner = guest(s);
    s.lastHub = hub(owner);
    String tap = "tap" + taps++;
    add(new Tap(tap, tap, s.gateway() + "/20", null));
    link(Endpoint.of(s.lastHub), Endpoint.of(tap));
    s.bus = "mcast" + s.index;
    add(new Socket(s.bus, s.bus, Socket.Transport.MCAST, multicastGroup(s.index), MCAST_PORT + s.index, null));
    link(Endpoint.of(s.lastHub), Endpoint.of(s.bus));
    busGuest(s);
    if (userNet) {
      add(UserNet.defaults("user0", "user0"));
      link(Endpoint.of(s.lastHub), Endpoint.of("user0"));
    }
  }

  private Segment newSegment(String kind) {
    Segment s = new Segment(segments.size(), kind);
    segments.add(s);
    nat.add(new HostSettings.Nat(s.cidr(), "eth0"));
    return s;
  }

  /**
   * One more guest on a random segment that has addresses left: through its own tap on a bridge
   * (2 elements), with its own hub socketed to the chain (3), or on the multicast bus (1). What
   * does not fit the room left goes on a multicast bus, so the count comes out exact.
   */
  private void grow() {
    Segment s = segments.get(random.nextInt(segments.size()));
    if (s.members >= HOSTS_PER_SEGMENT) {
      s = segments.stream().filter(x -> x.members < HOSTS_PER_SEGMENT).findFirst()
          .orElseThrow(() -> new IllegalStateException("no addresses left in any segment"));
    }
    if (s.isBridge() && room >= 2) {
      bridgeGuest(s);
      return;
    }
    if (s.isBridge()) {
      s = segments.get(0);
    }
    if (room >= 3 && random.nextInt(3) == 0 && LISTEN_PORT + sockets <= 65535) {
      chainGuest(s);
    } else {
      busGuest(s);
    }
  }

  private void bridgeGuest(Segment s) {
    String guest = guest(s);
    String tap = "tap" + taps++;
    add(new Tap(tap, tap, null, null));
    link(Endpoint.of(tap), Endpoint.of(s.bridge));
    link(Endpoint.of(guest, "nic0"), Endpoint.of(tap));
  }

  private void busGuest(Segment s) {
    String guest = guest(s);
    link(Endpoint.of(guest, "nic0"), Endpoint.of(s.bus));
  }

  /** A guest with its own hub, joined to the segment's last hub by a socket (the socket scenario's listen/connect). */
  private void chainGuest(Segment s) {
    String guest = guest(s);
    String hub = hub(guest);
    String sock = "sock" + sockets;
    add(new Socket(sock, sock, Socket.Transport.SOCKET, "127.0.0.1", LISTEN_PORT + sockets++, null));
    link(Endpoint.of(s.lastHub), Endpoint.of(sock, Socket.LISTEN));
    link(Endpoint.of(sock, Socket.CONNECT), Endpoint.of(hub));
    s.lastHub = hub;
  }

  private String hub(String owner) {
    String id = "hub" + hubs;
    add(new Hub(id, id, hubs++));
    link(Endpoint.of(owner, "nic0"), Endpoint.of(id));
    return id;
  }

  /** A guest with one NIC: a MAC from its number, the segment's next address and its gateway. */
  private String guest(Segment s) {
    int n = guests++;
    String mac = String.format("52:54:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    String address = dotted(s.base + 2 + s.members++) + "/20";
    String id = String.format("vm%02d", n);
    NicModel model = random.nextInt(4) == 0
        ? NicModel.values()[random.nextInt(NicModel.values().length)] : NicModel.E1000;
    add(Guest.of(id, id, new Nic("nic0", model, mac, IpConfig.fixed(address, s.gateway()))));
    return id;
  }

  private static String multicastGroup(int index) {
    return "230.0." + index / 250 + "." + (1 + index % 250);
  }

  private static String dotted(int a) {
    return (a >>> 24) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff);
  }

  private void add(Element e) {
    t.add(e, null);
    room--;
  }

  private void link(Endpoint a, Endpoint b) {
    t.connect(new Link("l" + links++, a, b));
  }
}
