package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.backends.counters.PcapWriter;
import dev.patchbay.backends.qemu.FrameDumps;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patchbay stats --netns} end to end: NAT behind a bridge, its host side (br0, tap0, tap1 and a veth
 * standing in for eth0) made with `ip` in a namespace of the test's own, as up.sh would make it.
 */
@Tag("live")
class StatsCliLiveTest {
  private static final String SAMPLE = CliTest.samples().resolve("nat-bridge.json").toString();
  private String ns;
  @TempDir
  Path runDir;

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

  /**
   * {@code up} keeps a guest's run folder under the guest's name (nat-bridge's guest1 is GUEST1):
   * --run-dir finds its frame dumps there, so the NIC's link reads the frames QEMU recorded.
   */
  @Test
  void runDirFindsAGuestsFrameDumpUnderItsNameAsUpMadeIt() throws Exception {
    Path guest = Files.createDirectories(runDir.resolve("GUEST1"));
    PcapWriter dump = new PcapWriter(FrameDumps.file(guest, "net-nic0"), ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 3; i++) {
      dump.frame(0x525400000010L, 98, 64);
    }
    dump.frame(0x525400000011L, 98, 64);

    CliTest.Run r = CliTest.run("stats", "--netns", ns, "--run-dir", runDir.toString(), "--json", "--interval", "100",
        SAMPLE);

    assertEquals(PatchbayCli.OK, r.code(), r.err());
    JsonNode nic = null;
    for (JsonNode l : new ObjectMapper().readTree(r.out()).path("links")) {
      nic = l.path("id").asText().equals("l4") ? l : nic;
    }
    assertEquals(4L, nic.path("frames").asLong(-1), "GUEST1's NIC link: " + nic);
  }
}
