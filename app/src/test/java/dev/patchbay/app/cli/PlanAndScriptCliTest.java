package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.QemuEquivalence;
import dev.patchbay.model.topology.Topology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanAndScriptCliTest {
  @TempDir
  Path dir;

  private static Path sample(String name) {
    return Path.of(System.getProperty("patchbay.samples", "../samples")).resolve(name);
  }

  /** Runs the CLI; returns exit code, stdout, stderr. */
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PatchbayCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void planShowsEachStepWithItsSignAndASummary() throws Exception {
    Path procSys = dir.resolve("sys");
    Files.createDirectories(procSys.resolve("net/ipv4"));
    Files.writeString(procSys.resolve("net/ipv4/ip_forward"), "0\n");
    String[] r = run("plan", sample("nat-bridge.json").toString(), "--proc-sys", procSys.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("  + create tap tap0\n"), r[1]);
    assertTrue(r[1].contains("  ~ enslave tap0 to bridge br0\n"), r[1]);
    assertTrue(r[1].contains("  ~ set net.ipv4.ip_forward 0 -> 1\n"), r[1]);
    assertTrue(r[1].contains("  + load nft table ip patchbay_nat_bridge: masquerade 192.168.0.0/24 out of eth0\n"), r[1]);
    assertTrue(r[1].contains("Plan: 7 to add, 6 to change, 0 to destroy."), r[1]);
  }

  @Test
  void reversePlanStopsGuestsFirstAndDeletesTapsLast() {
    String[] r = run("plan", sample("routed-subnets.json").toString(), "--reverse");
    List<String> steps = r[1].lines().filter(l -> l.startsWith("  ")).toList();
    assertTrue(steps.get(0).startsWith("  - stop guest"), r[1]);
    assertEquals("  - delete tap tap0", steps.get(steps.size() - 1), r[1]);
  }

  @Test
  void planOfAMissingFileExitsTwoNamingIt() {
    String[] r = run("plan", dir.resolve("nope.json").toString());
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("nope.json"), r[2]);
  }

  @Test
  void scriptExportWritesUpAndDownThatBashAccepts() throws Exception {
    Path out = dir.resolve("scripts");
    String[] r = run("export", sample("wifi-proxy-arp.json").toString(), "--format", "script", "-o", out.toString());
    assertEquals("0", r[0], r[2]);
    String up = Files.readString(out.resolve("up.sh"));
    assertTrue(up.contains("set -euo pipefail"));
    assertTrue(up.contains("\nip route add 192.168.1.10/32 dev tap1\n"), up);
    assertTrue(up.contains("\nsysctl -q -w net.ipv4.conf.wlp3s0.proxy_arp=1\n"), up);
    assertTrue(Files.readString(out.resolve("down.sh")).contains("\nrestore_sysctl net.ipv4.ip_forward\n"));
    for (String script : List.of("up.sh", "down.sh")) {
      Process p = new ProcessBuilder("bash", "-n", out.resolve(script).toString()).redirectErrorStream(true).start();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), script + ": " + new String(p.getInputStream().readAllBytes()));
    }
  }

  @Test
  void scriptNatGoesIntoTheTableOfTheLabUpWouldMake() throws Exception {
    Path out = dir.resolve("scripts");
    String[] r = run("export", sample("nat-bridge.json").toString(), "--format", "script", "-o", out.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(Files.readString(out.resolve("up.sh")).contains("\ntable ip patchbay_nat_bridge {\n"));
    assertTrue(Files.readString(out.resolve("down.sh")).contains("\nnft delete table ip patchbay_nat_bridge\n"));
  }

  @Test
  void scriptNatTableFollowsTheLabOption() throws Exception {
    Path out = dir.resolve("scripts");
    String[] r = run("export", sample("nat-bridge.json").toString(), "--format", "script", "-o", out.toString(),
        "--lab", "office-2");
    assertEquals("0", r[0], r[2]);
    assertTrue(Files.readString(out.resolve("up.sh")).contains("\ntable ip patchbay_office_2 {\n"));
  }

  @Test
  void scriptExportWithoutADirectoryIsRefused() {
    String[] r = run("export", sample("nat-routing.json").toString(), "--format", "script");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("-o DIR"), r[2]);
  }

  @Test
  void qemuExportHonoursLegacy() {
    String[] r = run("export", sample("hub-nics.json").toString(), "--format", "qemu", "--legacy");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("-net nic,vlan=1,model=rtl8139,macaddr=52:54:00:12:34:56 -net nic,vlan=1,model=e1000"), r[1]);
  }

  @Test
  void importQemuWritesATopologyEquivalentToTheSample() throws Exception {
    Path file = dir.resolve("lab.json");
    String[] r = run("import", "qemu", "-o", file.toString(), "--",
        "qemu-system-x86_64", "-name", "guestA", "-machine", "pc", "-m", "128",
        "-netdev", "hubport,id=net-nic0,hubid=0", "-device", "e1000,netdev=net-nic0,mac=52:54:00:04:00:0a",
        "-netdev", "socket,id=s,listen=127.0.0.1:8010", "-netdev", "hubport,id=p,hubid=0,netdev=s", "--",
        "qemu-system-x86_64", "-name", "guestB", "-machine", "pc", "-m", "128",
        "-netdev", "hubport,id=net-nic0,hubid=2", "-device", "e1000,netdev=net-nic0,mac=52:54:00:04:00:0b",
        "-netdev", "socket,id=s,connect=127.0.0.1:8010", "-netdev", "hubport,id=p,hubid=2,netdev=s");
    assertEquals("0", r[0], r[2]);
    Topology imported = TopologyFiles.load(file);
    assertTrue(QemuEquivalence.equivalent(TopologyFiles.load(sample("socket-listen-connect.json")), imported));
  }

  @Test
  void importOfABadCommandLineExitsTwoWithItsPlace() {
    String[] r = run("import", "qemu", "-o", dir.resolve("x.json").toString(), "--", "qemu", "-net", "nic",
        "--", "qemu", "-net", "nic", "-net", "bridge,br=br0");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("command line 2") && r[2].contains("bridge"), r[2]);
  }

  @Test
  void aTopologyWithErrorsIsNotPlanned() throws Exception {
    String text = Files.readString(sample("routed-subnets.json")).replace("\"b\": \"tap1\"", "\"b\": \"tap0\"");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, text);
    String[] r = run("plan", broken.toString());
    assertEquals("1", r[0], r[1] + r[2]);
    assertTrue(r[2].contains("patchbay check"), r[2]);
    assertEquals("", r[1]);
  }

  @Test
  void planAsJsonGivesEachStepsKindAndFields() throws Exception {
    String[] r = run("plan", sample("wifi-proxy-arp.json").toString(), "--json");
    assertEquals("0", r[0], r[2]);
    var steps = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r[1]).path("steps");
    assertEquals("CreateTap", steps.get(0).path("step").path("kind").asText());
    assertEquals("tap1", steps.get(0).path("step").path("name").asText());
    assertEquals("+", steps.get(0).path("sign").asText());
    boolean route = false;
    for (var s : steps) {
      route |= s.path("step").path("kind").asText().equals("AddRoute")
          && s.path("step").path("destination").asText().equals("192.168.1.10/32")
          && s.path("step").path("device").asText().equals("tap1");
    }
    assertTrue(route, r[1]);
  }
}
