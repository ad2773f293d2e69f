package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchbay stats LAB} on a lab that {@code patchbay up} applied, with its probe guests running. */
@Tag("guests")
class StatsLabGuestsTest {
  @TempDir
  Path state;

  @Test
  void statsOfALabReadsTheKernelAndQemuAlikeForANicOnATap() throws Exception {
    String lab = "pbs-" + Integer.toHexString(new Random().nextInt(1 << 24));
    String before = System.getProperty("patchbay.state");
    System.setProperty("patchbay.state", state.toString());
    try {
      CliTest.Run up = CliTest.run("up", CliTest.samples().resolve("nat-bridge.json").toString(), "--lab", lab);
      assertEquals(0, up.code(), up.out() + up.err());
      long deadline = System.nanoTime() + 90_000_000_000L;
      while (ping(lab, "1") != 0) {
        assertTrue(System.nanoTime() < deadline, "the probe guest never answered");
      }
      assertEquals(0, ping(lab, "3"));
      CliTest.Run stats = CliTest.run("stats", lab, "--json", "--interval", "100");
      assertEquals(0, stats.code(), stats.err());
      JsonNode json = new ObjectMapper().readTree(stats.out());
      JsonNode tap = reading(json, "l2");
      JsonNode nic = reading(json, "l4");
      assertTrue(nic.path("source").asText().contains("filter-dump"), nic.toString());
      assertTrue(nic.path("frames").asLong() >= 8, "4 echo requests and 4 replies crossed the NIC: " + nic);
      assertEquals(tap.path("frames").asLong(), nic.path("frames").asLong(),
          "every frame between the guest and the bridge crosses both tap0 and the NIC");
      assertTrue(reading(json, "l0").path("frames").isNull(), "LAN-Internet is n/a");
      // The same lab read as a FILE in its namespace, the guests' folders given: the NIC reads as above.
      CliTest.Run file = CliTest.run("stats", CliTest.samples().resolve("nat-bridge.json").toString(), "--netns",
          "pb-" + lab + "-host", "--run-dir", state.resolve(".guests").resolve(lab).toString(), "--json",
          "--interval", "100");
      assertEquals(0, file.code(), file.err());
      JsonNode byFile = reading(new ObjectMapper().readTree(file.out()), "l4");
      assertTrue(byFile.path("frames").asLong(-1) >= nic.path("frames").asLong(), "--run-dir reads the NIC: " + byFile);
      // Cut, the NIC's link counts nothing more while the host's pings still reach tap0; the cut is
      // recorded for pollers in other processes (a cut link read from a tap is n/a while cut).
      CliTest.Run cut = CliTest.run("link", lab, "l4", "down");
      assertEquals(0, cut.code(), cut.out() + cut.err());
      assertEquals(java.util.Set.of("l4"), dev.patchbay.backends.qemu.CutLinks.read(state, lab));
      JsonNode atCut = new ObjectMapper().readTree(CliTest.run("stats", lab, "--json", "--interval", "100").out());
      assertTrue(ping(lab, "3") != 0, "no echo crosses a cut link");
      JsonNode whileCut = new ObjectMapper().readTree(CliTest.run("stats", lab, "--json", "--interval", "100").out());
      assertEquals(reading(atCut, "l4").path("frames").asLong(), reading(whileCut, "l4").path("frames").asLong(-1),
          "nothing crossed the cut NIC link: " + whileCut);
      assertTrue(reading(whileCut, "l2").path("frames").asLong() > reading(atCut, "l2").path("frames").asLong(),
          "the pings still reached tap0: " + whileCut);
    } finally {
      CliTest.Run down = CliTest.run("down", lab);
      if (before == null) {
        System.clearProperty("patchbay.state");
      } else {
        System.setProperty("patchbay.state", before);
      }
      assertEquals(0, down.code(), down.out() + down.err());
    }
    Process list = new ProcessBuilder("ip", "netns", "list").start();
    assertFalse(new String(list.getInputStream().readAllBytes()).contains("pb-" + lab));
  }

  /** One busybox ping of GUEST1 from the lab's host namespace, waiting at most a second per echo. */
  private static int ping(String lab, String count) throws Exception {
    Process p = new ProcessBuilder("ip", "netns", "exec", "pb-" + lab + "-host", "busybox", "ping", "-c", count,
        "-W", "1", "192.168.0.10").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor();
  }

  private static JsonNode reading(JsonNode stats, String linkId) {
    for (JsonNode l : stats.path("links")) {
      if (l.path("id").asText().equals(linkId)) {
        return l;
      }
    }
    throw new AssertionError("no " + linkId + " in " + stats);
  }
}
