package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code patchbay stats --netns} end to end: NAT behind a bridge, its host side (br0, tap0, tap1 and a veth
 * standing in for eth0) made with `ip` in a namespace of the test's own, as up.sh would make it.
 */
@Tag("live")
class StatsCliLiveTest {
  private static final String SAMPLE = CliTest.samples().resolve("nat-bridge.json").toString();
  private String ns;

  @BeforeEach
  void namespace() throws Exception {
    byte[] r = new byte[4];
    new SecureRandom().nextBytes(r);
    ns = "pb-st-" + HexFormat.of().formatHex(r);
    run("ip", "netns", "add", ns);
    ip("link", "add", "br0", "type", "bridge");
    for (String tap : List.of("tap0", "tap1")) {
      ip("tuntap", "add", "dev", tap, "mode", "tap");
      ip("link", "set", tap, "master", "br0");
    }
    ip("link", "add", "eth0", "type", "veth", "peer", "name", "lanpeer");
  }

  @AfterEach
  void delete() throws Exception {
    run("ip", "netns", "del", ns);
  }

  private void ip(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
    cmd.addAll(List.of(args));
    run(cmd.toArray(String[]::new));
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }

  @Test
  void everyLinkHasARowWithKernelFiguresOrNotAvailable() {
    CliTest.Run r = CliTest.run("stats", "--netns", ns, "--interval", "100", SAMPLE);
    assertEquals(PatchbayCli.OK, r.code(), r.err());
    List<String> rows = r.out().lines().toList();
    assertTrue(rows.get(0).startsWith("LINK "), r.out());
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("l1 ") && l.endsWith("kernel counters of eth0")), r.out());
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("l2 ") && l.endsWith("kernel counters of tap0")), r.out());
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("l0: n/a: ")), r.out());
    assertTrue(rows.stream().anyMatch(l -> l.startsWith("l4: n/a: no frame dump at ")), r.out());
  }

  @Test
  void watchPrintsTheAskedNumberOfReadingsAsJson() {
    CliTest.Run r = CliTest.run("stats", "--netns", ns, "--json", "--watch", "--count", "3", "--interval", "100", SAMPLE);
    assertEquals(PatchbayCli.OK, r.code(), r.err());
    assertEquals(3, r.out().lines().filter(l -> l.startsWith("  \"at\" : ")).count(), r.out());
  }
}
