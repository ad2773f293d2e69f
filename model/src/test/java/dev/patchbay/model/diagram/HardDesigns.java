package dev.patchbay.model.diagram;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Named;

/**
 * Designs the text diagram found hard (independent checks of issue 19): dense ones where lines
 * must cross, generated ones at every size, and names that are anything but plain ASCII words.
 * Shared by the structural tests of every text renderer.
 */
final class HardDesigns {
  /** A name of 233 characters, as one check used: wider than any --width the CLI allows. */
  static final String LONG = "a-guest-whose-name-goes-on-" + "and-on-".repeat(29) + "end";

  private HardDesigns() {}

  /** Dense, generated and foreign designs, each named for a test report. */
  static List<Named<Topology>> all() {
    List<Named<Topology>> out = new ArrayList<>();
    out.add(Named.of("three guests each on three bridges", threeByThree()));
    out.add(Named.of("hubs chained by sockets with multicast buses", hubChain(4)));
    for (long seed : new long[] {1, 2, 3}) {
      for (int size : new int[] {50, 120, 200}) {
        out.add(Named.of("generated " + size + " elements, seed " + seed, TopologyGenerator.generate(size, seed)));
      }
    }
    out.add(Named.of("names with spaces", guestsOnAHub("web server", "db one", "mail gw")));
    out.add(Named.of("CJK names", guestsOnAHub("サーバー", "网关", "데이터베이스")));
    out.add(Named.of("combining marks", guestsOnAHub("Ga\u0308ste", "Gäste", "e\u0301\u0301")));
    out.add(Named.of("other scripts", guestsOnAHub("гость", "связь", "ξένος")));
    out.add(Named.of("control characters", guestsOnAHub("web\nserver", "db\tone", "bell\u0007", "nul\u0000")));
    out.add(Named.of("very long names", guestsOnAHub(LONG, LONG + "-2", "short")));
    out.add(Named.of("long names on the host", longOnTheHost()));
    return out;
  }

  /** Three bridges, three guests, each guest on every bridge through its own tap. */
  static Topology threeByThree() {
    Topology t = new Topology();
    List<Link> links = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      t.add(new Bridge("br" + b, "br" + b, "10.0." + b + ".1/24", false), null);
    }
    for (int g = 0; g < 3; g++) {
      List<Nic> nics = new ArrayList<>();
      for (int b = 0; b < 3; b++) {
        nics.add(new Nic("nic" + b, null, String.format("52:54:00:00:%02x:%02x", g, b),
            IpConfig.fixed("10.0." + b + "." + (10 + g) + "/24", null)));
        String tap = "tap" + g + b;
        t.add(new Tap(tap, tap, null, null), null);
        links.add(new Link("lb" + g + b, Endpoint.of(tap), Endpoint.of("br" + b)));
        links.add(new Link("lg" + g + b, Endpoint.of("g" + g, "nic" + b), Endpoint.of(tap)));
      }
      t.add(new Guest("g" + g, "guest" + g, "x86_64", "pc", 128, null, nics), null);
    }
    links.forEach(t::connect);
    return t;
  }

  /**
   * Hubs in a chain, each joined to the next by a socket (listen on one, connect on the next),
   * each with a guest and a multicast bus carrying two more guests.
   */
  static Topology hubChain(int hubs) {
    Topology t = new Topology();
    int guests = 0;
    for (int h = 0; h < hubs; h++) {
      t.add(new Hub("hub" + h, "vlan" + h, h), null);
      t.add(new Socket("bus" + h, "bus" + h, Socket.Transport.MCAST, "230.0.0." + (h + 1), 5000 + h, null), null);
      t.connect(new Link("lbus" + h, Endpoint.of("hub" + h), Endpoint.of("bus" + h)));
      for (int k = 0; k < 3; k++) {
        String g = "vm" + guests++;
        t.add(Guest.of(g, g, new Nic("nic0", null, null, IpConfig.dhcp())), null);
        t.connect(new Link("l" + g, Endpoint.of(g, "nic0"), Endpoint.of(k == 0 ? "hub" + h : "bus" + h)));
      }
      if (h > 0) {
        String s = "sock" + h;
        t.add(new Socket(s, s, Socket.Transport.SOCKET, "127.0.0.1", 8000 + h, null), null);
        t.connect(new Link("ll" + h, Endpoint.of("hub" + (h - 1)), Endpoint.of(s, Socket.LISTEN)));
        t.connect(new Link("lc" + h, Endpoint.of(s, Socket.CONNECT), Endpoint.of("hub" + h)));
      }
    }
    return t;
  }

  /** Guests with these names on one hub, the hub also on user net. */
  static Topology guestsOnAHub(String... names) {
    Topology t = new Topology();
    t.add(new Hub("hub", "vlan0", 0), null);
    t.add(UserNet.defaults("user", "user"), null);
    t.connect(new Link("lu", Endpoint.of("hub"), Endpoint.of("user")));
    for (int i = 0; i < names.length; i++) {
      t.add(Guest.of("g" + i, names[i], new Nic("nic0", null, null, IpConfig.dhcp())), null);
      t.connect(new Link("l" + i, Endpoint.of("g" + i, "nic0"), Endpoint.of("hub")));
    }
    return t;
  }

  /** A bridge and a tap with long names inside the host, NAT out through the bridge's name. */
  static Topology longOnTheHost() {
    Topology t = new Topology();
    t.add(new Bridge("br", "bridge-" + LONG, "192.168.0.1/24", false), null);
    t.add(new Tap("tap", "tap-" + LONG, null, null), null);
    t.add(Guest.of("g", "guest", new Nic("nic0", null, null, IpConfig.dhcp())), null);
    t.connect(new Link("l1", Endpoint.of("tap"), Endpoint.of("br")));
    t.connect(new Link("l2", Endpoint.of("g", "nic0"), Endpoint.of("tap")));
    t.setHost(new HostSettings(true, List.of(new HostSettings.Nat("192.168.0.0/24", "br")), List.of(), List.of()));
    return t;
  }
}
