package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.netlink.TestNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real packets in a sandbox (guests are not running, so the lab host's guest-side addresses stand in
 * as sources): the Internet namespace is reached through the uplink, by NAT or by the LAN's routes.
 */
@Tag("live")
class SandboxTrafficLiveTest {
  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  @AfterEach
  void removeSandbox() throws IOException {
    LabFixture.deleteSandbox(lab);
  }

  private String ping(String ns, String source, String destination) throws IOException {
    return TestNamespace.run(List.of("ip", "netns", "exec", ns, "busybox", "ping", "-c", "2", "-w", "4",
        "-I", source, destination));
  }

  private String routes(String ns) throws IOException {
    return TestNamespace.run(List.of("ip", "-n", ns, "route", "show"));
  }

  @Test
  void natLetsTheGuestSubnetReachTheInternetAlthoughTheLanHasNoRouteBack() throws Exception {
    new Labs(state).up(LabFixture.sample("nat-routing.json"), lab, TargetSpec.sandbox(), 0, "p1");
    assertFalse(routes(Sandbox.lan(lab)).contains("192.168.0.0/24"), "the LAN must not route back to the guests");
    assertTrue(ping(Sandbox.host(lab), "192.168.0.1", Sandbox.INTERNET).matches("(?s).* [12] packets received.*"));
  }

  @Test
  void withoutTheNatTableTheGuestSubnetIsNotAnswered() throws Exception {
    new Labs(state).up(LabFixture.sample("nat-routing.json"), lab, TargetSpec.sandbox(), 0, "p1");
    TestNamespace.run(List.of("ip", "netns", "exec", Sandbox.host(lab), "nft", "delete", "table", "ip",
        dev.patchbay.model.plan.Planner.natTable(lab)));
    assertThrows(IOException.class, () -> ping(Sandbox.host(lab), "192.168.0.1", Sandbox.INTERNET));
  }

  @Test
  void routedSubnetReachesTheInternetThroughTheLansRouteBack() throws Exception {
    new Labs(state).up(LabFixture.sample("routed-tun.json"), lab, TargetSpec.sandbox(), 0, "000");
    assertTrue(routes(Sandbox.lan(lab)).contains("172.20.0.0/16 via 192.168.0.10"), routes(Sandbox.lan(lab)));
    assertTrue(ping(Sandbox.host(lab), "172.20.0.1", Sandbox.INTERNET).matches("(?s).* [12] packets received.*"));
  }

  @Test
  void theLanReachesTheRoutedSubnetThroughTheHost() throws Exception {
    new Labs(state).up(LabFixture.sample("routed-tun.json"), lab, TargetSpec.sandbox(), 0, "000");
    assertTrue(ping(Sandbox.lan(lab), "192.168.0.2", "172.20.0.1").matches("(?s).* [12] packets received.*"));
  }

  @Test
  void proxyArpAnswersForAGuestAddressOnTheWirelessLan() throws Exception {
    new Labs(state).up(LabFixture.sample("wifi-proxy-arp.json"), lab, TargetSpec.sandbox(), 0, "003");
    String mac = TestNamespace.run(List.of("ip", "-n", Sandbox.host(lab), "-br", "link", "show", "wlp3s0"))
        .trim().split("\\s+")[2];
    String answer = TestNamespace.run(List.of("ip", "netns", "exec", Sandbox.lan(lab), "busybox", "arping", "-f", "-c", "5",
        "-w", "5", "-I", "lan0", "192.168.1.10")); // until the first answer: the veth's carrier comes up asynchronously
    assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains(mac.toLowerCase(java.util.Locale.ROOT)), answer + " vs " + mac);
  }
}
