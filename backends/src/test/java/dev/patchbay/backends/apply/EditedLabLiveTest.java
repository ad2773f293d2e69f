package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Re-applying an edited design to a lab that is up: samples/nat-bridge.json with tap1 and its links
 * deleted, NAT turned off and the bridge's address changed.
 */
@Tag("live")
class EditedLabLiveTest {
  private static final String SAMPLE = "nat-bridge.json";
  @TempDir
  Path state;
  private TestNamespace ns;
  private final String lab = LabFixture.uniqueLab();

  @BeforeEach
  void host() throws IOException {
    ns = TestNamespace.create();
    LabFixture.addUplinks(ns.name());
  }

  @AfterEach
  void removeHost() throws IOException {
    ns.close();
  }

  static Topology edited() throws Exception {
    Topology t = LabFixture.sample(SAMPLE);
    t.linksOf("tap1").stream().map(Link::id).toList().forEach(t::disconnect);
    t.remove("tap1");
    t.setHost(t.host().withNat(List.of()));
    t.replace(new Bridge("br0", "br0", "192.168.7.1/24", false));
    return t;
  }

  private TargetSpec where() {
    return TargetSpec.netns(ns.name());
  }

  /** What the namespace holds, without what changes when a link is made anew (ifindex, MAC). */
  private String state() throws IOException {
    try (Target target = Target.namespace(ns.name())) {
      LiveState s = LiveStateReader.read(target, Set.of());
      return String.join("\n", new TreeSet<>(s.links().stream().map(Object::toString).toList()).toString(),
          new TreeSet<>(s.addresses().stream().map(Object::toString).toList()).toString(),
          new TreeSet<>(s.routes().stream().map(Object::toString).toList()).toString(),
          new TreeMap<>(s.sysctls()).toString(),
          TestNamespace.run(List.of("ip", "netns", "exec", ns.name(), "nft", "list", "ruleset")));
    }
  }

  @Test
  void theEditedLabsLinksAddressesAndNatAreWhatTheEditedPlanMakes() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    labs.up(edited(), lab, where(), 0, "edited");
    Plan plan = Labs.planner(lab).full(edited());
    try (Target target = Target.namespace(ns.name())) {
      LiveState live = LiveStateReader.read(target, Set.of());
      List<LiveState.Link> marked = live.links().stream().filter(l -> Marker.of(lab).alias().equals(l.alias())).toList();
      Set<String> made = new TreeSet<>();
      plan.stepsOf(Step.CreateTap.class).forEach(s -> made.add(s.name() + " tun"));
      plan.stepsOf(Step.CreateBridge.class).forEach(s -> made.add(s.name() + " bridge"));
      assertEquals(made, new TreeSet<>(marked.stream().map(l -> l.name() + " " + l.kind()).toList()));
      Set<String> ports = new TreeSet<>();
      plan.stepsOf(Step.Enslave.class).forEach(s -> ports.add(s.device() + ">" + s.bridge()));
      assertEquals(ports, new TreeSet<>(marked.stream().filter(l -> l.master() != null)
          .map(l -> l.name() + ">" + l.master()).toList()));
      assertTrue(marked.stream().allMatch(LiveState.Link::up), marked.toString());
      Set<String> addresses = new TreeSet<>();
      plan.stepsOf(Step.AddAddress.class).forEach(s -> addresses.add(s.device() + " " + s.cidr()));
      assertEquals(addresses, new TreeSet<>(live.addresses().stream()
          .filter(a -> made.stream().anyMatch(m -> m.startsWith(a.device() + " ")))
          .map(a -> a.device() + " " + a.cidr()).toList()));
      assertEquals(Set.of(), live.nftTables(), "NAT is off in the edited design");
      assertEquals("1", live.sysctls().get("net.ipv4.ip_forward"));
    }
  }

  @Test
  void theReapplyUndoesWhatWasDroppedBeforeAddingTheNewAddress() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    Labs.UpResult r = labs.up(edited(), lab, where(), 0, "edited");
    assertEquals(List.of("stop guest GUEST2", "delete nft table ip patchbay_" + lab.replace('-', '_'),
        "remove address 192.168.0.1/24 from br0", "set tap1 down", "release tap1 from bridge br0", "delete tap tap1",
        "add address 192.168.7.1/24 to br0", "start guest GUEST2"),
        r.plan().steps().stream().map(PlanText::describe).map(d -> d.replaceFirst(": qemu.*", "")).toList());
  }

  @Test
  void reapplyingTheEditedLabAgainHasNoSteps() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    labs.up(edited(), lab, where(), 0, "edited");
    assertEquals(List.of(), labs.planFor(edited(), lab, where()).steps());
    assertEquals(List.of(), labs.up(edited(), lab, where(), 0, "edited").plan().steps());
  }

  @Test
  void downAfterTheEditLeavesTheNamespaceExactlyAsBefore() throws Exception {
    String before = LabFixture.snapshot(ns.name());
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    labs.up(edited(), lab, where(), 0, "edited");
    labs.down(lab);
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  @Test
  void goingBackToTheSampleRestoresWhatTheEditRemoved() throws Exception {
    Labs labs = new Labs(state);
    labs.up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    String applied = state();
    labs.up(edited(), lab, where(), 0, "edited");
    labs.up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    assertEquals(applied, state());
    assertEquals(List.of(), labs.planFor(LabFixture.sample(SAMPLE), lab, where()).steps());
  }

  @Test
  void inASandboxTheEditIsAppliedToo() throws Exception {
    Labs labs = new Labs(state);
    try {
      labs.up(LabFixture.sample(SAMPLE), lab, TargetSpec.sandbox(), 0, SAMPLE);
      Labs.UpResult r = labs.up(edited(), lab, TargetSpec.sandbox(), 0, "edited");
      assertEquals(8, r.plan().steps().size(), r.plan().steps().toString());
      assertEquals(List.of(), labs.planFor(edited(), lab, TargetSpec.sandbox()).steps());
      labs.down(lab);
      assertTrue(!LabFixture.anyLeft(lab));
    } finally {
      LabFixture.deleteSandbox(lab);
    }
  }

  static Stream<Integer> everyStepOfTheEdit() {
    return IntStream.range(0, 8).boxed();
  }

  @ParameterizedTest(name = "fails at step {0}")
  @MethodSource("everyStepOfTheEdit")
  void aFailureAtAnyStepOfTheReapplyLeavesTheLabAsItWas(int failAt) throws Exception {
    String before = LabFixture.snapshot(ns.name());
    new Labs(state).up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    String applied = state();
    Labs faulty = new Labs(state).withFaults((i, step) -> {
      if (i == failAt) {
        throw new IOException("injected fault");
      }
    });
    Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
        () -> faulty.up(edited(), lab, where(), 0, "edited"));
    assertTrue(e.getMessage().startsWith("step " + (failAt + 1) + " of 8 (") && e.getMessage().contains("injected fault"),
        e.getMessage());
    assertEquals(applied, state());
    assertEquals(List.of(), new Labs(state).planFor(LabFixture.sample(SAMPLE), lab, where()).steps());
    new Labs(state).down(lab);
    assertEquals(before, LabFixture.snapshot(ns.name()));
  }

  /** A cancel is asked before each step after the first: after step k of the 8 is announced, for k < 8. */
  static Stream<Integer> everyStepButTheLast() {
    return IntStream.range(0, 7).boxed();
  }

  @ParameterizedTest(name = "cancelled after step {0} was announced")
  @MethodSource("everyStepButTheLast")
  void aCancelAtAnyStepOfTheReapplyLeavesTheLabAsItWas(int announced) throws Exception {
    new Labs(state).up(LabFixture.sample(SAMPLE), lab, where(), 0, SAMPLE);
    String applied = state();
    List<Integer> seen = new ArrayList<>();
    Labs cancelling = new Labs(state).withProgress(new Applier.Progress() {
      @Override
      public void step(int index, int total, Step step) {
        seen.add(index);
        assertEquals(8, total, "removals and additions are steps of one diff");
      }

      @Override
      public boolean cancelled() {
        return seen.size() > announced;
      }
    });
    Applier.ApplyException e = assertThrows(Applier.ApplyException.class,
        () -> cancelling.up(edited(), lab, where(), 0, "edited"));
    assertTrue(e.cancelled() && e.getMessage().startsWith("cancelled before step " + (announced + 2) + " of 8 ("),
        e.getMessage());
    assertEquals(IntStream.rangeClosed(0, announced).boxed().toList(), seen);
    assertEquals(applied, state());
    assertEquals(List.of(), new Labs(state).planFor(LabFixture.sample(SAMPLE), lab, where()).steps());
    new Labs(state).down(lab);
  }
}
