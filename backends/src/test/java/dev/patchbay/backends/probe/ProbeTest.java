package dev.patchbay.backends.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeTest {
  @ParameterizedTest
  @ValueSource(strings = {"icmp:10.0.0.1", "tcp:10.0.2.2:22", "tcp:192.168.0.10:65535"})
  void textRoundTrips(String text) {
    assertEquals(text, Probe.parse(text).toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "icmp:10.0.0.300|not an IPv4 address",
      "tcp:10.0.0.1|expected icmp:ADDRESS or tcp:ADDRESS:PORT",
      "tcp:10.0.0.1:http|is not a number",
      "tcp:10.0.0.1:0|needs a port 1-65535",
      "udp:10.0.0.1:53|expected icmp:ADDRESS or tcp:ADDRESS:PORT",
      "icmp:10.0.0.1;reboot|not an IPv4 address"})
  void badProbesAreRefusedWithTheReason(String text, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Probe.parse(text));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"icmp:10.0.0.1,10.0.0.1", "tcp:10.0.2.2:22,10.0.2.2:22"})
  void targetTextIsWhatTheGuestReports(String text, String target) {
    assertEquals(target, Probe.parse(text).targetText());
  }
}
