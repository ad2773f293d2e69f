package dev.patchbay.app.designer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.app.lab.AgentProcess;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.format.TopologyFiles;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The designer's lab path for real: a separate agent process applies a sample in a sandbox and reports counters. */
@Tag("guests")
class LabThroughAgentLiveTest {
  @Test
  void aSampleAppliedThroughTheAgentShowsCountersAndTearsDownCompletely() throws Exception {
    String lab = "pbt-" + Integer.toHexString(new Random().nextInt(1 << 24));
    String p = System.getProperty("patchbay.samples");
    var topology = TopologyFiles.load((p != null ? Path.of(p) : Path.of("..", "samples")).resolve("nat-bridge.json"));
    LiveCountersViewModel counters = new LiveCountersViewModel();
    LabViewModel vm = new LabViewModel(AgentProcess::start, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        counters);
    try {
      vm.apply(topology, lab);
      LabViewModelTest.waitUntil(() -> counters.snapshotProperty().get() != null
          || vm.statusProperty().get().startsWith("Cannot"));
      assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get(), vm.statusProperty().get());
      LinkReading bridgePort = counters.snapshotProperty().get().link("l2").orElseThrow();
      assertTrue(bridgePort.available(), "tap0's kernel counters are read: " + bridgePort);
      assertFalse(counters.snapshotProperty().get().link("l0").orElseThrow().available(), "LAN-Internet is n/a");
      LabViewModelTest.waitUntil(() -> {
        var guest1 = vm.guestStates().get("GUEST1"); // one read: the poller updates the map meanwhile
        return guest1 != null && guest1.state().equals("running");
      });
      java.util.concurrent.atomic.AtomicReference<String> console = new java.util.concurrent.atomic.AtomicReference<>();
      vm.console("GUEST1", console::set);
      LabViewModelTest.waitUntil(() -> console.get() != null);
      assertTrue(console.get().contains("PB-READY"), "the probe guest's console says it is configured: " + console.get());
      vm.setLink("l4", false);
      // The cut and its status line are set one after the other on the poller's thread: wait for both.
      LabViewModelTest.waitUntil(() -> vm.isCut("l4") && vm.statusProperty().get().contains("net-nic0")
          || vm.statusProperty().get().startsWith("Cannot"));
      assertTrue(vm.isCut("l4"), vm.statusProperty().get());
      assertTrue(vm.statusProperty().get().contains("net-nic0"), "QMP set_link on GUEST1's NIC: " + vm.statusProperty().get());
    } finally {
      vm.tearDown();
      LabViewModelTest.waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
      vm.close();
    }
    Process list = new ProcessBuilder("ip", "netns", "list").start();
    String names = new String(list.getInputStream().readAllBytes());
    list.waitFor();
    assertFalse(names.contains("pb-" + lab), "the sandbox is gone: " + names);
  }
}
