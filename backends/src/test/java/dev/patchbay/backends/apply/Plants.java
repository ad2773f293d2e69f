package dev.patchbay.backends.apply;

import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * For one step of a plan, an object planted in the namespace before {@code up} that collides with it:
 * a link of the step's name (of another kind, or of the same kind without the lab's marker), an
 * address, a route, the lab's nft table, a sysctl already at another value, an extra address on an
 * uplink the lab clears. {@code refused} says whether the up must refuse (a conflict) or may apply;
 * {@code probe} is a command whose output the lab must never change, or null when the step changes
 * the planted object by design (an uplink's addresses move to its bridge until down).
 */
record Plants(String what, List<List<String>> commands, boolean refused, List<String> probe) {
  /** Variants of planting for a step: a create gets a link of another kind and an unmarked one of its own. */
  static List<String> variants(Step step) {
    return step instanceof Step.CreateTap || step instanceof Step.CreateBridge
        ? List.of("other kind", "same kind unmarked") : List.of("collision");
  }

  static Plants forStep(Step step, String variant, Plan plan, String ns, String lab) {
    if (step instanceof Step.CreateTap s) {
      return variant.equals("other kind") ? veth(s.name(), ns) : ownLink(s.name(), true, ns);
    } else if (step instanceof Step.CreateBridge s) {
      return variant.equals("other kind") ? veth(s.name(), ns) : ownLink(s.name(), false, ns);
    } else if (step instanceof Step.Enslave s) {
      return portOfUsersBridge(s.device(), createdTap(plan, s.device()), ns);
    } else if (step instanceof Step.SetUp s) {
      return ownLink(s.device(), createdTap(plan, s.device()), ns);
    } else if (step instanceof Step.AddAddress s) {
      return addressElsewhere(s.cidr(), ns);
    } else if (step instanceof Step.AddRoute s) {
      return routeElsewhere(s.destination(), ns);
    } else if (step instanceof Step.SetSysctl s) {
      String device = proxyArpDevice(s.key());
      return device != null && created(plan, device) ? veth(device, ns) : sysctlAlreadySet(s.key(), s.to(), ns);
    } else if (step instanceof Step.LoadNat) {
      return table(Planner.natTable(lab), ns);
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      return uplinkExtras(s.uplink(), ns);
    }
    throw new IllegalArgumentException("no object collides with " + step);
  }

  private static Plants veth(String name, String ns) {
    String peer = name + "-pl";
    return new Plants("a veth named " + name, List.of(ip(ns, "link", "add", name, "type", "veth", "peer", "name", peer),
        ip(ns, "link", "set", name, "alias", "user's"), ip(ns, "link", "set", peer, "up")), true,
        ip(ns, "-d", "link", "show", "dev", name));
  }

  /** The user's own tun (with vnet_hdr) or bridge of the name, down and unmarked. */
  private static Plants ownLink(String name, boolean tap, String ns) {
    List<String> add = tap ? ip(ns, "tuntap", "add", "dev", name, "mode", "tap", "vnet_hdr")
        : ip(ns, "link", "add", name, "type", "bridge");
    return new Plants("the user's " + (tap ? "tun " : "bridge ") + name, List.of(add), true,
        ip(ns, "-d", "link", "show", "dev", name));
  }

  private static Plants portOfUsersBridge(String device, boolean tap, String ns) {
    List<List<String>> commands = new ArrayList<>();
    commands.add(ip(ns, "link", "add", "ubr0", "type", "bridge"));
    if (tap) {
      commands.add(ip(ns, "tuntap", "add", "dev", device, "mode", "tap"));
    }
    commands.add(ip(ns, "link", "set", device, "master", "ubr0"));
    return new Plants(device + " as a port of the user's bridge ubr0", commands, true,
        ip(ns, "-d", "link", "show", "master", "ubr0"));
  }

  private static Plants addressElsewhere(String cidr, String ns) {
    return new Plants(cidr + " on another interface", List.of(
        ip(ns, "link", "add", "plant0", "type", "veth", "peer", "name", "plant0-peer"),
        ip(ns, "address", "add", cidr, "dev", "plant0")), true, ip(ns, "address", "show", "dev", "plant0"));
  }

  private static Plants routeElsewhere(String destination, String ns) {
    return new Plants("a route to " + destination + " via another interface", List.of(
        ip(ns, "link", "add", "plant0", "type", "veth", "peer", "name", "plant0-peer"),
        ip(ns, "link", "set", "plant0", "up"), ip(ns, "link", "set", "plant0-peer", "up"),
        ip(ns, "address", "add", "10.200.0.2/24", "dev", "plant0"),
        ip(ns, "route", "replace", destination, "via", "10.200.0.1", "dev", "plant0")), true,
        ip(ns, "route", "show", "dev", "plant0"));
  }

  private static Plants sysctlAlreadySet(String key, String value, String ns) {
    return new Plants(key + " already " + value, List.of(exec(ns, "sysctl", "-q", "-w", key + "=" + value)), false,
        exec(ns, "sysctl", "-n", key));
  }

  private static Plants table(String table, String ns) {
    return new Plants("nft table ip " + table + " the lab's journal did not make", List.of(
        exec(ns, "nft", "add", "table", "ip", table), exec(ns, "nft", "add", "chain", "ip", table, "users")), true,
        exec(ns, "nft", "list", "table", "ip", table));
  }

  /** A second address and a route of the user's on the uplink: the lab moves them away and puts them back. */
  private static Plants uplinkExtras(String uplink, String ns) {
    return new Plants("an extra address and route on " + uplink, List.of(
        ip(ns, "address", "add", "10.0.0.99/8", "dev", uplink),
        ip(ns, "route", "add", "172.30.0.0/16", "via", "10.0.0.1", "dev", uplink)), false, null);
  }

  private static boolean createdTap(Plan plan, String name) {
    return plan.steps().contains(new Step.CreateTap(name, null));
  }

  private static boolean created(Plan plan, String name) {
    return plan.steps().stream().anyMatch(s -> s instanceof Step.CreateTap t && t.name().equals(name)
        || s instanceof Step.CreateBridge b && b.name().equals(name));
  }

  private static String proxyArpDevice(String key) {
    return key.startsWith("net.ipv4.conf.") && key.endsWith(".proxy_arp")
        ? key.substring("net.ipv4.conf.".length(), key.length() - ".proxy_arp".length()) : null;
  }

  private static List<String> ip(String ns, String... args) {
    List<String> command = new ArrayList<>(List.of("ip", "-n", ns));
    command.addAll(List.of(args));
    return command;
  }

  private static List<String> exec(String ns, String... args) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    command.addAll(List.of(args));
    return command;
  }
}
