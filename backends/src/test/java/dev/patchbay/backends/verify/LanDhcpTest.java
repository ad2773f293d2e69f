package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.net.Ipv4;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LAN's DHCP server verify starts for a guest bridged onto the LAN that asks for DHCP. */
class LanDhcpTest {
  private static Optional<LanDhcp> server(Path file) throws Exception {
    return LanDhcp.of(new SandboxView(TopologyFiles.load(file), "lab1"));
  }

  private static Optional<LanDhcp> design(String name) throws Exception {
    return server(Path.of("src/test/resources/dev/patchbay/backends/verify", name + ".json"));
  }

  @Test
  void aGuestAskingTheLanForDhcpGetsAServerOnTheLanSideOfTheUplink() throws Exception {
    LanDhcp d = design("lan-dhcp-guest").orElseThrow();
    assertEquals("lan0", d.ifName());
    assertEquals(Ipv4.of("10.0.0.1"), d.router());
  }

  @Test
  void itHandsOutWhereTheModelExpectsLanLeases() throws Exception {
    LanDhcp d = design("lan-dhcp-guest").orElseThrow();
    assertEquals(Ipv4.of("10.0.0.200"), d.start());
    assertEquals(Ipv4.of("10.0.0.250"), d.end());
  }

  @Test
  void itsConfigurationNamesInterfaceRangeMaskAndRouter() throws Exception {
    String conf = design("lan-dhcp-guest").orElseThrow().config(Path.of("/run/x"));
    assertTrue(conf.contains("interface lan0\nstart 10.0.0.200\nend 10.0.0.250\n"), conf);
    assertTrue(conf.contains("lease_file /run/x/udhcpd.leases\n"), conf);
    assertTrue(conf.contains("opt subnet 255.0.0.0\nopt router 10.0.0.1\n"), conf);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bridged-lan", "user-on-hub", "user-net-hostfwd"})
  void noGuestAskingTheLanMeansNoServer(String sample) throws Exception {
    assertTrue(server(Path.of("..", "samples", sample + ".json")).isEmpty());
  }

  @Test
  void slirpLeasesNeedNoLanServer() throws Exception {
    assertTrue(design("dhcp-over-socket").isEmpty());
  }
}
