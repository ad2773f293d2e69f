package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.net.Mac;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * New elements for palette drops: fresh ids and names, and defaults that work (a guest gets one
 * e1000 NIC with its own MAC, because QEMU's default MAC is the same for every guest).
 */
public final class ElementFactory {
  private final Random random;

  public ElementFactory(Random random) {
    this.random = random;
  }

  public Element create(ElementKind kind, Topology t) {
    String id = t.freshId(kind.idPrefix());
    String name = t.freshName(namePrefix(kind));
    return switch (kind) {
      case GUEST -> Guest.of(id, name, newNic("nic0", t));
      case HUB -> new Hub(id, name, freeHubId(t));
      case TAP -> new Tap(id, name, null, null);
      case BRIDGE -> new Bridge(id, name, null, false);
      case UPLINK -> new Uplink(id, name, Uplink.Medium.WIRED, null, null, List.of());
      case SOCKET -> new Socket(id, name, Socket.Transport.SOCKET, "127.0.0.1", freePort(t), null);
      // No socket path: scripts and labs put it in a private runtime folder (a /tmp name could be taken first).
      case VDE -> new VdeSwitch(id, name, null, false);
      case USER -> UserNet.defaults(id, name);
      case LAN -> new Lan(id, name, "10.0.0.0/8", "10.0.0.1", List.of());
      case INTERNET -> new Internet(id, name);
    };
  }

  /** Names users expect: guest0, hub0, tap0, br0, eth0, ... */
  static String namePrefix(ElementKind kind) {
    return switch (kind) {
      case GUEST -> "guest";
      case LAN -> "LAN";
      case INTERNET -> "Internet";
      default -> kind.idPrefix();
    };
  }

  /** A NIC with a MAC no other NIC in the topology has. */
  public Nic newNic(String name, Topology t) {
    return new Nic(name, NicModel.E1000, freshMac(t), IpConfig.none());
  }

  public String freshMac(Topology t) {
    Set<String> used = t.elementsOf(Guest.class).flatMap(g -> g.nics().stream())
        .map(Nic::mac).filter(m -> m != null).map(String::toLowerCase).collect(Collectors.toSet());
    String mac;
    do {
      mac = Mac.random(random).toString();
    } while (used.contains(mac) || mac.equals(Mac.QEMU_DEFAULT.toString()));
    return mac;
  }

  private static int freeHubId(Topology t) {
    Set<Integer> used = t.elementsOf(Hub.class).map(Hub::hubId).collect(Collectors.toSet());
    int n = 0;
    while (used.contains(n)) {
      n++;
    }
    return n;
  }

  private static int freePort(Topology t) {
    Set<Integer> used = t.elementsOf(Socket.class).map(Socket::port).collect(Collectors.toSet());
    int port = 1234;
    while (used.contains(port)) {
      port++;
    }
    return port;
  }
}
