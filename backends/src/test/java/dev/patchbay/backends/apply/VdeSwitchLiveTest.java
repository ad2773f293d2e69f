package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real vde_switch processes in throwaway namespaces: started where the lab is, stopped by PID. */
@Tag("live")
class VdeSwitchLiveTest {
  private static final Duration READY = Duration.ofSeconds(10);
  private static final Step.StartVdeSwitch SWITCH = new Step.StartVdeSwitch("vde0", "/var/run/qtap-ctl", true, "qtap");

  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  @AfterEach
  void stopWhatIsLeft() throws Exception {
    LabSwitches.stopAll(state, lab);
    LabFixture.deleteSandbox(lab);
  }

  private static long netnsInode(String path) throws Exception {
    return (Long) Files.getAttribute(Path.of(path), "unix:ino");
  }

  @Test
  void theSwitchRunsInTheLabsNamespaceWithItsSocketAndTap() throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      ns.exec("ip", "tuntap", "add", "dev", "qtap", "mode", "tap");
      VdeSwitchProcess v = VdeSwitchProcess.start(LabSwitches.of(state, lab, "vde0").runDir(), SWITCH,
          Optional.of(ns.name()), READY);
      long pid = v.process().orElseThrow().pid();

      assertTrue(Files.exists(v.controlDir().resolve("ctl")));
      assertTrue(VdeSwitchProcess.holdsTap(pid, "qtap"));
      assertEquals(netnsInode("/var/run/netns/" + ns.name()), netnsInode("/proc/" + pid + "/ns/net"));
    }
  }

  @Test
  void stopEndsExactlyThatPidAndRemovesItsFolder() throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      VdeSwitchProcess v = VdeSwitchProcess.start(LabSwitches.of(state, lab, "vde0").runDir(),
          new Step.StartVdeSwitch("vde0", "/x", false, null), Optional.of(ns.name()), READY);
      ProcessHandle h = v.process().orElseThrow();

      assertEquals("stopped (pid " + h.pid() + ")", v.stop());
      assertFalse(h.isAlive());
      assertFalse(Files.exists(v.runDir()));
    }
  }

  @Test
  void aTapTheSwitchCannotOpenFailsWithVdeSwitchsOwnWordsAndLeavesNoProcess() throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      ns.exec("ip", "tuntap", "add", "dev", "qtap", "mode", "tap");
      VdeSwitchProcess.start(LabSwitches.of(state, lab, "first").runDir(), SWITCH, Optional.of(ns.name()), READY);
      Path second = LabSwitches.of(state, lab, "second").runDir();

      var e = assertThrows(java.io.IOException.class,
          () -> VdeSwitchProcess.start(second, SWITCH, Optional.of(ns.name()), Duration.ofSeconds(2)));
      assertTrue(e.getMessage().contains("could not open its tap qtap") && e.getMessage().contains("TUNSETIFF"),
          e.getMessage());
      assertTrue(new VdeSwitchProcess(second).process().isEmpty(), "the failed switch still runs");
    }
  }

  @Test
  void downFromTheDiskAloneStopsTheSwitchOfASandboxLab() throws Exception {
    new Labs(state).up(LabFixture.sample("vde-switch.json"), lab, TargetSpec.sandbox(), 0, "vde");
    ProcessHandle h = LabSwitches.of(state, lab, "vde0").process().orElseThrow();

    List<String> report = new Labs(state).down(lab);

    assertTrue(report.contains("vde_switch vde0: stopped (pid " + h.pid() + ")"), report.toString());
    assertFalse(h.isAlive());
    assertFalse(Files.exists(LabSwitches.switchesDir(state, lab)));
    assertFalse(LabFixture.anyLeft(lab));
  }

  @Test
  void aSandboxForAMulticastBusWithoutUplinkRoutesTheGroupsToLo() throws Exception {
    new Labs(state).up(LabFixture.sample("mcast-three-guests.json"), lab, TargetSpec.sandbox(), 0, "mcast");

    String routes = TestNamespace.run(List.of("ip", "-n", Sandbox.host(lab), "route", "show"));
    String lo = TestNamespace.run(List.of("ip", "-n", Sandbox.host(lab), "link", "show", "lo"));
    assertTrue(routes.contains("224.0.0.0/4 dev lo"), routes);
    assertTrue(lo.contains("MULTICAST"), lo);
  }
}
