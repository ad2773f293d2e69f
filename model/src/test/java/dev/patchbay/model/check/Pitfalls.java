package dev.patchbay.model.check;

import static dev.patchbay.model.Edits.address;
import static dev.patchbay.model.Edits.change;
import static dev.patchbay.model.Edits.gateway;
import static dev.patchbay.model.Edits.host;
import static dev.patchbay.model.Edits.link;
import static dev.patchbay.model.Edits.nic;
import static dev.patchbay.model.Edits.unlink;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.UserNet;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Each pitfall the classic QEMU notes name (and a few a network engineer adds), injected into a copy of a
 * sample: which diagnostic must catch it and which element id it must name.
 */
final class Pitfalls {
  private Pitfalls() {}

  /** A sample, an edit that breaks it, and the finding expected. */
  record Case(String rule, String sample, String element, String what, Consumer<Topology> inject) {
    @Override
    public String toString() {
      return rule + " <- " + sample + ": " + what;
    }
  }

  static final String S000 = "routed-tun.json";
  static final String TAP_ONLY = "tap-host-only.json";
  static final String USER = "user-net-hostfwd.json";
  static final String VDE = "vde-switch.json";
  static final String P0 = "routed-subnets.json";
  static final String P1 = "nat-routing.json";
  static final String P2 = "nat-bridge.json";
  static final String P3 = "bridged-lan.json";
  static final String WIFI = "wifi-proxy-arp.json";
  static final String HUB_NICS = "hub-nics.json";
  static final String HUB_TAP = "hub-tap.json";
  static final String MCAST = "mcast-three-guests.json";
  static final String SOCK = "socket-listen-connect.json";
  static final String USER_HUB = "user-on-hub.json";

  static List<Case> all() {
    List<Case> c = new ArrayList<>();
    wiring(c);
    addressing(c);
    routing(c);
    services(c);
    values(c);
    EverySamplePitfalls.add(c);
    return c;
  }

  /** Values that reach QEMU's, vde_switch's and the host's command lines (issue 15, hole 1). */
  private static void values(List<Case> c) {
    c.add(new Case("qemu.arch", P2, "guest1", "an arch that walks out of the program's name",
        t -> change(t, "guest1", Guest.class, g -> guest(g, "x/../evil.sh", g.machine(), g.memoryMiB(), g.disk()))));
    c.add(new Case("qemu.machine", P2, "guest2", "machine options after the type",
        t -> change(t, "guest2", Guest.class, g -> guest(g, g.arch(), "pc,dumpdtb=/tmp/x", g.memoryMiB(), g.disk()))));
    c.add(new Case("qemu.name", HUB_NICS, "guest", "a comma that sets a -name option",
        t -> change(t, "guest", Guest.class, g -> g.withIdentity(g.id(), "foo,debug-threads=on"))));
    c.add(new Case("qemu.name-clash", P0, "guest2", "two guests whose pid files are one",
        t -> {
          change(t, "guest1", Guest.class, g -> g.withIdentity(g.id(), "vm 1"));
          change(t, "guest2", Guest.class, g -> g.withIdentity(g.id(), "vm;1"));
        }));
    c.add(new Case("qemu.memory", S000, "guest", "no memory", t -> change(t, "guest", Guest.class, g -> g.withMemory(0))));
    c.add(new Case("qemu.disk", USER, "sol11", "a json: pseudo-protocol as disk",
        t -> change(t, "sol11", Guest.class, g -> g.withDisk("json:{\"driver\":\"file\",\"filename\":\"/etc/shadow\"}"))));
    c.add(new Case("qemu.nic-name", MCAST, "guestC", "a NIC name that adds netdev options", t -> {
      unlink(t, "l2");
      change(t, "guestC", Guest.class, g -> g.withNics(List.of(new Nic("n,helper=/x", g.nics().get(0).model(),
          g.nics().get(0).mac(), g.nics().get(0).ip()))));
    }));
    c.add(new Case("vde.name", VDE, "vde0", "a switch named like a path",
        t -> change(t, "vde0", VdeSwitch.class, v -> new VdeSwitch(v.id(), "../../etc", v.socketPath(), v.hubMode()))));
    c.add(new Case("vde.socket-path", VDE, "vde0", "a relative socket folder",
        t -> change(t, "vde0", VdeSwitch.class, v -> new VdeSwitch(v.id(), v.name(), "ctl/../x", v.hubMode()))));
    c.add(new Case("vde.socket-shared", VDE, "vde0", "the old default /tmp/NAME.ctl",
        t -> change(t, "vde0", VdeSwitch.class, v -> new VdeSwitch(v.id(), v.name(), "/tmp/vde0.ctl", v.hubMode()))));
    c.add(new Case("socket.host", SOCK, "sock8010", "a host that adds options",
        t -> change(t, "sock8010", Socket.class, s -> new Socket(s.id(), s.name(), s.transport(), "127.0.0.1,fd=3",
            s.port(), s.peerPort()))));
    c.add(new Case("route.incomplete", WIFI, "tap2", "a route with no destination", t -> host(t, h -> h.withRoutes(List.of(
        h.routes().get(0), new HostSettings.Route(null, null, "tap2"), h.routes().get(2))))));
    c.add(new Case("nat.incomplete", P1, "eth0", "a masquerade rule without its source",
        t -> host(t, h -> h.withNat(List.of(h.nat().get(0), new HostSettings.Nat(null, "eth0"))))));
    c.add(new Case("tap.owner", TAP_ONLY, "tap0", "an owner that is no user name",
        t -> change(t, "tap0", Tap.class, x -> new Tap(x.id(), x.name(), x.address(), "root; reboot"))));
  }

  private static Guest guest(Guest g, String arch, String machine, int memory, String disk) {
    return new Guest(g.id(), g.name(), arch, machine, memory, disk, g.nics());
  }

  private static void wiring(List<Case> c) {
    c.add(new Case("link.invalid", HUB_TAP, "x1", "NIC wired twice", t -> link(t, "x1", "guest:nic0", "qtap0")));
    c.add(new Case("link.invalid", SOCK, "x1", "a socket wired without naming its side",
        t -> link(t, "x1", "vlan2", "sock8010")));
    c.add(new Case("hub.no-nic", HUB_TAP, "vlan0", "the guest's NIC unplugged from the vlan", t -> unlink(t, "l0")));
    c.add(new Case("hub.no-nic", HUB_NICS, "spare", "an unused hub", t -> t.add(new Hub("spare", "spare", 7), null)));
    c.add(new Case("import.not-imported", HUB_NICS, dev.patchbay.model.importer.Importers.NOTE_ID,
        "an import that left a router out", t -> t.putNote(new dev.patchbay.model.topology.Note(
            dev.patchbay.model.importer.Importers.NOTE_ID, "Not imported from the GNS3 project (Patchbay cannot run these):\n"
            + "- R1 (Dynamips c7200 router): a vendor router image", 40, 40))));
    c.add(new Case("hub.single-port", HUB_NICS, "vlan1", "one NIC left on the hub", t -> unlink(t, "l1")));
    c.add(new Case("hub.multi-process", SOCK, "vlan0", "guest B's NIC moved onto guest A's hub", t -> {
      unlink(t, "l3");
      link(t, "x1", "guestB:nic0", "vlan0");
    }));
    c.add(new Case("hub.id-clash", HUB_NICS, "h2", "two hubs with hubid 1 in one process", t -> {
      t.add(new Hub("h2", "h2", 1), null);
      unlink(t, "l1");
      link(t, "x1", "guest:nic1", "h2");
    }));
    c.add(new Case("nic.unattached", TAP_ONLY, "dsl", "the NIC's cable pulled", t -> unlink(t, "l2")));
    c.add(new Case("nic.name-duplicate", HUB_NICS, "guest", "two NICs named nic0",
        t -> change(t, "guest", dev.patchbay.model.topology.Guest.class, g -> g.withNics(List.of(g.nics().get(0),
            new Nic("nic0", g.nics().get(1).model(), "52:54:00:12:34:99", g.nics().get(1).ip()))))));
    c.add(new Case("mac.duplicate", P1, "guest2", "guest2 copies guest1's MAC",
        t -> nic(t, "guest2", "nic0", n -> n.withMac("52:54:00:00:00:10"))));
    c.add(new Case("mac.duplicate", MCAST, "guestB", "no MACs set: QEMU's default in every guest",
        t -> List.of("guestA", "guestB", "guestC").forEach(g -> nic(t, g, "nic0", n -> n.withMac(null)))));
    c.add(new Case("mac.duplicate", VDE, "guestB", "guest B copies guest A's MAC",
        t -> nic(t, "guestB", "nic0", n -> n.withMac("52:54:00:10:00:0a"))));
    c.add(new Case("mac.malformed", S000, "guest", "a typo in the MAC", t -> nic(t, "guest", "nic0", n -> n.withMac("52:54:00:zz:00:10"))));
    c.add(new Case("mac.multicast", S000, "guest", "a MAC with the group bit", t -> nic(t, "guest", "nic0", n -> n.withMac("53:54:00:20:00:10"))));
    c.add(new Case("tap.shared", P0, "tap0", "both guests on tap0", t -> {
      unlink(t, "l3");
      link(t, "x1", "guest2:nic0", "tap0");
    }));
    c.add(new Case("tap.unheld", P0, "tap1", "guest2 unplugged from tap1", t -> unlink(t, "l3")));
    c.add(new Case("ifname.too-long", P2, "tap0", "a 25-byte tap name",
        t -> change(t, "tap0", Tap.class, x -> (Tap) x.withIdentity("tap0", "tap-with-a-very-long-name"))));
    c.add(new Case("ifname.invalid", P2, "tap1", "a space in a tap name", t -> change(t, "tap1", Tap.class, x -> (Tap) x.withIdentity("tap1", "tap 1"))));
    c.add(new Case("ifname.unsafe", P2, "tap1", "a $ in a tap name", t -> change(t, "tap1", Tap.class, x -> (Tap) x.withIdentity("tap1", "tap$1"))));
    c.add(new Case("ifname.duplicate", P2, "tap1", "two taps named tap0", t -> change(t, "tap1", Tap.class, x -> (Tap) x.withIdentity("tap1", "tap0"))));
    c.add(new Case("l2.loop", P2, "hubx", "a hub joined to two taps of br0", t -> {
      unlink(t, "l4");
      t.add(new Hub("hubx", "hubx", 0), null);
      t.add(new Tap("tapx", "tapx", null, null), null);
      link(t, "x1", "guest1:nic0", "hubx");
      link(t, "x2", "hubx", "tap0");
      link(t, "x3", "tapx", "br0");
      link(t, "x4", "hubx", "tapx");
    }));
    c.add(new Case("socket.connect-without-listen", SOCK, "sock8010", "the listening side unplugged", t -> unlink(t, "l1")));
    c.add(new Case("socket.listen-unused", SOCK, "sock8010", "the connecting side unplugged", t -> unlink(t, "l2")));
    c.add(new Case("socket.port-clash", SOCK, "sock2", "a second listener on 8010", t -> {
      t.add(new Socket("sock2", "sock2", Socket.Transport.SOCKET, "127.0.0.1", 8010, null), null);
      link(t, "x1", "vlan2", "sock2:listen");
    }));
    c.add(new Case("socket.mcast-address", MCAST, "bus", "a unicast group address",
        t -> change(t, "bus", Socket.class, s -> new Socket(s.id(), s.name(), s.transport(), "10.0.0.1", s.port(), null))));
    c.add(new Case("socket.port-range", MCAST, "bus", "port 0", t -> change(t, "bus", Socket.class, s -> s.withPort(0))));
    c.add(new Case("socket.mcast-lonely", MCAST, "bus", "two members leave", t -> {
      unlink(t, "l1");
      unlink(t, "l2");
    }));
    c.add(new Case("bridge.port-address", P2, "tap0", "an address on an enslaved tap",
        t -> change(t, "tap0", Tap.class, x -> x.withAddress("192.168.0.2/24"))));
    c.add(new Case("bridge.empty", P2, "br1", "a bridge with no ports", t -> t.add(new Bridge("br1", "br1", null, false), null)));
    c.add(new Case("uplink.wireless-bridged", P3, "eth0", "the bridged uplink is wireless", t -> change(t, "eth0", Uplink.class,
        u -> new Uplink(u.id(), u.name(), Uplink.Medium.WIRELESS, u.address(), u.gateway(), u.dns()))));
    c.add(new Case("bridge.uplink-address-moves", P2, "eth0", "eth0 enslaved to br0, which gives up its own subnet",
        t -> {
          link(t, "x1", "eth0", "br0");
          change(t, "br0", Bridge.class, b -> b.withAddress(null));
        }));
    c.add(new Case("bridge.uplink-keeps-address", P2, "eth0", "eth0 enslaved to br0, the guests' NAT bridge",
        t -> link(t, "x1", "eth0", "br0")));
    c.add(new Case("bridge.uplink-keeps-address", P3, "eth0", "eth0 keeps 10.0.0.10 in the bridge",
        t -> change(t, "eth0", Uplink.class, u -> u.withAddress("10.0.0.10/8"))));
    c.add(new Case("bridge.host-offline", P3, "br0", "br0 without the host's address", t -> change(t, "br0", Bridge.class, b -> b.withAddress(null))));
  }

  private static void addressing(List<Case> c) {
    c.add(new Case("lan.gateway-outside-subnet", S000, "lan", "gateway outside the LAN", t -> change(t, "lan", Lan.class,
        l -> new Lan(l.id(), l.name(), l.subnet(), "10.9.9.1", l.routes()))));
    c.add(new Case("uplink.address-outside-lan", S000, "eth0", "eth0 outside the LAN", t -> change(t, "eth0", Uplink.class, u -> u.withAddress("192.168.5.10/24"))));
    c.add(new Case("lan.route-via-off-lan", S000, "lan", "route back via an off-LAN address",
        t -> change(t, "lan", Lan.class, l -> l.withRoutes(List.of(new Lan.Route("172.20.0.0/16", "10.1.1.1"))))));
    c.add(new Case("lan.route-via-not-host", S000, "lan", "route back via the wrong machine",
        t -> change(t, "lan", Lan.class, l -> l.withRoutes(List.of(new Lan.Route("172.20.0.0/16", "192.168.0.99"))))));
    c.add(new Case("addr.malformed", S000, "guest", "octet 300", t -> address(t, "guest", "nic0", "172.20.0.300/16")));
    c.add(new Case("addr.no-prefix", TAP_ONLY, "tap0", "tap address without /24", t -> change(t, "tap0", Tap.class, x -> x.withAddress("192.168.1.250"))));
    c.add(new Case("addr.network-or-broadcast", S000, "guest", "the broadcast address", t -> address(t, "guest", "nic0", "172.20.255.255/16")));
    c.add(new Case("addr.outside-segment", S000, "guest", "guest in 172.21.0.0/16 behind a 172.20 tap", t -> address(t, "guest", "nic0", "172.21.0.10/16")));
    c.add(new Case("addr.outside-segment", VDE, "guestB", "guest B in another subnet", t -> address(t, "guestB", "nic0", "10.11.0.11/24")));
    c.add(new Case("addr.outside-segment", MCAST, "guestC", "guest C in another subnet on the bus", t -> address(t, "guestC", "nic0", "10.6.0.12/24")));
    c.add(new Case("addr.duplicate", P2, "guest2", "both guests 192.168.0.10", t -> address(t, "guest2", "nic0", "192.168.0.10/24")));
    c.add(new Case("gateway.off-segment", S000, "guest", "gateway in another subnet", t -> gateway(t, "guest", "nic0", "172.21.0.1")));
    c.add(new Case("gateway.missing", P1, "guest2", "guest2 forgets its gateway", t -> gateway(t, "guest2", "nic0", null)));
    c.add(new Case("gateway.nobody", S000, "guest", "gateway nobody has", t -> gateway(t, "guest", "nic0", "172.20.0.254")));
    c.add(new Case("addr.dhcp-no-server", TAP_ONLY, "dsl", "DHCP behind a plain tap", t -> nic(t, "dsl", "nic0", n -> n.withIp(IpConfig.dhcp()))));
    c.add(new Case("subnet.overlap", P0, "tap1", "tap1 in tap0's subnet", t -> change(t, "tap1", Tap.class, x -> x.withAddress("192.168.0.2/24"))));
    c.add(new Case("subnet.overlaps-lan", S000, "tap0", "the vlan inside the LAN's subnet", t -> {
      change(t, "tap0", Tap.class, x -> x.withAddress("192.168.0.129/25"));
      address(t, "guest", "nic0", "192.168.0.130/25");
      gateway(t, "guest", "nic0", "192.168.0.129");
    }));
    c.add(new Case("usernet.overlaps-lan", USER, "user0", "user net in the LAN's subnet", t -> change(t, "user0", UserNet.class,
        u -> new UserNet(u.id(), u.name(), "192.168.1.0/24", "192.168.1.2", "192.168.1.3", "192.168.1.15", u.hostfwd()))));
    c.add(new Case("usernet.overlaps-lan", USER_HUB, "user0", "the LAN is 10.0.2.0/24 too", t -> {
      change(t, "lan", Lan.class, l -> new Lan(l.id(), l.name(), "10.0.2.0/24", "10.0.2.1", l.routes()));
      change(t, "eth0", Uplink.class, u -> new Uplink(u.id(), u.name(), u.medium(), "10.0.2.100/24", "10.0.2.1", u.dns()));
    }));
  }

  private static void routing(List<Case> c) {
    c.add(new Case("forward.missing", S000, "tap0", "ip_forward off", t -> host(t, h -> h.withIpForward(false))));
    c.add(new Case("forward.missing", WIFI, "wlp3s0", "ip_forward off in the proxy-ARP design", t -> host(t, h -> h.withIpForward(false))));
    c.add(new Case("nat.no-forward", P1, "eth0", "NAT with ip_forward off", t -> host(t, h -> h.withIpForward(false))));
    c.add(new Case("nat.out-not-uplink", P1, "tap0", "masquerade out of a tap", t -> host(t, h -> h.withNat(List.of(
        new HostSettings.Nat("192.168.0.0/24", "tap0"), h.nat().get(1))))));
    c.add(new Case("nat.no-masquerade", P1, "guest2", "guest2's subnet not masqueraded", t -> host(t, h -> h.withNat(List.of(h.nat().get(0))))));
    c.add(new Case("nat.no-masquerade", P2, "guest1", "masquerade for the wrong subnet", t -> host(t, h -> h.withNat(List.of(
        new HostSettings.Nat("192.168.9.0/24", "eth0"))))));
    c.add(new Case("route.no-return", S000, "guest", "the LAN gateway's route back removed", t -> change(t, "lan", Lan.class, l -> l.withRoutes(List.of()))));
    c.add(new Case("proxyarp.no-route", WIFI, "vm2", "vm2's host route missing", t -> host(t, h -> h.withRoutes(List.of(h.routes().get(0), h.routes().get(2))))));
    c.add(new Case("proxyarp.tap-off", WIFI, "tap3", "proxy_arp off on tap3", t -> host(t, h -> h.withProxyArp(List.of("tap1", "tap2", "wlp3s0")))));
    c.add(new Case("proxyarp.uplink-off", WIFI, "wlp3s0", "proxy_arp off on the WLAN", t -> host(t, h -> h.withProxyArp(List.of("tap1", "tap2", "tap3")))));
    c.add(new Case("proxyarp.tap-address", WIFI, "tap1", "an address on tap1", t -> change(t, "tap1", Tap.class, x -> x.withAddress("192.168.1.2/24"))));
    c.add(new Case("proxyarp.outside-uplink-subnet", WIFI, "vm1", "vm1 outside the WLAN's subnet", t -> {
      address(t, "vm1", "nic0", "192.168.7.10/24");
      host(t, h -> h.withRoutes(List.of(new HostSettings.Route("192.168.7.10/32", null, "tap1"), h.routes().get(1), h.routes().get(2))));
    }));
  }

  private static void services(List<Case> c) {
    c.add(new Case("dns.unreachable", P1, "guest1", "a DNS server on a subnet nobody routes",
        t -> nic(t, "guest1", "nic0", n -> n.withIp(new IpConfig(IpConfig.Mode.STATIC, n.ip().address(), n.ip().gateway(),
            List.of("192.168.5.53"))))));
    c.add(new Case("hostport.clash", SOCK, "user9", "a host forward on the socket's port 8010", t -> {
      t.add(new UserNet("user9", "user9", "10.0.2.0/24", "10.0.2.2", "10.0.2.3", "10.0.2.15",
          List.of(new HostForward(HostForward.Protocol.TCP, null, 8010, null, 80))), null);
      link(t, "x1", "user9", "vlan2");
    }));
    c.add(new Case("usernet.shared-segment", USER_HUB, "user0", "a second guest on user net's hub", t -> {
      Guest g = (Guest) t.element("guest").orElseThrow();
      t.add(g.withIdentity("guest2", "guest2").withNics(List.of(g.nics().get(0).withMac("52:54:00:08:00:99"))), null);
      link(t, "x1", "guest2:nic0", "vlan1");
    }));
    c.add(new Case("hostfwd.collision", USER, "user0", "two forwards on tcp/5022", t -> change(t, "user0", UserNet.class,
        u -> u.withHostfwd(List.of(u.hostfwd().get(0), new HostForward(HostForward.Protocol.TCP, null, 5022, null, 80))))));
    c.add(new Case("hostfwd.privileged", USER, "user0", "host port 22", t -> change(t, "user0", UserNet.class,
        u -> u.withHostfwd(List.of(new HostForward(HostForward.Protocol.TCP, null, 22, null, 22))))));
    c.add(new Case("hostfwd.privileged", USER_HUB, "user0", "host port 80", t -> change(t, "user0", UserNet.class,
        u -> u.withHostfwd(List.of(new HostForward(HostForward.Protocol.TCP, null, 80, null, 80))))));
    c.add(new Case("hostfwd.port-range", USER, "user0", "guest port 70000", t -> change(t, "user0", UserNet.class,
        u -> u.withHostfwd(List.of(new HostForward(HostForward.Protocol.TCP, null, 5022, null, 70000))))));
    c.add(new Case("hostfwd.guest-outside", USER, "user0", "forward to an address outside user net", t -> change(t, "user0", UserNet.class,
        u -> u.withHostfwd(List.of(new HostForward(HostForward.Protocol.TCP, null, 5022, "10.9.9.9", 22))))));
  }
}
