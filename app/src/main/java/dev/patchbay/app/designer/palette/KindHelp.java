package dev.patchbay.app.designer.palette;

import dev.patchbay.model.topology.ElementKind;

/**
 * What each element is, in the QEMU and Linux words of the guides users learned from (the old
 * {@code -net ...,vlan=N} and today's {@code -netdev}), for the palette's tooltips.
 */
final class KindHelp {
  private KindHelp() {}

  static String of(ElementKind kind) {
    return switch (kind) {
      case GUEST -> "A QEMU virtual machine (one qemu-system process) with its NICs: each NIC is a -device"
          + " (e1000, rtl8139, virtio-net-pci) joined to a -netdev (the old -net nic).";
      case HUB -> "QEMU's \"vlan\" (-net ...,vlan=1), today -netdev hubport,hubid=N: a hub inside one QEMU process;"
          + " every frame one port sends reaches every other port.";
      case TAP -> "A kernel tap device (tun/tap driver, /dev/net/tun) that QEMU opens with -netdev tap,ifname=tap0"
          + " (the old -net tap): the guest's frames come out on the host as interface tap0.";
      case BRIDGE -> "A Linux bridge on the host (br0, ip link add type bridge): a virtual switch joining taps,"
          + " and with an uplink enslaved, the real LAN.";
      case UPLINK -> "The host's own interface to the real network (eth0, wlan0): what NAT masquerades out of,"
          + " or what a bridge takes in.";
      case SOCKET -> "-netdev socket/stream/dgram (the old -net socket,listen=/connect=/mcast=): joins NICs of"
          + " separate QEMU processes over TCP or UDP multicast; no privileges needed.";
      case VDE -> "vde_switch: a user-space switch (vde_switch -tap qtap -sock ...) that QEMU joins with"
          + " -netdev vde,sock=...; forwards frames among guests and a host tap without a bridge.";
      case USER -> "QEMU's user-mode network stack (slirp, -netdev user): NAT, DHCP (10.0.2.15) and DNS inside QEMU,"
          + " no root needed; inbound only through host forwards (hostfwd, the old -redir).";
      case LAN -> "The real network outside this host (its subnet and gateway), where the host's uplink is"
          + " plugged in; other machines live here.";
      case INTERNET -> "Everything beyond the LAN's gateway: what \"reach the Internet\" is checked against.";
    };
  }

  /** The tooltip: what it is, then how to add one. */
  static String tooltip(ElementKind kind) {
    return kind.label() + ": " + of(kind) + "\nDrag onto the canvas to add one, or double-click.";
  }
}
