package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.probe.Probe;
import dev.patchbay.backends.probe.ProbeReport;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The user-net scenario: an rtl8139 on user net. The probe guest asks QEMU's DHCP server for its address, reaches
 * the host as 10.0.2.2 by TCP (ping is unreliable on user net), and the host reaches the
 * guest's echo port through hostfwd. QEMU runs in the test's namespace, so "the host" is that
 * namespace's loopback.
 */
@Tag("guests")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserNetGuestTest {
  private static final int HOST_PORT = 4007;
  private static final int FORWARDED = 5077;
  private TestNamespace ns;
  private LiveGuests guests;
  private Process hostEcho;
  private GuestProcess guest;

  @BeforeAll
  void boot() throws Exception {
    ns = TestNamespace.create();
    guests = new LiveGuests();
    List<String> echo = new ArrayList<>(GuestLaunch.namespacePrefix(ns.name));
    echo.addAll(List.of("busybox", "nc", "-ll", "-p", Integer.toString(HOST_PORT), "-e", "cat"));
    hostEcho = new ProcessBuilder(echo).redirectErrorStream(true).start();
    Topology t = new Topology();
    t.add(Guest.of("u1", "u1", new Nic("nic0", NicModel.RTL8139, "52:54:00:01:00:15", IpConfig.dhcp())), null);
    t.add(new UserNet("user0", "user0", "10.0.2.0/24", "10.0.2.2", "10.0.2.3", "10.0.2.15",
        List.of(new HostForward(HostForward.Protocol.TCP, "127.0.0.1", FORWARDED, null, 7))), null);
    t.connect(new Link("l0", Endpoint.of("u1", "nic0"), Endpoint.of("user0")));
    guest = guests.start(guests.launch(t, "u1", ns, List.of(Probe.tcp("10.0.2.2", HOST_PORT))));
    assertTrue(guest.await(g -> g.report().done(), Duration.ofSeconds(240)), () -> guest.status() + "\n" + guest.console());
  }

  @AfterAll
  void tearDown() throws Exception {
    try {
      if (guests != null) {
        guests.close();
      }
      if (hostEcho != null) {
        hostEcho.destroy();
        hostEcho.waitFor();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @Test
  void dhcpLeaseGivesTheGuestQemusFirstAddress() {
    ProbeReport.NicResult nic = guest.report().nics().get(0);
    assertEquals("dhcp", nic.mode());
    assertEquals("10.0.2.15/24", nic.address());
  }

  @Test
  void guestReachesTheHostByTcpThroughUserNet() {
    ProbeReport r = guest.report();
    assertTrue(r.result(Probe.tcp("10.0.2.2", HOST_PORT)).orElseThrow().ok(), r::toString);
  }

  @Test
  void hostReachesTheGuestsEchoPortThroughHostfwd() {
    String out = ns.runWithInput("via hostfwd\n".getBytes(StandardCharsets.US_ASCII), Duration.ofSeconds(60),
        "busybox", "nc", "-w", "10", "127.0.0.1", Integer.toString(FORWARDED)).stdout();
    assertEquals("via hostfwd\n", out);
  }
}
