package dev.patchbay.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Uplink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {

  static java.util.stream.Stream<String> samples() {
    return Samples.names();
  }

  /** The host before: its uplinks exist with the address the topology shows on them. */
  static LiveState hostBefore(Topology t) {
    List<LiveState.Link> links = new ArrayList<>();
    List<LiveState.Address> addresses = new ArrayList<>();
    for (Uplink u : t.elementsOf(Uplink.class).toList()) {
      links.add(new LiveState.Link(u.name(), null, null, true, null));
      if (u.address() != null) {
        addresses.add(new LiveState.Address(u.name(), u.address()));
      }
    }
    return new LiveState(links, addresses, List.of(), Map.of(Planner.IP_FORWARD, "0"), Set.of(), Set.of());
  }

  @Test
  void natBridgePlanBuildsInterfacesThenPortsThenAddressesThenKernelSettingsThenGuests() {
    Plan plan = Planner.plan(Samples.load("nat-bridge.json"));
    List<Step> expected = List.of(
        new Step.CreateTap("tap0", null), new Step.CreateTap("tap1", null), new Step.CreateBridge("br0", false),
        new Step.Enslave("tap0", "br0"), new Step.Enslave("tap1", "br0"),
        new Step.SetUp("tap0"), new Step.SetUp("tap1"), new Step.SetUp("br0"),
        new Step.AddAddress("br0", "192.168.0.1/24"),
        new Step.SetSysctl("net.ipv4.ip_forward", null, "1"),
        new Step.LoadNat("patchbay", List.of(new HostSettings.Nat("192.168.0.0/24", "eth0"))));
    assertEquals(expected, plan.steps().subList(0, expected.size()));
    assertEquals(List.of("GUEST1", "GUEST2"), plan.stepsOf(Step.StartGuest.class).stream().map(Step.StartGuest::guest).toList());
  }

  @Test
  void uplinksAreNeverCreated() {
    Plan plan = Planner.plan(Samples.load("nat-routing.json"));
    assertTrue(plan.stepsOf(Step.CreateTap.class).stream().noneMatch(s -> s.name().equals("eth0")));
    assertTrue(plan.stepsOf(Step.CreateBridge.class).isEmpty());
  }

  @Test
  void wifiPlanRoutesEachGuestThroughItsOwnTapAndProxiesArpByInterfaceName() {
    Plan plan = Planner.plan(Samples.load("wifi-proxy-arp.json"));
    assertTrue(plan.steps().contains(new Step.AddRoute("192.168.1.10/32", null, "tap1")));
    assertTrue(plan.steps().contains(new Step.AddRoute("192.168.1.30/32", null, "tap3")));
    assertEquals(List.of("net.ipv4.ip_forward", "net.ipv4.conf.tap1.proxy_arp", "net.ipv4.conf.tap2.proxy_arp",
        "net.ipv4.conf.tap3.proxy_arp", "net.ipv4.conf.wlp3s0.proxy_arp"),
        plan.stepsOf(Step.SetSysctl.class).stream().map(Step.SetSysctl::key).toList());
  }

  @Test
  void bridgedLanClearsTheUplinkBeforeEnslavingItAndMovesTheDefaultRouteToTheBridge() {
    List<Step> steps = Planner.plan(Samples.load("bridged-lan.json")).steps();
    int clear = steps.indexOf(new Step.ClearUplinkAddresses("eth0"));
    int enslave = steps.indexOf(new Step.Enslave("eth0", "br0"));
    assertTrue(clear >= 0 && clear < enslave, steps.toString());
    assertTrue(steps.get(clear).needsHostState());
    assertTrue(steps.indexOf(new Step.AddRoute("default", "10.0.0.1", "br0"))
        > steps.indexOf(new Step.AddAddress("br0", "10.0.0.10/8")));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void reverseUndoesEveryStepInReverseOrder(String sample) {
    Plan plan = Planner.plan(Samples.load(sample));
    Plan reverse = plan.reverse();
    assertEquals(plan.steps().size(), reverse.steps().size());
    for (int i = 0; i < plan.steps().size(); i++) {
      assertEquals(plan.steps().get(i).inverse(), reverse.steps().get(reverse.steps().size() - 1 - i));
    }
    assertEquals(plan, reverse.reverse());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void reapplyingAnAppliedSamplePlansNothing(String sample) {
    Topology t = Samples.load(sample);
    LiveState applied = Applied.after(hostBefore(t), Planner.plan(t));
    assertEquals(List.of(), Planner.plan(t, applied).steps());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void aBareHostNeedsEveryStepButClearingUplinkAddressesItDoesNotHave(String sample) {
    Topology t = Samples.load(sample);
    List<Step> expected = Planner.plan(t).steps().stream()
        .filter(s -> !(s instanceof Step.ClearUplinkAddresses)).toList();
    assertEquals(expected, Planner.plan(t, LiveState.empty()).steps());
  }

  @Test
  void aTapThatExistsButIsNotOnItsBridgeIsOnlyEnslavedAndTheRestStays() {
    Topology t = Samples.load("nat-bridge.json");
    LiveState applied = Applied.after(hostBefore(t), Planner.plan(t));
    List<LiveState.Link> links = applied.links().stream()
        .map(l -> l.name().equals("tap1") ? new LiveState.Link("tap1", "tun", null, true, null) : l).toList();
    LiveState half = new LiveState(links, applied.addresses(), applied.routes(), applied.sysctls(),
        applied.nftTables(), applied.processes());
    assertEquals(List.of(new Step.Enslave("tap1", "br0")), Planner.plan(t, half).steps());
  }

  private static final String MARK = "patchbay:lab";
  private static final Planner MARKED = Planner.modern().forLab("lab").markedWith(MARK);

  @ParameterizedTest
  @MethodSource("samples")
  void reapplyingASampleWhoseLinksCarryTheLabsMarkerPlansNothing(String sample) {
    Topology t = Samples.load(sample);
    Plan plan = MARKED.against(t, hostBefore(t));
    LiveState applied = Applied.after(hostBefore(t), plan, MARK);
    assertTrue(MARKED.diff(t, plan.steps(), applied).isEmpty());
  }

  @Test
  void aUsersOwnTunNamedLikeADesignedTapIsNotTheLabsAndEveryStepOnItIsPlanned() {
    Topology t = Samples.load("nat-bridge.json");
    Plan plan = MARKED.against(t, hostBefore(t));
    // Without tap1, which is the user's own tun: up and even a port of br0. Adopting it would hand it
    // to the lab's guest.
    List<Step> owned = plan.steps().stream().filter(s -> !Diff.devices(s).contains("tap1")).toList();
    LiveState withUsersTap = withLink(Applied.after(hostBefore(t), new Plan(owned), MARK),
        new LiveState.Link("tap1", "tun", "br0", true, null));

    List<Step> steps = MARKED.diff(t, owned, withUsersTap).additions().steps();
    assertEquals(List.of(new Step.CreateTap("tap1", null), new Step.Enslave("tap1", "br0"), new Step.SetUp("tap1")),
        steps.subList(0, 3));
    assertEquals(List.of("GUEST2"), steps.subList(3, steps.size()).stream()
        .map(s -> ((Step.StartGuest) s).guest()).toList(), "the guest of tap1 starts on the lab's own tap");
  }

  @Test
  void aLinkOfAnotherKindIsNotTheDesignedBridgeEvenWithoutAMarker() {
    Topology t = Samples.load("nat-bridge.json");
    LiveState applied = Applied.after(hostBefore(t), Planner.plan(t));
    LiveState withVeth = withLink(applied, new LiveState.Link("br0", "veth", null, true, null));

    assertEquals(List.of(new Step.CreateBridge("br0", false), new Step.Enslave("tap0", "br0"),
        new Step.Enslave("tap1", "br0"), new Step.SetUp("br0"), new Step.AddAddress("br0", "192.168.0.1/24")),
        Planner.plan(t, withVeth).steps());
  }

  @Test
  void withoutAMarkerAnyTunOfTheNameCountsAsTheTap() {
    Topology t = Samples.load("nat-bridge.json");
    LiveState applied = Applied.after(hostBefore(t), Planner.plan(t));

    assertEquals(List.of(), Planner.plan(t, withLink(applied, new LiveState.Link("tap1", "tun", "br0", true, null)))
        .steps());
  }

  private static LiveState withLink(LiveState live, LiveState.Link link) {
    List<LiveState.Link> links = new ArrayList<>(live.links());
    links.removeIf(l -> l.name().equals(link.name()));
    links.add(link);
    return new LiveState(links, live.addresses(), live.routes(), live.sysctls(), live.nftTables(), live.processes());
  }

  @Test
  void aSysctlPlannedAgainstTheHostRecordsTheValueItReplaces() {
    Topology t = Samples.load("routed-subnets.json");
    Plan plan = Planner.plan(t, hostBefore(t));
    assertTrue(plan.steps().contains(new Step.SetSysctl("net.ipv4.ip_forward", "0", "1")));
    assertFalse(plan.steps().contains(new Step.SetSysctl("net.ipv4.ip_forward", null, "1")));
  }

  @Test
  void aSysctlAlreadySetIsNotPlanned() {
    Topology t = Samples.load("routed-subnets.json");
    LiveState before = hostBefore(t);
    LiveState forwarding = new LiveState(before.links(), before.addresses(), before.routes(),
        Map.of(Planner.IP_FORWARD, "1"), Set.of(), Set.of());
    assertTrue(Planner.plan(t, forwarding).stepsOf(Step.SetSysctl.class).isEmpty());
  }

  @Test
  void aHostRouteShownWithoutItsPrefixCountsAsPresent() {
    LiveState live = new LiveState(List.of(), List.of(), List.of(new LiveState.Route("192.168.1.10", null, "tap1")),
        Map.of(), Set.of(), Set.of());
    assertTrue(live.hasRoute("192.168.1.10/32", null, "tap1"));
    assertFalse(live.hasRoute("192.168.1.10/32", null, "tap2"));
  }

  @Test
  void legacyPlannerStartsGuestsWithVlanCommandLines() {
    Plan plan = Planner.legacy().full(Samples.load("routed-subnets.json"));
    List<String> args = plan.stepsOf(Step.StartGuest.class).get(0).arguments();
    assertTrue(args.contains("nic,vlan=0,model=e1000,macaddr=52:54:00:00:00:10"), args.toString());
    assertTrue(args.contains("tap,vlan=0,ifname=tap0,script=no,downscript=no"), args.toString());
  }

  @Test
  void aGuestThatListensStartsBeforeTheGuestThatConnectsWhateverTheFileOrder() throws Exception {
    Topology t = Samples.load("socket-listen-connect.json");
    Topology swapped = dev.patchbay.model.format.TopologyFiles.parse(dev.patchbay.model.format.TopologyFiles.toJson(t)
        .replace("\"a\": \"vlan0\",\n      \"b\": \"sock8010:listen\"", "\"a\": \"vlan0\",\n      \"b\": \"sock8010:connect\"")
        .replace("\"a\": \"sock8010:connect\",\n      \"b\": \"vlan2\"", "\"a\": \"sock8010:listen\",\n      \"b\": \"vlan2\""), "swapped");
    List<Step.StartGuest> starts = Planner.plan(swapped).stepsOf(Step.StartGuest.class);
    assertEquals(List.of("guestB", "guestA"), starts.stream().map(Step.StartGuest::guest).toList());
    assertEquals(List.of(8010), starts.get(0).listens());
    assertEquals(List.of(), starts.get(1).listens());
  }
}
