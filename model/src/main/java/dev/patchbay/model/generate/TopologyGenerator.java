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
 * Builds large, valid lab topologies for layout tests and benchmarks: guests spread over bridges
 * (each guest through its own tap, the bridge NATed out of the uplink) and QEMU hubs (joined
 * to each other by sockets, some with a user net or a host tap). The same seed gives the same
 * topology, element for element.
 */
public final class TopologyGenerator {
  private final Topology t = new Topology();
  private final Random random;
  private final List<String> segments = new ArrayList<>();
  private final List<HostSettings.Nat> nat = new ArrayList<>();
  private int links;
  private int guests;
  private int taps;

  private TopologyGenerator(long seed) {
    random = new Random(seed);
  }

  /**
   * A topology of exactly {@code elements} elements (at least 8): the LAN, the Internet and the
   * uplink, about one segment per twelve elements, and guests filling the rest.
   */
  public static Topology generate(int elements, long seed) {
    if (elements < 8) {
      throw new IllegalArgumentException("a generated topology needs at least 8 elements, not " + elements);
    }
    TopologyGenerator g = new TopologyGenerator(seed);
    g.outside();
    int segmentCount = Math.max(2, elements / 12);
    for (int i = 0; i < segmentCount; i++) {
      g.segment(i, i == 0 ? false : i == 1 || g.random.nextBoolean());
    }
    while (g.t.elements().size() < elements) {
      g.guest(elements - g.t.elements().size());
    }
    g.t.setHost(new HostSettings(true, g.nat, List.of(), List.of()));
    return g.t;
  }

  private void outside() {
    t.setMetadata("generated", "A generated topology for layout tests and benchmarks.", null);
    add(new Lan("lan", "LAN", "10.9.0.0/16", "10.9.0.1", List.of()));
    add(new Internet("internet", "Internet"));
    add(new Uplink("eth0", "eth0", Uplink.Medium.WIRED, "10.9.0.10/16", "10.9.0.1", List.of()));
    link(Endpoint.of("lan"), Endpoint.of("internet"));
    link(Endpoint.of("eth0"), Endpoint.of("lan"));
  }

  /**
   * A bridge (host side, NATed) or a hub with a tap into the host; the first hub also has a user
   * net, every later one a socket to the hub before it (a chain, as seed 004 joins vlans).
   */
  private void segment(int i, boolean hub) {
    if (!hub) {
      String id = "br" + i;
      add(new Bridge(id, id, "10." + i + ".0.1/24", false));
      nat.add(new HostSettings.Nat("10." + i + ".0.0/24", "eth0"));
      segments.add(id);
      return;
    }
    String id = "vlan" + i;
    add(new Hub(id, id, i));
    String previous = lastHub();
    segments.add(id);
    String tap = "qtap" + i;
    add(new Tap(tap, tap, "10." + i + ".0.1/24", null));
    link(Endpoint.of(id), Endpoint.of(tap));
    if (previous != null) {
      String sock = "sock" + i;
      add(new Socket(sock, sock, Socket.Transport.SOCKET, "127.0.0.1", 8000 + i, null));
      link(Endpoint.of(previous), Endpoint.of(sock, Socket.LISTEN));
      link(Endpoint.of(sock, Socket.CONNECT), Endpoint.of(id));
    } else {
      String user = "user" + i;
      add(UserNet.defaults(user, user));
      link(Endpoint.of(id), Endpoint.of(user));
    }
  }

  private String lastHub() {
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i).startsWith("vlan")) {
        return segments.get(i);
      }
    }
    return null;
  }

  private String firstHub() {
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).startsWith("vlan")) {
        return segments.get(i);
      }
    }
    return null;
  }

  /** A guest on a random segment; through a new tap on a bridge, unless only one element is left. */
  private void guest(int room) {
    int n = guests++;
    String segment = segments.get(random.nextInt(segments.size()));
    if (segment.startsWith("br") && room < 2) {
      segment = firstHub();
    }
    int net = Integer.parseInt(segment.replaceAll("\\D", ""));
    String mac = String.format("52:54:00:%02x:%02x:%02x", net, n / 256, n % 256);
    String address = "10." + net + ".0." + (10 + n % 240) + "/24";
    String id = String.format("vm%02d", n);
    NicModel model = random.nextInt(4) == 0 ? NicModel.values()[random.nextInt(NicModel.values().length)] : NicModel.E1000;
    add(Guest.of(id, id, new Nic("nic0", model, mac, IpConfig.fixed(address, null))));
    if (segment.startsWith("br")) {
      String tap = "tap" + taps++;
      add(new Tap(tap, tap, null, null));
      link(Endpoint.of(tap), Endpoint.of(segment));
      link(Endpoint.of(id, "nic0"), Endpoint.of(tap));
    } else {
      link(Endpoint.of(id, "nic0"), Endpoint.of(segment));
    }
  }

  private void add(Element e) {
    t.add(e, null);
  }

  private void link(Endpoint a, Endpoint b) {
    t.connect(new Link("l" + links++, a, b));
  }
}
