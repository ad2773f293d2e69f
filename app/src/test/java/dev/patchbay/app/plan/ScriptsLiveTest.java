package dev.patchbay.app.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Scripts;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample's up.sh and down.sh, run for real in a throwaway network namespace with the QEMU and
 * vde_switch lines as a dry run (PATCHBAY_DRY_RUN=1). Uplinks are veths standing in for eth0 and
 * wlp3s0, because a plan never creates uplinks.
 */
@Tag("live")
class ScriptsLiveTest {
  private static final Map<String, String> DRY_RUN = Map.of("PATCHBAY_DRY_RUN", "1");

  @TempDir
  Path dir;

  static Stream<String> samples() throws Exception {
    Path samples = Path.of(System.getProperty("patchbay.samples", "../samples"));
    try (Stream<Path> files = Files.list(samples)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  private static Topology load(String sample) throws Exception {
    return TopologyFiles.load(Path.of(System.getProperty("patchbay.samples", "../samples")).resolve(sample));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void upBuildsExactlyThePlanAndDownLeavesTheNamespaceAsItWas(String sample) throws Exception {
    Topology t = load(sample);
    Planner planner = Planner.modern().forLab(dev.patchbay.model.net.LabName.fromFileName(sample));
    Plan plan = planner.full(t);
    Files.writeString(dir.resolve("up.sh"), Scripts.up(plan, t.name()));
    Files.writeString(dir.resolve("down.sh"), Scripts.down(plan, t.name()));
    List<String> keys = plan.stepsOf(Step.SetSysctl.class).stream().map(Step.SetSysctl::key).toList();
    try (Namespace ns = Namespace.create()) {
      Map<String, String> uplinkAddresses = standInUplinks(ns, t);
      Map<String, Object> before = NamespaceState.snapshot(ns, keys);

      ns.exec(DRY_RUN, "bash", dir.resolve("up.sh").toString()).check();
      LiveState live = NamespaceState.read(ns, keys, dir.resolve("state"));
      assertHolds(plan, t, uplinkAddresses, live, ns);
      assertEquals(List.of(), planner.against(t, live).steps(), "re-planning the applied sample");

      ns.exec(DRY_RUN, "bash", dir.resolve("down.sh").toString()).check();
      Map<String, Object> after = NamespaceState.snapshot(ns, keys);
      for (String part : before.keySet()) {
        assertEquals(before.get(part), after.get(part), part + " after down.sh");
      }
      assertEquals(false, Files.exists(dir.resolve("state")), "down.sh removes its state directory");
    }
  }

  /** A dummy for each uplink, with its address (or the one its bridge takes over) and default route. */
  private static Map<String, String> standInUplinks(Namespace ns, Topology t) throws Exception {
    Map<String, String> addresses = new HashMap<>();
    // Without duplicate address detection IPv6 addresses are never "tentative", so two snapshots
    // taken a second apart cannot differ by DAD finishing in between.
    ns.exec(Map.of(), "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0").check();
    for (Uplink u : t.elementsOf(Uplink.class).toList()) {
      // No dummy module here: a veth pair, its far end standing for the LAN's switch port.
      ns.ip("link", "add", u.name(), "type", "veth", "peer", "name", lanEnd(u)).check();
      ns.ip("link", "set", lanEnd(u), "up").check();
      ns.ip("link", "set", u.name(), "up").check();
      String address = Optional.ofNullable(u.address()).orElse(bridgeAddressOf(t, u));
      if (address == null) {
        continue;
      }
      ns.ip("address", "add", address, "dev", u.name()).check();
      addresses.put(u.name(), address);
      if (u.gateway() != null && Cidr.of(address).contains(Ipv4.of(u.gateway()))) {
        ns.ip("route", "add", "default", "via", u.gateway(), "dev", u.name()).check();
      }
    }
    return addresses;
  }

  private static String lanEnd(Uplink u) {
    return u.name() + "-lan";
  }

  private static String bridgeAddressOf(Topology t, Uplink u) {
    return t.linksOf(u.id()).stream().map(l -> t.element(l.other(u.id()).element()).orElse(null))
        .filter(Bridge.class::isInstance).map(b -> ((Bridge) b).address()).findFirst().orElse(null);
  }

  private static void assertHolds(Plan plan, Topology t, Map<String, String> uplinkAddresses, LiveState live,
      Namespace ns) throws Exception {
    Set<String> cleared = new TreeSet<>();
    plan.stepsOf(Step.ClearUplinkAddresses.class).forEach(s -> cleared.add(s.uplink()));
    assertLinks(plan, t, live);
    assertAddresses(plan, uplinkAddresses, cleared, live);
    assertEquals(expectedRoutes(plan, t, uplinkAddresses, cleared), routesNotMadeByTheKernel(ns), "routes");
    for (Step.SetSysctl s : plan.stepsOf(Step.SetSysctl.class)) {
      assertEquals(s.to(), live.sysctls().get(s.key()), s.key());
    }
    // The plan is the lab's (forLab): its one table is the lab's own, and the only table there is.
    assertEquals(Set.copyOf(plan.stepsOf(Step.LoadNat.class).stream().map(n -> "ip " + n.table()).toList()),
        live.nftTables());
    plan.stepsOf(Step.LoadNat.class).forEach(n -> assertTrue(n.table().startsWith("patchbay_"), n.table()));
    for (Step.LoadNat nat : plan.stepsOf(Step.LoadNat.class)) {
      String table = ns.exec(Map.of(), "nft", "list", "table", "ip", nat.table()).check().out();
      nat.rules().forEach(r -> assertTrue(table.contains("ip saddr " + r.source() + " oifname \"" + r.out()
          + "\" masquerade"), table));
    }
  }

  /** Exactly the links the plan makes besides lo and the stand-ins, each on the bridge the plan says, up. */
  private static void assertLinks(Plan plan, Topology t, LiveState live) {
    Map<String, String> expectedLinks = new HashMap<>();
    expectedLinks.put("lo", null);
    t.elementsOf(Uplink.class).forEach(u -> expectedLinks.put(u.name(), "veth"));
    t.elementsOf(Uplink.class).forEach(u -> expectedLinks.put(lanEnd(u), "veth"));
    plan.stepsOf(Step.CreateTap.class).forEach(s -> expectedLinks.put(s.name(), "tun"));
    plan.stepsOf(Step.CreateBridge.class).forEach(s -> expectedLinks.put(s.name(), "bridge"));
    Map<String, String> actualLinks = new HashMap<>();
    live.links().forEach(l -> actualLinks.put(l.name(), l.kind()));
    assertEquals(expectedLinks, actualLinks, "links and their kinds");

    Map<String, String> masters = new TreeMap<>();
    plan.stepsOf(Step.Enslave.class).forEach(s -> masters.put(s.device(), s.bridge()));
    Map<String, String> actualMasters = new TreeMap<>();
    live.links().stream().filter(l -> l.master() != null).forEach(l -> actualMasters.put(l.name(), l.master()));
    assertEquals(masters, actualMasters, "bridge ports");
    plan.stepsOf(Step.SetUp.class).forEach(s -> assertEquals(true, live.link(s.device()).orElseThrow().up(), s.device()));
  }

  private static void assertAddresses(Plan plan, Map<String, String> uplinkAddresses, Set<String> cleared,
      LiveState live) {
    Set<String> addresses = new TreeSet<>();
    plan.stepsOf(Step.AddAddress.class).forEach(s -> addresses.add(s.device() + " " + s.cidr()));
    uplinkAddresses.forEach((dev, a) -> {
      if (!cleared.contains(dev)) {
        addresses.add(dev + " " + a);
      }
    });
    addresses.add("lo 127.0.0.1/8");
    Set<String> actualAddresses = new TreeSet<>();
    live.addresses().forEach(a -> actualAddresses.add(a.device() + " " + a.cidr()));
    assertEquals(addresses, actualAddresses, "IPv4 addresses");
  }

  private static Set<String> expectedRoutes(Plan plan, Topology t, Map<String, String> uplinkAddresses,
      Set<String> cleared) {
    Set<String> routes = new TreeSet<>();
    for (Step.AddRoute r : plan.stepsOf(Step.AddRoute.class)) {
      String dst = r.destination().endsWith("/32") ? r.destination().replace("/32", "") : r.destination();
      routes.add(dst + " via " + r.via() + " dev " + r.device());
    }
    for (Uplink u : t.elementsOf(Uplink.class).toList()) {
      String a = uplinkAddresses.get(u.name());
      if (a != null && !cleared.contains(u.name()) && u.gateway() != null
          && Cidr.of(a).contains(Ipv4.of(u.gateway()))) {
        routes.add("default via " + u.gateway() + " dev " + u.name());
      }
    }
    return routes;
  }

  private static Set<String> routesNotMadeByTheKernel(Namespace ns) throws Exception {
    Set<String> routes = new TreeSet<>();
    for (JsonNode r : new ObjectMapper().readTree(ns.ip("-4", "-j", "route", "show").check().out())) {
      if (!"kernel".equals(r.path("protocol").asText())) {
        routes.add(r.path("dst").asText() + " via " + (r.has("gateway") ? r.path("gateway").asText() : null)
            + " dev " + r.path("dev").asText());
      }
    }
    return routes;
  }
}
