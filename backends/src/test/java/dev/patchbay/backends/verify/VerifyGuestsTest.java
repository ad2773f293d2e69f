package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code patchbay verify} on the samples the issue names: every tested cell agrees with the model,
 * and nothing stays behind (no namespace of the lab, no QEMU or vde_switch started from its run folders).
 */
@Tag("guests")
class VerifyGuestsTest {
  private static final Logger LOG = Logger.getLogger(VerifyGuestsTest.class.getName());

  @TempDir
  Path state;

  /**
   * The samples the issue names, the DHCP sample (user net on a hub) and two test designs whose
   * guests take their addresses by DHCP: {@code leased} cells must be aimed at a reported lease
   * (from other guests through their consoles, and from the namespaces). On dhcp-over-socket slirp
   * shares a hub with both guests and answers TCP between them itself: those two cells are untested.
   */
  @ParameterizedTest
  @CsvSource({"../samples/nat-routing.json,0,0", "../samples/nat-bridge.json,0,0",
      "../samples/user-net-hostfwd.json,0,0", "../samples/socket-listen-connect.json,2,0",
      "../samples/wifi-proxy-arp.json,0,0", "../samples/user-on-hub.json,3,0",
      "../samples/vde-switch.json,0,0", "../samples/mcast-three-guests.json,3,0",
      "src/test/resources/dev/patchbay/backends/verify/dhcp-over-socket.json,8,0",
      "src/test/resources/dev/patchbay/backends/verify/lan-dhcp-guest.json,0,4"})
  void everyTestedCellAgreesWithTheMatrix(String file, int untested, int leased) throws Exception {
    Topology t = TopologyFiles.load(Path.of(file));
    String lab = "v" + HexFormat.of().formatHex(randomBytes());
    Labs labs = new Labs(state);
    try {
      VerifyReport report = VerifyRun.standard(labs).run(t, lab, file, false);
      LOG.info(() -> file + "\n" + report.table());
      assertEquals(0, report.disagreements(), report::table);
      assertEquals(untested, report.untested(), report::table);
      assertEquals(leased, report.cells().stream().filter(c -> c.probe().endsWith("DHCP lease)")).count(), report::table);
    } finally {
      cleanUp(labs, lab);
    }
    assertFalse(namespacesLeft(lab), "a sandbox namespace of " + lab + " survived");
    assertFalse(processLeft("qemu-system"), "a QEMU of this test is still running");
    assertFalse(processLeft("vde_switch"), "a vde_switch of this test is still running");
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  /** Verify downs the lab itself; this only catches what a failure halfway left. */
  private static void cleanUp(Labs labs, String lab) throws IOException, InterruptedException {
    if (namespacesLeft(lab)) {
      labs.down(lab);
    }
    for (String ns : Sandbox.namespaces(lab)) {
      if (Files.exists(Path.of("/var/run/netns", ns))) {
        new ProcessBuilder("ip", "netns", "del", ns).inheritIO().start().waitFor();
      }
    }
  }

  private static boolean namespacesLeft(String lab) {
    return Sandbox.namespaces(lab).stream().anyMatch(ns -> Files.exists(Path.of("/var/run/netns", ns)));
  }

  /** A process of {@code program} whose command line names this test's state folder. */
  private boolean processLeft(String program) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(x -> x.getFileName().toString().matches("[0-9]+")).toList()) {
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
          if (cmd.contains(program) && cmd.contains(state.toString())) {
            return true;
          }
        } catch (IOException e) {
          // the process ended while we looked
        }
      }
    }
    return false;
  }
}
