package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeSettingsTest {

  @Test
  void staticNicWithMacIsSelectedByMacAndGatewayBecomesDefaultRoute() {
    Guest g = Guest.of("g1", "guest1", new Nic("nic0", NicModel.E1000, "52:54:00:AB:00:0A",
        IpConfig.fixed("192.168.0.10/24", "192.168.0.1")));
    ProbeSettings s = ProbeSettings.of(g, List.of(Probe.icmp("10.0.0.1"), Probe.tcp("10.0.2.2", 22)), 10);
    assertEquals("console=ttyS0 panic=-1 quiet no_timer_check pb.name=guest1 pb.nic=52-54-00-ab-00-0a,192.168.0.10/24"
        + " pb.gw=192.168.0.1 pb.probes=icmp:10.0.0.1,tcp:10.0.2.2:22 pb.timeout=10", s.kernelCommandLine());
  }

  @Test
  void nicWithoutMacIsSelectedByItsPositionAndDhcpAndNoneAreWords() {
    Guest g = Guest.of("g1", "g1", new Nic("nic0", NicModel.VIRTIO, null, IpConfig.dhcp()),
        new Nic("nic1", NicModel.E1000, null, IpConfig.none()));
    assertEquals(List.of("pb.name=g1", "pb.nic=eth0,dhcp", "pb.nic=eth1,none", "pb.timeout=5"),
        ProbeSettings.of(g, List.of(), 5).words());
  }

  @Test
  void onlyTheFirstStaticGatewayIsUsed() {
    Guest g = Guest.of("g1", "g1", new Nic("nic0", null, null, IpConfig.fixed("10.1.0.2/24", "10.1.0.1")),
        new Nic("nic1", null, null, IpConfig.fixed("10.2.0.2/24", "10.2.0.1")));
    assertEquals(1, ProbeSettings.of(g, List.of(), 5).words().stream().filter(w -> w.startsWith("pb.gw=")).count());
    assertTrue(ProbeSettings.of(g, List.of(), 5).words().contains("pb.gw=10.1.0.1"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "guest A|guest-A",
      "'a;reboot'|a-reboot",
      "$(id)|--id-",
      "''|probe"})
  void nameBecomesASafeHostname(String name, String hostname) {
    assertEquals("pb.name=" + hostname, ProbeSettings.of(Guest.of("g", name), List.of(), 5).words().get(0));
  }

  @Test
  void malformedStaticAddressIsRefusedNamingGuestAndNic() {
    Guest g = Guest.of("g1", "web", new Nic("nic0", null, null, IpConfig.fixed("192.168.0.300/24", null)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbeSettings.of(g, List.of(), 5));
    assertTrue(e.getMessage().contains("guest web NIC nic0"), e.getMessage());
  }

  @Test
  void malformedMacIsRefused() {
    Guest g = Guest.of("g1", "web", new Nic("nic0", null, "52:54:00:zz:00:01", IpConfig.dhcp()));
    assertThrows(IllegalArgumentException.class, () -> ProbeSettings.of(g, List.of(), 5));
  }

  @Test
  void commandLineBeyondTheKernelsLimitIsRefused() {
    List<Probe> many = Collections.nCopies(120, Probe.tcp("192.168.100.200", 65535));
    ProbeSettings s = ProbeSettings.of(Guest.of("g", "g"), many, 5);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::kernelCommandLine);
    assertTrue(e.getMessage().contains("limit is 2047"), e.getMessage());
  }

  @Test
  void nicSettingWithAShellCharacterIsRefused() {
    ProbeSettings s = new ProbeSettings("g", List.of("eth0,10.0.0.1/24;reboot"), null, List.of(), 5);
    assertThrows(IllegalArgumentException.class, s::kernelCommandLine);
  }

  @Test
  void listenPortsGoOnTheCommandLineCommaSeparated() {
    ProbeSettings s = ProbeSettings.of(Guest.of("g", "g"), List.of(), 5).withListen(List.of(22, 8080));
    assertTrue(s.words().contains("pb.listen=22,8080"), s.words().toString());
  }

  @Test
  void listenPortOutOfRangeIsRefused() {
    ProbeSettings s = ProbeSettings.of(Guest.of("g", "g"), List.of(), 5);
    assertThrows(IllegalArgumentException.class, () -> s.withListen(List.of(70000)));
  }
}
