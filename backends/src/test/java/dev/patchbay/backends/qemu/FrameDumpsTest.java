package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.counters.LinkMeter;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameDumpsTest {
  @TempDir
  Path runRoot;

  private static Topology sample() throws Exception {
    return TopologyFiles.load(Path.of("..", "samples", "socket-listen-connect.json"));
  }

  @Test
  void eachGuestStartsWithTheDumpsItsLinksNeedWhereThePollerReadsThem() throws Exception {
    Topology t = sample();
    Guest a = (Guest) t.element("guestA").orElseThrow();
    GuestLaunch launch = GuestLaunch.of(t, a, runRoot.resolve("guestA"));

    FrameDumps.addTo(LinkMeters.of(t)).accept(launch);

    assertEquals(List.of("net-nic0", "net-vlan0-sock8010-listen"),
        launch.dumps().stream().map(GuestLaunch.FrameDump::netdev).toList());
    for (GuestLaunch.FrameDump d : launch.dumps()) {
      assertEquals(FrameDumps.file(runRoot.resolve("guestA"), d.netdev()), d.file());
      assertEquals(FrameDumps.SNAP_LENGTH, d.snapLength());
    }
    assertTrue(String.join(" ", launch.command()).contains(
        "filter-dump,id=dump-net-nic0,netdev=net-nic0,file=" + runRoot.resolve("guestA/frames-net-nic0.pcap") + ",maxlen=64"));
  }

  @Test
  void teardownRemovesEveryDumpFileAndNothingElse() throws Exception {
    Topology t = sample();
    List<LinkMeter> meters = LinkMeters.of(t);
    Files.createDirectories(runRoot.resolve("guestA"));
    Files.createDirectories(runRoot.resolve("guestB"));
    Path dump = Files.createFile(FrameDumps.file(runRoot.resolve("guestB"), "net-nic0"));
    Path serial = Files.createFile(runRoot.resolve("guestB/serial.log"));

    FrameDumps.remove(GuestFolders.byId(runRoot, t), meters);

    assertFalse(Files.exists(dump));
    assertTrue(Files.exists(serial));
  }
}
