package dev.patchbay.model.diagram;

import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random designs of the kinds the compact style draws (no bridges): an uplink on a LAN, taps, hubs,
 * a VDE switch, a multicast bus, sockets between hubs, guests with one to three NICs wired at random.
 * The same seed gives the same design.
 */
final class CompactDesigns {
  private final Random random;
  private final Topology t = new Topology();
  private final List<Endpoint> open = new ArrayList<>();
  private final List<Endpoint> shared = new ArrayList<>();
  private int links;

  private CompactDesigns(long seed) {
    random = new Random(seed);
  }

  static Topology random(long seed) {
    CompactDesigns d = new CompactDesigns(seed);
    d.build();
    return d.t;
  }

  private void build() {
    if (random.nextBoolean()) {
      add(new Internet("inet", "Internet"));
      add(new Lan("lan", "LAN", "192.168.0.0/24", "192.168.0.1", List.of()));
      add(new Uplink("eth0", "eth0", Uplink.Medium.WIRED, "192.168.0.10/24", "192.168.0.1", List.of()));
      link(Endpoint.of("lan"), Endpoint.of("inet"));
      link(Endpoint.of("eth0"), Endpoint.of("lan"));
    }
    for (int i = 0; i < random.nextInt(3); i++) {
      add(new Tap("tap" + i, "tap" + i, "10." + i + ".0.1/24", null));
      open.add(Endpoint.of("tap" + i));
    }
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      add(new Hub("hub" + i, "vlan" + i, i));
      shared.add(Endpoint.of("hub" + i));
    }
    if (random.nextBoolean()) {
      add(new VdeSwitch("vde", "vde0", "/run/vde.ctl", random.nextBoolean()));
      shared.add(Endpoint.of("vde"));
    }
    if (random.nextBoolean()) {
      add(new Socket("bus", "bus", Socket.Transport.MCAST, "230.0.0.1", 1234, null));
      shared.add(Endpoint.of("bus"));
    }
    for (int i = 0; i < random.nextInt(3); i++) {
      Socket s = new Socket("sock" + i, "sock" + i, Socket.Transport.SOCKET, "127.0.0.1", 8010 + i, null);
      add(s);
      link(Endpoint.of(s.id(), Socket.LISTEN), pick(shared));
      open.add(Endpoint.of(s.id(), Socket.CONNECT));
    }
    guests();
  }

  private void guests() {
    int guests = 2 + random.nextInt(5);
    for (int g = 0; g < guests; g++) {
      List<Nic> nics = new ArrayList<>();
      int count = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
      for (int n = 0; n < count; n++) {
        nics.add(new Nic("nic" + n, NicModel.E1000, String.format("52:54:00:00:%02x:%02x", g, n),
            IpConfig.fixed("10.9." + g + "." + (10 + n) + "/24", null)));
      }
      add(Guest.of("g" + g, "guest" + g, nics.toArray(Nic[]::new)));
      for (Nic n : nics) {
        Endpoint to = !open.isEmpty() && random.nextBoolean() ? open.remove(random.nextInt(open.size())) : pick(shared);
        link(Endpoint.of("g" + g, n.name()), to);
      }
    }
  }

  private Endpoint pick(List<Endpoint> from) {
    return from.get(random.nextInt(from.size()));
  }

  private void add(dev.patchbay.model.topology.Element e) {
    t.add(e, new Point(0, 0));
  }

  private void link(Endpoint a, Endpoint b) {
    t.connect(new Link("l" + links++, a, b));
  }
}
