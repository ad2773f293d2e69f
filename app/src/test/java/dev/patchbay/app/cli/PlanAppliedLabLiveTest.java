package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
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
 * {@code patchbay plan FILE} for a lab that is up shows what re-applying the edited file does there,
 * removals included; {@code patchbay up} then does exactly that. NAT behind a bridge, its host side (no guests)
 * in a namespace of the test's own standing for a host with eth0.
 */
@Tag("live")
class PlanAppliedLabLiveTest {
  @TempDir
  Path dir;
  private String ns;
  private String lab;

  @BeforeEach
  void namespace() throws Exception {
    System.setProperty("patchbay.state", dir.resolve("state").toString());
    byte[] r = new byte[4];
    new SecureRandom().nextBytes(r);
    ns = "pb-pl-" + HexFormat.of().formatHex(r);
    lab = "pl-" + HexFormat.of().formatHex(r);
    run("ip", "netns", "add", ns);
    run("ip", "-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", "lanpeer");
    run("ip", "-n", ns, "address", "add", "10.0.0.10/8", "dev", "eth0");
  }

  @AfterEach
  void delete() throws Exception {
    System.clearProperty("patchbay.state");
    run("ip", "netns", "del", ns);
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }

  /** NAT behind a bridge without its guests (this test starts no QEMU), optionally edited. */
  private Path design(String file, boolean edited) throws Exception {
    Topology t = TopologyFiles.load(CliTest.samples().resolve("nat-bridge.json"));
    List<String> drop = new ArrayList<>(List.of("guest1", "guest2"));
    if (edited) {
      drop.add("tap1");
      t.setHost(t.host().withNat(List.of()));
      t.replace(new Bridge("br0", "br0", "192.168.7.1/24", false));
    }
    for (String id : drop) {
      t.linksOf(id).stream().map(Link::id).toList().forEach(t::disconnect);
      t.remove(id);
    }
    Path out = dir.resolve(file);
    TopologyFiles.save(t, out);
    return out;
  }

  private CliTest.Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--lab", lab));
    return CliTest.run(all.toArray(String[]::new));
  }

  @Test
  void planOfAnEditedFileShowsTheRemovalsAndUpCarriesThemOut() throws Exception {
    assertEquals(PatchbayCli.OK, cli("up", design("p2.json", false).toString(), "--netns", ns).code());
    Path edited = design("p2-edited.json", true);
    CliTest.Run plan = cli("plan", edited.toString());
    assertEquals(PatchbayCli.OK, plan.code(), plan.err());
    assertTrue(plan.out().startsWith("Lab " + lab + " is up in network namespace " + ns), plan.out());
    String table = "patchbay_" + lab.replace('-', '_');
    List<String> steps = plan.out().lines().filter(l -> l.startsWith("  ")).toList();
    assertEquals(List.of("  - delete nft table ip " + table, "  - remove address 192.168.0.1/24 from br0",
        "  ~ set tap1 down", "  ~ release tap1 from bridge br0", "  - delete tap tap1",
        "  + add address 192.168.7.1/24 to br0"), steps, plan.out());
    assertTrue(plan.out().contains("Plan: 1 to add, 2 to change, 3 to destroy."), plan.out());
    CliTest.Run up = cli("up", edited.toString(), "--netns", ns);
    assertEquals(PatchbayCli.OK, up.code(), up.err());
    assertTrue(cli("plan", edited.toString()).out().contains("No changes."));
    assertEquals(PatchbayCli.OK, CliTest.run("down", lab).code());
  }
}
