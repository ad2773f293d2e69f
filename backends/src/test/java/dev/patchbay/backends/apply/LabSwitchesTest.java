package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.Route;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.qemu.QemuCommandLine;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a lab's VDE switches run, their argument lists, and the sandbox's multicast bus on lo. */
class LabSwitchesTest {
  private static final Path LABS = Path.of("/var/lib/pb/labs");
  private static final Step.StartVdeSwitch SEED_SWITCH = new Step.StartVdeSwitch("vde0", "/var/run/qtap-ctl", true, "qtap");

  @Test
  void theSwitchRunsOnTheLabsOwnControlDirectoryNotTheDesignsPath() {
    VdeSwitchProcess v = LabSwitches.of(LABS, "lab1", "vde0");

    assertEquals(List.of("/usr/bin/setsid", "/usr/bin/vde_switch", "-hub", "-tap", "qtap", "-sock",
        "/var/lib/pb/labs/.vde/lab1/vde0/sock"),
        v.command(SEED_SWITCH, Optional.empty()));
  }

  @Test
  void inANamespaceNsenterExecsTheSwitchSoItsPidIsTheSwitchs() {
    List<String> cmd = LabSwitches.of(LABS, "lab1", "vde0").command(SEED_SWITCH, Optional.of("pb-lab1-host"));

    assertEquals(List.of("/usr/bin/setsid", "/usr/bin/nsenter", "--net=/var/run/netns/pb-lab1-host", "--",
        "/usr/bin/vde_switch"), cmd.subList(0, 5), "every program by its absolute path, never through PATH");
    assertFalse(cmd.contains("-daemon"), "a daemon would fork: the PID started would not be the switch's");
  }

  @Test
  void aSwitchWithoutTapOrHubModeGetsOnlyItsSocket() {
    List<String> cmd = LabSwitches.of(LABS, "lab1", "sw").command(new Step.StartVdeSwitch("sw", "/x", false, null),
        Optional.empty());

    assertEquals(List.of("/usr/bin/setsid", "/usr/bin/vde_switch", "-sock", "/var/lib/pb/labs/.vde/lab1/sw/sock"), cmd);
  }

  @Test
  void aControlDirectoryTooLongForUnixSocketsIsRefusedNamingTheSwitch() {
    Path deep = Path.of("/" + "d".repeat(80));

    var e = assertThrows(IllegalArgumentException.class,
        () -> LabSwitches.of(deep, "lab1", "vde0").command(SEED_SWITCH, Optional.empty()));
    assertTrue(e.getMessage().startsWith("VDE switch vde0: control directory"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"..", "a/b", "'a b'", "''"})
  void aSwitchNameThatCannotNameAFolderIsRefused(String name) {
    assertThrows(IllegalArgumentException.class, () -> LabSwitches.of(LABS, "lab1", name));
  }

  @Test
  void liveGuestsJoinTheLabsSwitchDirectory() throws Exception {
    Topology t = LabFixture.sample("vde-switch.json");
    Topology live = LabSwitches.live(t, LABS, "lab1");
    Guest a = live.elementsOf(Guest.class).filter(g -> g.name().equals("guestA")).findFirst().orElseThrow();

    String netdev = String.join(" ", new QemuCommandLine(live).networkArguments(a));
    assertTrue(netdev.contains("vde,id=") && netdev.contains(",sock=/var/lib/pb/labs/.vde/lab1/vde0/sock"), netdev);
  }

  @Test
  void theLiveCopyLeavesTheDesignsSocketPathAlone() throws Exception {
    Topology t = LabFixture.sample("vde-switch.json");
    LabSwitches.live(t, LABS, "lab1");

    assertEquals("/var/run/qtap-ctl", t.elementsOf(VdeSwitch.class).findFirst().orElseThrow().socketPath());
  }

  @Test
  void aDesignWithoutSwitchesIsUsedAsItIs() throws Exception {
    Topology t = LabFixture.sample("hub-nics.json");
    assertSame(t, LabSwitches.live(t, LABS, "lab1"));
  }

  @Test
  void vdeSwitchIsFoundOnlyAsAnExecutableInPath(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectory(dir.resolve("bin"));
    assertFalse(VdeSwitchProcess.installed("vde_switch", bin.toString()));

    Path program = Files.writeString(bin.resolve("vde_switch"), "");
    assertFalse(VdeSwitchProcess.installed("vde_switch", "/nowhere:" + bin), "not executable");
    assertTrue(program.toFile().setExecutable(true));
    assertTrue(VdeSwitchProcess.installed("vde_switch", "/nowhere:" + bin));
  }

  @Test
  void stopAllOfALabWithoutSwitchesReportsNothing(@TempDir Path labs) throws Exception {
    assertEquals(List.of(), LabSwitches.stopAll(labs, "lab1"));
  }

  @Test
  void aSwitchWhosePidFileNamesAnotherProcessIsNotStoppedAndItsFolderGoes(@TempDir Path labs) throws Exception {
    VdeSwitchProcess v = LabSwitches.of(labs, "lab1", "vde0");
    Files.createDirectories(v.runDir());
    // This JVM's PID: a reused PID whose command line does not name the folder's control directory.
    Files.writeString(v.pidFile(), ProcessHandle.current().pid() + "\n");

    assertEquals(List.of("vde_switch vde0: not running"), LabSwitches.stopAll(labs, "lab1"));
    assertFalse(Files.exists(LabSwitches.switchesDir(labs, "lab1")));
  }

  @Test
  void multicastMovesToLoOnlyWhenNoRouteReachesTheGroup() throws Exception {
    Topology mcast = LabFixture.sample("mcast-three-guests.json");
    Route defaultRoute = new Route(Cidr.of("0.0.0.0/0"), Optional.of(Ipv4.of("10.0.0.1")), 2, 0, 4);
    Route subnet = new Route(Cidr.of("10.0.0.0/8"), Optional.empty(), 2, 253, 2);

    assertTrue(Sandbox.needsLoopbackMulticast(mcast, List.of()));
    assertTrue(Sandbox.needsLoopbackMulticast(mcast, List.of(subnet)));
    assertFalse(Sandbox.needsLoopbackMulticast(mcast, List.of(subnet, defaultRoute)));
  }

  @Test
  void aDesignWithoutMulticastSocketsLeavesLoAlone() throws Exception {
    assertFalse(Sandbox.needsLoopbackMulticast(LabFixture.sample("socket-listen-connect.json"), List.of()));
  }
}
