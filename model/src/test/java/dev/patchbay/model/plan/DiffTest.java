package dev.patchbay.model.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Re-applying an edited design: what the lab applied and the design dropped is undone, the rest added. */
class DiffTest {
  private static final String LAB = "lab-1";
  private static final Planner PLANNER = Planner.modern().forLab(LAB);
  private static final String TABLE = "patchbay_lab_1";

  /** A host after the lab applied a design: what it holds, and the steps the lab's journal owns. */
  private record Up(LiveState live, List<Step> owned) {}

  private static Up applied(Topology t) {
    LiveState before = PlannerTest.hostBefore(t);
    return applied(before, t);
  }

  private static Up applied(LiveState before, Topology t) {
    Plan plan = PLANNER.against(t, before);
    return new Up(Applied.after(before, plan), plan.steps());
  }

  /** The host and the lab's journal after the diff ran. */
  private static Up after(Up up, Diff d) {
    List<Step> owned = new ArrayList<>();
    for (int i = 0; i < up.owned().size(); i++) {
      if (!d.removed().contains(i)) {
        owned.add(up.owned().get(i));
      }
    }
    owned.addAll(d.additions().steps());
    return new Up(Applied.after(up.live(), d.plan()), owned);
  }

  private static Topology p2(Consumer<Topology> edit) {
    Topology t = Samples.load("nat-bridge.json");
    edit.accept(t);
    return t;
  }

  private static void removeWithLinks(Topology t, String id) {
    t.linksOf(id).stream().map(Link::id).toList().forEach(t::disconnect);
    t.remove(id);
  }

  @Test
  void anUnchangedDesignDiffsToNothing() {
    Topology t = p2(x -> { });
    assertTrue(PLANNER.diff(t, applied(t).owned(), applied(t).live()).isEmpty());
  }

  @Test
  void natTurnedOffDeletesTheLabsTableAndNothingElse() {
    Up up = applied(p2(x -> { }));
    Diff d = PLANNER.diff(p2(t -> t.setHost(t.host().withNat(List.of()))), up.owned(), up.live());
    assertEquals(List.of(new Step.DeleteNat(TABLE, List.of(new HostSettings.Nat("192.168.0.0/24", "eth0")))),
        d.plan().steps());
  }

  @Test
  void aLabAppliedWhenNatSharedOneTableMovesItsRulesIntoItsOwn() {
    Topology t = p2(x -> { });
    LiveState before = PlannerTest.hostBefore(t);
    Plan old = Planner.modern().against(t, before);
    Diff d = PLANNER.diff(t, old.steps(), Applied.after(before, old));
    List<HostSettings.Nat> rules = List.of(new HostSettings.Nat("192.168.0.0/24", "eth0"));
    assertEquals(List.of(new Step.DeleteNat("patchbay", rules), new Step.LoadNat(TABLE, rules)), d.plan().steps());
  }

  @Test
  void aChangedAddressIsRemovedBeforeTheNewOneIsAdded() {
    Up up = applied(p2(x -> { }));
    Diff d = PLANNER.diff(p2(t -> t.replace(new Bridge("br0", "br0", "192.168.5.1/24", false))), up.owned(), up.live());
    assertEquals(List.of(new Step.RemoveAddress("br0", "192.168.0.1/24"), new Step.AddAddress("br0", "192.168.5.1/24")),
        d.plan().steps());
  }

  @Test
  void changedNatRulesReloadTheTableAlthoughItExists() {
    Up up = applied(p2(x -> { }));
    List<HostSettings.Nat> rules = List.of(new HostSettings.Nat("192.168.0.0/16", "eth0"));
    Diff d = PLANNER.diff(p2(t -> t.setHost(t.host().withNat(rules))), up.owned(), up.live());
    assertEquals(List.of(new Step.DeleteNat(TABLE, List.of(new HostSettings.Nat("192.168.0.0/24", "eth0"))),
        new Step.LoadNat(TABLE, rules)), d.plan().steps());
  }

  @Test
  void aRemovedTapGoesAfterItsGuestItsUpStateAndItsBridgePort() {
    Up up = applied(p2(x -> { }));
    Diff d = PLANNER.diff(p2(t -> removeWithLinks(t, "tap1")), up.owned(), up.live());
    List<String> removals = d.removals().steps().stream().map(PlanText::describe).toList();
    assertEquals(List.of("stop guest GUEST2", "set tap1 down", "release tap1 from bridge br0", "delete tap tap1"),
        removals);
  }

  @Test
  void aRemovedBridgeLosesItsAddressAndPortsBeforeItIsDeleted() {
    Up up = applied(p2(x -> { }));
    Diff d = PLANNER.diff(p2(t -> removeWithLinks(t, "br0")), up.owned(), up.live());
    List<String> removals = d.removals().steps().stream().map(PlanText::describe).toList();
    assertEquals(List.of("remove address 192.168.0.1/24 from br0", "set br0 down", "release tap1 from bridge br0",
        "release tap0 from bridge br0", "delete bridge br0"), removals);
  }

  @Test
  void ipForwardTurnedOffGoesBackToTheValueTheLabFound() {
    Up up = applied(p2(x -> { }));
    Diff d = PLANNER.diff(p2(t -> t.setHost(t.host().withIpForward(false))), up.owned(), up.live());
    assertEquals(List.of(new Step.SetSysctl(Planner.IP_FORWARD, "1", "0")), d.plan().steps());
  }

  @Test
  void whatTheHostHadBeforeTheLabIsNeverRemoved() {
    Topology t = p2(x -> { });
    LiveState before = PlannerTest.hostBefore(t);
    LiveState forwarding = new LiveState(before.links(), before.addresses(), before.routes(),
        Map.of(Planner.IP_FORWARD, "1"), before.nftTables(), before.processes());
    Up up = applied(forwarding, t);
    Diff d = PLANNER.diff(p2(x -> x.setHost(x.host().withIpForward(false))), up.owned(), up.live());
    assertTrue(d.isEmpty(), "ip_forward was 1 before the lab, so the lab never set it: " + d.plan().steps());
  }

  @Test
  void aTapMadeAnewForANewOwnerGetsItsPortUpStateAndGuestBack() {
    Up up = applied(p2(x -> { }));
    Diff d = PLANNER.diff(p2(t -> t.replace(new Tap("tap0", "tap0", null, "alice"))), up.owned(), up.live());
    assertEquals(List.of("stop guest GUEST1", "set tap0 down", "release tap0 from bridge br0", "delete tap tap0"),
        d.removals().steps().stream().map(PlanText::describe).toList());
    assertEquals(List.of("CreateTap", "Enslave", "SetUp", "StartGuest"),
        d.additions().steps().stream().map(s -> s.getClass().getSimpleName()).toList());
  }

  static Stream<Arguments> edits() {
    Map<String, Consumer<Topology>> edits = new java.util.LinkedHashMap<>();
    edits.put("tap1 removed", t -> removeWithLinks(t, "tap1"));
    edits.put("bridge removed", t -> removeWithLinks(t, "br0"));
    edits.put("NAT off", t -> t.setHost(t.host().withNat(List.of())));
    edits.put("address changed", t -> t.replace(new Bridge("br0", "br0", "10.9.0.1/16", false)));
    edits.put("tap owner changed", t -> t.replace(new Tap("tap1", "tap1", null, "bob")));
    edits.put("port unlinked", t -> t.disconnect("l3"));
    edits.put("a route added", t -> t.setHost(t.host().withRoutes(List.of(
        new HostSettings.Route("172.16.0.0/12", "192.168.0.254", "br0")))));
    return edits.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void afterADiffRanTheHostAndTheJournalMatchTheEditedDesign(String name, Consumer<Topology> edit) {
    Up up = applied(p2(x -> { }));
    Topology edited = p2(edit);
    Up now = after(up, PLANNER.diff(edited, up.owned(), up.live()));
    assertTrue(PLANNER.diff(edited, now.owned(), now.live()).isEmpty(), name);
    assertEquals(unordered(applied(edited).live()), unordered(now.live()), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void goingBackToTheFirstDesignUndoesTheEdit(String name, Consumer<Topology> edit) {
    Topology first = p2(x -> { });
    Up up = applied(first);
    Up edited = after(up, PLANNER.diff(p2(edit), up.owned(), up.live()));
    Up back = after(edited, PLANNER.diff(first, edited.owned(), edited.live()));
    assertEquals(unordered(up.live()), unordered(back.live()), name);
  }

  /** The parts of a live state that do not depend on the order things were made in. */
  private static List<Object> unordered(LiveState s) {
    return List.of(new java.util.HashSet<>(s.links()), new java.util.HashSet<>(s.addresses()),
        new java.util.HashSet<>(s.routes()), s.sysctls(), s.nftTables(), s.processes());
  }

  @Test
  void aTapTheLabMadeThatNoLongerCarriesItsMarkerIsCreatedAgainWithEveryStepOnIt() {
    Planner marked = PLANNER.markedWith("patchbay:" + LAB);
    Topology t = p2(x -> { });
    Plan plan = marked.against(t, PlannerTest.hostBefore(t));
    LiveState live = Applied.after(PlannerTest.hostBefore(t), plan, "patchbay:" + LAB);
    // Someone deleted the lab's tap1 and made their own: same name, same kind, no marker.
    List<LiveState.Link> links = live.links().stream()
        .map(l -> l.name().equals("tap1") ? new LiveState.Link("tap1", "tun", "br0", true, null) : l).toList();
    LiveState replaced = new LiveState(links, live.addresses(), live.routes(), live.sysctls(), live.nftTables(),
        live.processes());

    Diff d = marked.diff(t, plan.steps(), replaced);

    assertEquals(List.of(), d.removed());
    assertEquals(List.of("CreateTap tap1", "Enslave tap1", "SetUp tap1", "StartGuest GUEST2"),
        d.additions().steps().stream().map(DiffTest::kindAndName).toList());
    assertTrue(marked.diff(t, plan.steps(), live).isEmpty(), "with its marker the tap is the lab's");
  }

  @Test
  void theLabsNatTableCountsOnlyWhenItsJournalMadeIt() {
    Planner marked = PLANNER.markedWith("patchbay:" + LAB);
    Topology t = p2(x -> { });
    Plan plan = marked.against(t, PlannerTest.hostBefore(t));
    LiveState live = Applied.after(PlannerTest.hostBefore(t), plan, "patchbay:" + LAB);
    List<Step> withoutNat = plan.steps().stream().filter(s -> !(s instanceof Step.LoadNat)).toList();

    assertEquals(List.of(), marked.diff(t, plan.steps(), live).additions().steps());
    // A table of the lab's name that the journal did not make (a leftover, or someone else's).
    assertEquals(List.of(new Step.LoadNat(TABLE, List.of(new HostSettings.Nat("192.168.0.0/24", "eth0")))),
        marked.diff(t, withoutNat, live).additions().steps());
    assertEquals(List.of(), PLANNER.diff(t, withoutNat, live).additions().steps(), "unmarked: any table counts");
  }

  private static String kindAndName(Step s) {
    String name = s instanceof Step.CreateTap c ? c.name() : s instanceof Step.Enslave e ? e.device()
        : s instanceof Step.SetUp u ? u.device() : s instanceof Step.StartGuest g ? g.guest() : s.toString();
    return s.getClass().getSimpleName() + " " + name;
  }
}
