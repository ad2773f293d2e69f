package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.plan.Diff;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which objects of a target are conflicts for an up and which are the lab's or harmless, on
 * synthetic live states: re-applies, the uplink a design clears, addresses of the same subnet.
 */
class ConflictCheckTest {
  private static final String LAB = "conflicts";
  private static final String MARK = Marker.of(LAB).alias();

  /** A host like LabFixture.addUplinks makes: eth0 10.0.0.10/8 with the default route, wlp3s0 192.168.1.2/24. */
  private static LiveState host(List<LiveState.Link> extraLinks, List<LiveState.Address> extraAddresses,
      List<LiveState.Route> extraRoutes) {
    List<LiveState.Link> links = new ArrayList<>(List.of(new LiveState.Link("lo", null, null, true, null),
        new LiveState.Link("eth0", "veth", null, true, null), new LiveState.Link("wlp3s0", "veth", null, true, null)));
    links.addAll(extraLinks);
    List<LiveState.Address> addresses = new ArrayList<>(List.of(new LiveState.Address("eth0", "10.0.0.10/8"),
        new LiveState.Address("wlp3s0", "192.168.1.2/24")));
    addresses.addAll(extraAddresses);
    List<LiveState.Route> routes = new ArrayList<>(List.of(new LiveState.Route("0.0.0.0/0", "10.0.0.1", "eth0"),
        new LiveState.Route("10.0.0.0/8", null, "eth0"), new LiveState.Route("192.168.1.0/24", null, "wlp3s0")));
    routes.addAll(extraRoutes);
    return new LiveState(links, addresses, routes, Map.of(), Set.of(), Set.of());
  }

  private static List<String> conflicts(String sample, List<Step> owned, LiveState live) throws Exception {
    return conflicts(LabFixture.sample(sample), owned, live);
  }

  private static List<String> conflicts(Topology t, List<Step> owned, LiveState live) {
    Diff diff = Labs.planner(LAB).diff(t, owned, live);
    return ConflictCheck.find(diff, live, Marker.of(LAB), "a test host").stream().map(ConflictCheck.Conflict::object)
        .toList();
  }

  @Test
  void theSameIpOnAnotherInterfaceIsAConflictAnotherIpOfTheSubnetIsNot() throws Exception {
    LiveState sameIp = host(List.of(new LiveState.Link("eth1", "veth", null, true, null)),
        List.of(new LiveState.Address("eth1", "192.168.0.1/16")), List.of());
    LiveState sameSubnet = host(List.of(new LiveState.Link("eth1", "veth", null, true, null)),
        List.of(new LiveState.Address("eth1", "192.168.0.7/24")), List.of());

    assertEquals(List.of("address 192.168.0.1 (for br0)"), conflicts("nat-bridge.json", List.of(), sameIp));
    assertEquals(List.of(), conflicts("nat-bridge.json", List.of(), sameSubnet));
  }

  @Test
  void theAddressAndDefaultRouteOfAnUplinkTheDesignClearsAreNoConflict() throws Exception {
    // The bridged-LAN scenario moves eth0's 10.0.0.10/8 and its default route to br0: both are on eth0 now.
    assertEquals(List.of(), conflicts("bridged-lan.json", List.of(), host(List.of(), List.of(), List.of())));
  }

  @Test
  void aRouteOfAnotherInterfaceIsAConflictTheLabsOwnRouteThatTheEditReplacesIsNot() throws Exception {
    LiveState.Route elsewhere = new LiveState.Route("192.168.1.10/32", "192.168.1.1", "wlp3s0");
    assertEquals(List.of("route 192.168.1.10/32"),
        conflicts(LabFixture.sample("wifi-proxy-arp.json"), List.of(), host(List.of(), List.of(), List.of(elsewhere))));

    // The lab is up with 192.168.1.10/32 dev tap1; the edited design sends it via the LAN's gateway:
    // the Reconciler removes the lab's own route before the new one is added.
    Topology edited = LabFixture.sample("wifi-proxy-arp.json");
    List<HostSettings.Route> routes = new ArrayList<>(edited.host().routes());
    routes.set(0, new HostSettings.Route("192.168.1.10/32", "192.168.1.1", null));
    edited.setHost(edited.host().withRoutes(routes));
    List<Step> owned = Labs.planner(LAB).full(LabFixture.sample("wifi-proxy-arp.json")).steps().stream()
        .filter(s -> !(s instanceof Step.StartGuest)).toList();
    LiveState up = host(labsTaps(), List.of(), List.of(new LiveState.Route("192.168.1.10/32", null, "tap1")));

    assertEquals(List.of(), conflicts(edited, owned, up));
    assertEquals(List.of("route 192.168.1.10/32"), conflicts(edited, List.of(), up), "not in the journal: not the lab's");
  }

  @Test
  void aLinkTheReconcilerDeletesFirstIsNoConflictOnlyWhenItCarriesTheMarker() throws Exception {
    Plan applied = Labs.planner(LAB).full(LabFixture.sample("nat-bridge.json"));
    // The journal says the lab made tap0 for user "alice"; the design's tap0 has no owner: deleted, made anew.
    List<Step> owned = applied.steps().stream()
        .map(s -> s.equals(new Step.CreateTap("tap0", null)) ? new Step.CreateTap("tap0", "alice") : s).toList();
    LiveState marked = host(List.of(new LiveState.Link("tap0", "tun", "br0", true, MARK)), List.of(), List.of());
    LiveState replaced = host(List.of(new LiveState.Link("tap0", "tun", "br0", true, null)), List.of(), List.of());

    assertEquals(List.of(), conflicts("nat-bridge.json", owned, marked).stream()
        .filter(c -> c.contains("tap0")).toList());
    assertEquals(List.of("tap tap0"), conflicts("nat-bridge.json", owned, replaced).stream()
        .filter(c -> c.contains("tap0")).toList());
  }

  private static List<LiveState.Link> labsTaps() {
    return List.of(new LiveState.Link("tap1", "tun", null, true, MARK), new LiveState.Link("tap2", "tun", null, true, MARK),
        new LiveState.Link("tap3", "tun", null, true, MARK));
  }
}
