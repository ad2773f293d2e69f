package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.net.Ipv4;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeReportTest {
  private static final String CONSOLE = String.join("\r\n",
      "SeaBIOS (version 1.16.2-debian-1.16.2-1)Booting from ROM...",
      "[    1.234] random kernel line",
      "PB {\"event\":\"nic\",\"nic\":\"52-54-00-00-00-0a\",\"if\":\"eth0\",\"mode\":\"static\",\"addr\":\"10.0.0.5/24\",\"ok\":true}",
      "PB-READY",
      "PB {\"probe\":\"icmp\",\"target\":\"10.0.0.1\",\"ok\":true,\"ms\":3,\"tries\":1}",
      "PB {\"probe\":\"tcp\",\"target\":\"10.0.0.1:22\",\"ok\":false,\"tries\":6}",
      "PB-DONE", "");

  @Test
  void readsNicsProbesReadyAndDoneBetweenFirmwareAndKernelLines() {
    ProbeReport r = ProbeReport.parse(CONSOLE);
    assertTrue(r.ready());
    assertTrue(r.done());
    assertEquals(List.of(new ProbeReport.NicResult("52-54-00-00-00-0a", "eth0", "static", "10.0.0.5/24", true)), r.nics());
    assertEquals(List.of(new ProbeReport.ProbeResult("icmp", "10.0.0.1", true, 3, 1),
        new ProbeReport.ProbeResult("tcp", "10.0.0.1:22", false, null, 6)), r.probes());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void eachPbDoneIsARoundOfProbes() {
    ProbeReport r = ProbeReport.parse(CONSOLE + "PB {\"probe\":\"tcp\",\"target\":\"10.0.2.16:7\",\"ok\":true,\"ms\":2,"
        + "\"tries\":1}\r\nPB-DONE\r\n");
    assertEquals(2, r.rounds());
    assertTrue(r.result(Probe.tcp("10.0.2.16", 7)).orElseThrow().ok());
  }

  @Test
  void beforeThePbDoneNoRoundIsFinished() {
    ProbeReport r = ProbeReport.parse("PB-READY\n");
    assertEquals(0, r.rounds());
    assertFalse(r.done());
  }

  @Test
  void theLeaseIsTheFirstAddressANicGotByDhcp() {
    ProbeReport r = ProbeReport.parse(String.join("\n",
        "PB {\"event\":\"nic\",\"nic\":\"eth0\",\"if\":\"eth0\",\"mode\":\"static\",\"addr\":\"10.0.0.5/24\",\"ok\":true}",
        "PB {\"event\":\"nic\",\"nic\":\"eth1\",\"if\":\"eth1\",\"mode\":\"dhcp\",\"addr\":\"\",\"ok\":false}",
        "PB {\"event\":\"nic\",\"nic\":\"eth2\",\"if\":\"eth2\",\"mode\":\"dhcp\",\"addr\":\"10.0.2.16/24\",\"ok\":true}",
        "PB-READY", ""));
    assertEquals(Optional.of(Ipv4.of("10.0.2.16")), r.lease());
  }

  @Test
  void aStaticGuestHasNoLease() {
    assertTrue(ProbeReport.parse(CONSOLE).lease().isEmpty());
  }

  @Test
  void resultIsFoundByProbe() {
    ProbeReport r = ProbeReport.parse(CONSOLE);
    assertFalse(r.result(Probe.tcp("10.0.0.1", 22)).orElseThrow().ok());
    assertTrue(r.result(Probe.tcp("10.0.0.1", 23)).isEmpty());
  }

  @Test
  void lineWithoutItsNewlineYetIsNotRead() {
    ProbeReport r = ProbeReport.parse("PB-READY\nPB {\"probe\":\"icmp\",\"target\":\"10.0.0.1\",\"ok\":tr");
    assertTrue(r.ready());
    assertEquals(List.of(), r.probes());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void beforeReadyNothingIsReported() {
    ProbeReport r = ProbeReport.parse("SeaBIOS\n[ 0.1] Linux version 6.1\n");
    assertFalse(r.ready());
    assertFalse(r.done());
  }

  @Test
  void garbledPbLineIsAProblemNotAResult() {
    ProbeReport r = ProbeReport.parse("PB {\"probe\":\"icmp\",\"tar[  2.0] e1000 eth0: link up\n");
    assertEquals(List.of(), r.probes());
    assertEquals(1, r.problems().size());
  }
}
