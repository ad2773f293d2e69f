package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe guest says PB-READY only once every echo port listens: its init starts the listeners,
 * then waits for {@code pb-listening} (run here with busybox against made-up kernel tables), then
 * says PB-READY.
 */
class ProbeReadinessTest {
  private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
      + "   uid  timeout inode\n";
  private static final String TCP6_HEADER = "  sl  local_address                         remote_address"
      + "                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

  @TempDir
  Path net;

  @Test
  void initStartsTheListenersThenWaitsForThemThenSaysReady() {
    String init = new String(ProbeGuestBuilder.resource("init"), StandardCharsets.US_ASCII);
    int started = init.indexOf("nc -ll -p \"$ECHO_PORT\"");
    int waited = init.indexOf("until /etc/pb-listening \"$ECHO_PORT\" \"$BANNER_PORT\" $LISTEN");
    int ready = init.indexOf("echo \"PB-READY\"");
    assertTrue(started > 0 && waited > started && ready > waited,
        "listeners started at " + started + ", awaited at " + waited + ", PB-READY at " + ready);
    assertEquals(init.lastIndexOf("echo \"PB-READY\""), ready, "PB-READY is said once");
  }

  @Test
  void aPortCountsOnlyOnceItsSocketListens() throws Exception {
    // Port 7 (0007) listens; 7777 (1E61) is only the far end of an established connection.
    tables("   0: 00000000:0007 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 101 1\n"
        + "   1: 0A00020F:9C40 0A000202:1E61 01 00000000:00000000 00:00000000 00000000     0        0 102 1\n", "");
    assertEquals(0, listening(7));
    assertEquals(1, listening(7, 7777));
    assertEquals(1, listening(7777));
  }

  @Test
  void aListenerOnIpv6CountsToo() throws Exception {
    tables("   0: 00000000:0007 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 101 1\n",
        "   0: 00000000000000000000000000000000:1E61 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000     0        0 103 1\n");
    assertEquals(0, listening(7, 7777));
  }

  @Test
  void aPortIsMatchedByAllFourDigits() throws Exception {
    // Port 0x7777 (30583) listens; port 0x0777 (1911) shares its last three digits and does not.
    tables("   0: 00000000:7777 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 101 1\n", "");
    assertEquals(1, listening(1911));
    assertEquals(0, listening(30583));
  }

  private void tables(String tcp, String tcp6) throws IOException {
    Files.writeString(net.resolve("tcp"), HEADER + tcp);
    Files.writeString(net.resolve("tcp6"), TCP6_HEADER + tcp6);
  }

  /** pb-listening's exit status for these ports, run by busybox's sh as in the guest. */
  private int listening(int... ports) throws Exception {
    Path busybox = Path.of("/usr/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      busybox = Path.of("/bin/busybox");
    }
    assumeTrue(Files.isExecutable(busybox), "busybox (Debian's busybox-static) is not installed");
    Path script = net.resolve("pb-listening");
    Files.write(script, ProbeGuestBuilder.resource("pb-listening"));
    List<String> cmd = new ArrayList<>(List.of(busybox.toString(), "sh", script.toString()));
    for (int p : ports) {
      cmd.add(Integer.toString(p));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PB_NET", net.toString());
    // busybox's applets (awk, cat, printf) as the guest has them, not the host's.
    Path bin = Files.createDirectories(net.resolve("bin"));
    for (String applet : List.of("awk", "cat", "printf")) {
      Files.deleteIfExists(bin.resolve(applet));
      Files.createSymbolicLink(bin.resolve(applet), busybox);
    }
    pb.environment().put("PATH", bin.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pb-listening ended");
    assertEquals("", out, "pb-listening prints nothing");
    return p.exitValue();
  }
}
