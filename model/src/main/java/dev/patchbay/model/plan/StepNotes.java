package dev.patchbay.model.plan;

import java.util.List;

/** The comment above each step in up.sh and down.sh: why the step is there, in the classic QEMU notes' words. */
final class StepNotes {
  private StepNotes() {}

  static List<String> note(Step step) {
    if (step instanceof Step.CreateTap s) {
      return List.of(s.name() + " is the host's end of a guest's cable: QEMU holds the tap's file descriptor,",
          "the host sees an Ethernet interface (the classic way: tunctl -u USER -t " + s.name() + ").",
          s.owner() == null ? "Without an owner only root may open it." : "User " + s.owner() + " may open it without root.");
    } else if (step instanceof Step.CreateBridge s) {
      return List.of(s.name() + " is a switch in the host's kernel: \"a bridge makes it so that all the traffic seen by one",
          "card (tap0) is also seen by the other one (tap1)\" (NAT behind a bridge; brctl addbr " + s.name() + ").",
          s.stp() ? "STP is on." : "STP stays off: a lab bridge has no loops, and STP keeps new ports silent for ~30 s.");
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      return List.of("\"You create br0, connect eth0 and tap0 to br0, and then use br0 as the host nic\" (the",
          "sample \"Bridged LAN\"): once enslaved, " + s.uplink() + " only does the kernel's dirty work and an address left on it",
          "stops working. Its addresses and routes are saved in the state directory, then removed;",
          "down.sh puts back exactly those. The host is offline for a moment.");
    } else if (step instanceof Step.Enslave s) {
      return List.of("Plug " + s.device() + " into " + s.bridge() + " (brctl addif " + s.bridge() + " "
          + s.device() + ").");
    } else if (step instanceof Step.SetUp s) {
      return List.of("An interface carries nothing until it is up (ifconfig " + s.device() + " up).");
    } else if (step instanceof Step.AddAddress s) {
      return List.of("The host's own address on " + s.device() + ": the host reaches the guests on this subnet,",
          "and the guests use it as their gateway (the sample \"Routed tun\": ifconfig tap0 172.20.0.1).");
    } else if (step instanceof Step.AddRoute s) {
      return routeNote(s);
    }
    return moreNotes(step);
  }

  private static List<String> routeNote(Step.AddRoute s) {
    if ("default".equals(s.destination())) {
      return List.of("The default route left with the uplink's address; it goes through " + s.device() + " now.");
    }
    return List.of("A host route (proxy ARP over Wi-Fi: route add -host 192.168.1.10 tap1): the guest's address is in the",
        "LAN's subnet, so without it the host would look for the guest on the uplink instead of " + s.device() + ".");
  }

  private static List<String> moreNotes(Step step) {
    if (step instanceof Step.SetSysctl s && s.key().equals(Planner.IP_FORWARD)) {
      return List.of("Let the host route between its interfaces (the samples \"Routed subnets\" and \"NAT routing\": echo 1 > /proc/sys/net/ipv4/ip_forward).",
          "The value found here is saved; down.sh restores it.");
    } else if (step instanceof Step.SetSysctl s) {
      return List.of("Proxy ARP (proxy ARP over Wi-Fi: sysctl net.ipv4.conf.tap1.proxy_arp=1): the host answers ARP requests for",
          "addresses it routes elsewhere, so guests with addresses from the LAN's subnet are reachable",
          "without a bridge, which a WiFi uplink cannot join.",
          "The value found here is saved; down.sh restores it.");
    } else if (step instanceof Step.LoadNat) {
      return List.of("NAT (the sample \"NAT routing\": iptables -t nat -A POSTROUTING -o eth0 -s 192.168.0.0/24 -j MASQUERADE):",
          "traffic from the guests' subnet leaving through the uplink gets the host's address, like a home",
          "broadband router. The rules live in Patchbay's own nft table, so down.sh removes only them.");
    } else if (step instanceof Step.StartVdeSwitch) {
      return List.of("vde_switch joins QEMU processes and the host's tap without a bridge (the sample \"VDE switch with two guests and its tap\":",
          "vde_switch -hub -tap qtap -sock /var/run/qtap-ctl); -hub floods every frame to every port.");
    } else if (step instanceof Step.StartGuest s) {
      return List.of("Guest " + s.guest() + ": each NIC and where it is plugged, in QEMU's words. script=no,downscript=no:",
          "the tap exists already, so QEMU must not run /etc/qemu-ifup. Runs in the background; its PID is saved.");
    }
    return List.of();
  }

  /** down.sh's comment: what the undo step takes away. */
  static List<String> undo(Step step) {
    if (step instanceof Step.RestoreUplinkAddresses s) {
      return List.of("Give " + s.uplink() + " back the addresses and routes up.sh saved.");
    } else if (step instanceof Step.SetSysctl s) {
      return List.of("Put " + s.key() + " back to the value up.sh found.");
    } else if (step instanceof Step.StopGuest || step instanceof Step.StopVdeSwitch) {
      return List.of("Stop exactly the process up.sh started (by its saved PID), nothing else.");
    }
    return List.of("Undo: " + PlanText.describe(step) + ".");
  }
}
