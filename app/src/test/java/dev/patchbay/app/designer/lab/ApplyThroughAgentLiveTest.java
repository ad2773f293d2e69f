package dev.patchbay.app.designer.lab;

import static dev.patchbay.app.designer.lab.LabViewModelTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.app.lab.AgentProcess;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designer's apply through a real agent process into a network namespace this test makes (never
 * the root namespace) and that stands for a host with an uplink: Cancel mid-apply, and a
 * confirm-or-revert apply left unconfirmed that the agent's detached watcher reverts.
 */
@Tag("live")
class ApplyThroughAgentLiveTest {
  @TempDir
  Path state;
  private String ns;
  private String lab;
  private LabViewModel vm;

  @BeforeEach
  void host() throws Exception {
    byte[] r = new byte[3];
    ThreadLocalRandom.current().nextBytes(r);
    lab = "d" + HexFormat.of().formatHex(r);
    ns = "pb-" + lab;
    System.setProperty("patchbay.state", state.toString());
    ip("netns", "add", ns);
    ip("netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1",
        "net.ipv6.conf.default.disable_ipv6=1");
    ip("-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "peer0");
    for (String l : List.of("eth0", "peer0", "lo")) {
      ip("-n", ns, "link", "set", l, "up");
    }
    ip("-n", ns, "address", "add", "10.0.0.10/8", "dev", "eth0");
    ip("-n", ns, "route", "add", "default", "via", "10.0.0.1", "dev", "eth0");
    vm = new LabViewModel(AgentProcess::start, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
  }

  @AfterEach
  void removeHost() throws Exception {
    try {
      vm.close();
    } finally {
      System.clearProperty("patchbay.state");
      ip("netns", "del", ns);
    }
  }

  private static String ip(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of("ip"),
        java.util.Arrays.stream(args)).toList()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("ip " + String.join(" ", args) + ": " + out);
    }
    return out;
  }

  private String snapshot() throws Exception {
    return ip("-n", ns, "-d", "link", "show") + ip("-n", ns, "address", "show")
        + ip("-n", ns, "route", "show", "table", "all");
  }

  /** The bridged-LAN scenario (the uplink bridged, its address moved to br0) without its guests: host steps only, no QEMU. */
  private static Topology bridgedUplink() throws Exception {
    Topology t = LabApplyFlowTest.sample("bridged-lan.json");
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      t.linksOf(g.id()).forEach(l -> t.disconnect(l.id()));
      t.remove(g.id());
    }
    return t;
  }

  /** 20 bridges with addresses and 300 taps as their ports: 960 steps. */
  private static Topology manyTaps() {
    Topology t = new Topology();
    for (int b = 0; b < 20; b++) {
      t.add(new Bridge("br" + b, "pbbr" + b, "10." + (b + 1) + ".0.1/24", false), null);
    }
    for (int i = 0; i < 300; i++) {
      t.add(new Tap("t" + i, "pbt" + i, null, null), null);
      t.connect(new Link("l" + i, Endpoint.of("t" + i), Endpoint.of("br" + (i % 20))));
    }
    return t;
  }

  @Test
  void cancelMidApplyRollsTheNamespaceBackAndTheDesignerSaysSo() throws Exception {
    String before = snapshot();
    vm.apply(manyTaps(), lab, TargetSpec.netns(ns), 0);
    vm.progress().cancel(); // pressed while the agent starts: sent with the first step's event, seen before step 2
    waitUntil(() -> vm.stateProperty().get() != LabViewModel.State.APPLYING);
    assertEquals(LabViewModel.State.DESIGN, vm.stateProperty().get(), vm.statusProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("Apply cancelled: lab " + lab + " was rolled back"),
        vm.statusProperty().get());
    assertEquals(before, snapshot());
  }

  @Test
  void anUnconfirmedHostChangeRevertsByItselfAndTheBannerShowsIt() throws Exception {
    String before = snapshot();
    vm.apply(bridgedUplink(), lab, TargetSpec.netns(ns), 3);
    waitUntil(() -> vm.confirmation().waitingProperty().get() || vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertTrue(vm.confirmation().waitingProperty().get(), vm.statusProperty().get());
    assertTrue(ip("-n", ns, "address", "show", "br0").contains("10.0.0.10/8"), "applied: the address moved to br0");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertTrue(vm.statusProperty().get().contains("reverted by itself"), vm.statusProperty().get());
    assertEquals(before, snapshot());
  }

  @Test
  void keepChangesEndsTheWatcherAndTheLabStays() throws Exception {
    vm.apply(bridgedUplink(), lab, TargetSpec.netns(ns), 3);
    waitUntil(() -> vm.confirmation().waitingProperty().get() || vm.stateProperty().get() == LabViewModel.State.DESIGN);
    vm.confirmation().confirm();
    waitUntil(() -> !vm.confirmation().waitingProperty().get());
    Path journal = state.resolve(lab).resolve("journal.jsonl");
    waitUntil(() -> {
      try {
        return java.nio.file.Files.readString(journal).contains("\"event\":\"confirmed\"");
      } catch (IOException e) {
        return false;
      }
    }); // the watcher saw the confirmation and ended: no revert can come after this
    assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get(), vm.statusProperty().get());
    assertTrue(ip("-n", ns, "address", "show", "br0").contains("10.0.0.10/8"), "the confirmed lab stays");
    vm.tearDown();
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
  }
}
