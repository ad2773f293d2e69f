package dev.patchbay.model.plan;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.qemu.LegacyCommandLine;
import dev.patchbay.model.qemu.QemuCommandLine;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a topology into the steps that build it on a host, in an order the kernel accepts:
 * interfaces first, then bridge ports, links up, addresses, routes, sysctls, NAT, and the processes
 * last. Uplinks, the LAN and the Internet exist already and are never created.
 */
public final class Planner {
  /**
   * Every nft table Patchbay makes starts with this word: a lab's is {@link #natTable(String)}, the
   * word alone is the table of a plan made for no lab in particular (and of labs applied before each
   * lab had its own). Import host and teardown recognise Patchbay's tables by it.
   */
  public static final String NAT_TABLE_PREFIX = "patchbay";
  public static final String IP_FORWARD = "net.ipv4.ip_forward";

  private final boolean legacy;
  private final String natTable;
  private final String linkMarker;
  /** The lab planned for, or null: names the runtime folder of VDE switches without a socket path. */
  private final String lab;

  private Planner(boolean legacy, String natTable, String linkMarker, String lab) {
    this.legacy = legacy;
    this.natTable = natTable;
    this.linkMarker = linkMarker;
    this.lab = lab;
  }

  /** Guests start with today's -netdev/-device command lines. */
  public static Planner modern() {
    return new Planner(false, NAT_TABLE_PREFIX, null, null);
  }

  /** Guests start with the old -net nic,vlan=N command lines. */
  public static Planner legacy() {
    return new Planner(true, NAT_TABLE_PREFIX, null, null);
  }

  /**
   * The same planner for one lab: its NAT goes into the lab's own table, so two labs on a host never
   * share one, and its VDE switches' default sockets into the lab's own runtime folder.
   */
  public Planner forLab(String lab) {
    return new Planner(legacy, natTable(lab), linkMarker, lab);
  }

  /**
   * The same planner for links that carry {@code alias} (what applying live writes on every link a
   * lab makes): a tap or bridge of the design's name counts as there only with that alias, so
   * someone else's link of that name is never taken for the lab's. Without it (scripts, which mark
   * nothing) any link of the right kind counts.
   */
  public Planner markedWith(String alias) {
    return new Planner(legacy, natTable, alias, lab);
  }

  /**
   * The lab's nft table: "patchbay_" and the lab's name with '-' as '_'. A lab's name is lower-case
   * letters, digits and '-' (it also names namespaces and files), so every lab gets a valid nft
   * identifier ([a-z][a-z0-9_]*), and a different lab a different table: no lab name holds a '_'.
   */
  public static String natTable(String lab) {
    if (!dev.patchbay.model.net.LabName.valid(lab)) {
      throw new IllegalArgumentException(dev.patchbay.model.net.LabName.problem(lab).orElseThrow()
          + "; it has no nft table");
    }
    return NAT_TABLE_PREFIX + "_" + lab.replace('-', '_');
  }

  /** Whether an nft table (its name, without the family) is one Patchbay makes. */
  public static boolean isNatTable(String table) {
    return table.equals(NAT_TABLE_PREFIX) || table.matches(NAT_TABLE_PREFIX + "_[a-z0-9_]+");
  }

  /** Every step, as for a host that has none of the topology yet. */
  public static Plan plan(Topology topology) {
    return modern().full(topology);
  }

  /** Only the steps the live host still needs: an applied topology plans nothing. */
  public static Plan plan(Topology topology, LiveState live) {
    return modern().against(topology, live);
  }

  public Plan against(Topology topology, LiveState live) {
    List<Step> needed = new ArrayList<>();
    Plan full = full(topology);
    Satisfaction satisfaction = Satisfaction.of(full, List.of(), live, linkMarker);
    for (Step s : full.steps()) {
      if (!satisfaction.satisfied(s)) {
        needed.add(knowingPrevious(s, live));
      }
    }
    return new Plan(needed);
  }

  /**
   * What re-applying the design does where the lab applied {@code owned} (its journal's steps, in
   * order) and the host is now {@code live}: the lab's steps the design dropped are undone, then the
   * missing ones applied. With nothing owned it is {@link #against}.
   */
  public Diff diff(Topology topology, List<Step> owned, LiveState live) {
    return Diff.of(full(topology), owned, live, linkMarker);
  }

  /** A sysctl step that knows the value it replaces, when the live state has it. */
  static Step knowingPrevious(Step s, LiveState live) {
    if (s instanceof Step.SetSysctl set && set.from() == null) {
      return live.sysctl(set.key()).<Step>map(v -> new Step.SetSysctl(set.key(), v, set.to())).orElse(s);
    }
    return s;
  }

  public Plan full(Topology t) {
    List<Step> steps = new ArrayList<>();
    t.elementsOf(Tap.class).forEach(tap -> steps.add(new Step.CreateTap(tap.name(), tap.owner())));
    t.elementsOf(Bridge.class).forEach(b -> steps.add(new Step.CreateBridge(b.name(), b.stp())));
    ports(t, steps);
    t.elementsOf(Tap.class).forEach(tap -> steps.add(new Step.SetUp(tap.name())));
    t.elementsOf(Bridge.class).forEach(b -> steps.add(new Step.SetUp(b.name())));
    t.elementsOf(Tap.class).filter(tap -> present(tap.address()))
        .forEach(tap -> steps.add(new Step.AddAddress(tap.name(), tap.address())));
    t.elementsOf(Bridge.class).filter(b -> present(b.address()))
        .forEach(b -> steps.add(new Step.AddAddress(b.name(), b.address())));
    routes(t, steps);
    sysctls(t, steps);
    nat(t, steps);
    switches(t, steps);
    guests(t, steps);
    return new Plan(steps);
  }

  /** Bridge ports; an uplink gives up its addresses first, because the bridge takes them over. */
  private static void ports(Topology t, List<Step> steps) {
    for (Bridge b : t.elementsOf(Bridge.class).toList()) {
      for (Link l : t.linksOf(b.id())) {
        Optional<Element> port = t.element(l.other(b.id()).element());
        if (port.isPresent() && port.get() instanceof Uplink u) {
          steps.add(new Step.ClearUplinkAddresses(u.name()));
          steps.add(new Step.Enslave(u.name(), b.name()));
        } else if (port.isPresent() && port.get() instanceof Tap tap) {
          steps.add(new Step.Enslave(tap.name(), b.name()));
        }
      }
    }
  }

  /** The host settings' routes, and the default route that left with the uplink's address. */
  private static void routes(Topology t, List<Step> steps) {
    for (HostSettings.Route r : t.host().routes()) {
      String device = r.device() == null ? null : deviceName(t, r.device());
      steps.add(new Step.AddRoute(r.destination(), r.via(), device));
    }
    for (Bridge b : t.elementsOf(Bridge.class).toList()) {
      for (Uplink u : uplinksOf(t, b)) {
        Optional<Cidr> net = Cidr.parse(b.address());
        if (present(u.gateway()) && net.isPresent()
            && Ipv4.parse(u.gateway()).filter(net.get()::contains).isPresent()) {
          steps.add(new Step.AddRoute("default", u.gateway(), b.name()));
        }
      }
    }
  }

  private static List<Uplink> uplinksOf(Topology t, Bridge b) {
    return t.linksOf(b.id()).stream()
        .map(l -> t.element(l.other(b.id()).element()).orElse(null))
        .filter(Uplink.class::isInstance).map(Uplink.class::cast).toList();
  }

  private static void sysctls(Topology t, List<Step> steps) {
    if (t.host().ipForward()) {
      steps.add(new Step.SetSysctl(IP_FORWARD, null, "1"));
    }
    for (String id : t.host().proxyArp()) {
      steps.add(new Step.SetSysctl(proxyArpKey(deviceName(t, id)), null, "1"));
    }
  }

  public static String proxyArpKey(String device) {
    return "net.ipv4.conf." + device + ".proxy_arp";
  }

  /**
   * The key's path under /proc/sys. Dots separate the key's parts, except inside an interface name
   * (eth0.100): net.ipv4.conf.eth0.100.proxy_arp is net/ipv4/conf/eth0.100/proxy_arp.
   */
  public static String procSysPath(String key) {
    String conf = "net.ipv4.conf.";
    if (key.startsWith(conf) && key.lastIndexOf('.') > conf.length()) {
      String device = key.substring(conf.length(), key.lastIndexOf('.'));
      return "net/ipv4/conf/" + device + "/" + key.substring(key.lastIndexOf('.') + 1);
    }
    return key.replace('.', '/');
  }

  private void nat(Topology t, List<Step> steps) {
    if (t.host().nat().isEmpty()) {
      return;
    }
    List<HostSettings.Nat> rules = t.host().nat().stream()
        .map(n -> new HostSettings.Nat(n.source(), deviceName(t, n.out()))).toList();
    steps.add(new Step.LoadNat(natTable, rules));
  }

  private void switches(Topology t, List<Step> steps) {
    for (VdeSwitch v : t.elementsOf(VdeSwitch.class).toList()) {
      String tap = t.linksOf(v.id()).stream()
          .map(l -> t.element(l.other(v.id()).element()).orElse(null))
          .filter(Tap.class::isInstance).map(e -> e.name()).findFirst().orElse(null);
      steps.add(new Step.StartVdeSwitch(v.name(), v.socketPathFor(lab), v.hubMode(), tap));
    }
  }

  /** Guests that listen on a socket start before the guests that connect to them. */
  private void guests(Topology t, List<Step> steps) {
    Function<Guest, List<String>> args =
        legacy ? new LegacyCommandLine(t, lab)::arguments : new QemuCommandLine(t, lab)::arguments;
    List<Step.StartGuest> starts = new ArrayList<>();
    t.elementsOf(Guest.class).forEach(g -> starts.add(new Step.StartGuest(g.name(), args.apply(g), Listeners.portsOf(t, g))));
    starts.stream().filter(s -> !s.listens().isEmpty()).forEach(steps::add);
    starts.stream().filter(s -> s.listens().isEmpty()).forEach(steps::add);
  }

  /** Host settings name interfaces by element id; the kernel knows them by name. */
  private static String deviceName(Topology t, String elementId) {
    return t.element(elementId).map(Element::name).orElse(elementId);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
