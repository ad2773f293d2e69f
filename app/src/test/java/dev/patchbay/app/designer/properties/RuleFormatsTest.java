package dev.patchbay.app.designer.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleFormatsTest {
  @ParameterizedTest
  @ValueSource(strings = {"tcp::5022-:22", "udp:127.0.0.1:5353-10.0.2.15:53"})
  void hostForwardsRoundTrip(String line) {
    assertEquals(line, RuleFormats.format(RuleFormats.hostForward(line).value()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp:5022:22", "icmp::1-:2", "tcp::70000-:22", "tcp:300.1.1.1:1-:2"})
  void badHostForwardsAreRefused(String line) {
    assertFalse(RuleFormats.hostForward(line).ok());
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.168.0.0/24 -> eth0", "10.0.0.0/8 -> br0"})
  void natRulesRoundTrip(String line) {
    assertEquals(line, RuleFormats.format(RuleFormats.nat(line).value()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.168.1.10/32 dev tap1", "10.1.0.0/16 via 10.0.0.2", "10.2.0.0/16 via 10.0.0.2 dev eth0"})
  void routesRoundTrip(String line) {
    assertEquals(line, RuleFormats.format(RuleFormats.route(line).value()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.1.0.0/16", "nonsense dev tap0", "10.1.0.0/16 via gateway"})
  void badRoutesAreRefused(String line) {
    assertFalse(RuleFormats.route(line).ok());
  }
}
