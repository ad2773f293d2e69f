package dev.patchbay.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.qemu.Shell;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "a.b.c.d", "1..2.3", " 1.2.3.4x",
      "1.2.3.4.", ".1.2.3.4", "1.2.3.1000", "1.2.3.-1", "+1.2.3.4", "1.2.3.4/24", "."})
  void malformedAddressesDoNotParse(String text) {
    assertTrue(Ipv4.parse(text).isEmpty(), text);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"0.0.0.0|0", "255.255.255.255|-1",
      "'  10.0.2.15 '|167772687", "192.168.0.1|-1062731775", "10.1.0.0|167837696"})
  void wellFormedAddressesParseToTheirBitsWithSurroundingSpaceIgnored(String text, int bits) {
    assertEquals(new Ipv4(bits), Ipv4.parse(text).orElseThrow());
  }

  @Test
  void cidrKnowsItsNetworkAndMembers() {
    Cidr c = Cidr.of("172.20.0.1/16");
    assertEquals("172.20.0.0/16", c.network().toString());
    assertEquals("172.20.255.255", c.broadcast().toString());
    assertTrue(c.contains(Ipv4.of("172.20.0.10")));
    assertFalse(c.contains(Ipv4.of("172.21.0.10")));
    assertTrue(Cidr.of("10.0.0.0/8").overlaps(Cidr.of("10.0.2.0/24")));
    assertFalse(Cidr.of("192.168.0.0/24").overlaps(Cidr.of("192.168.1.0/24")));
    assertEquals(32, Cidr.of("192.168.1.10").prefix());
    assertTrue(Cidr.parse("10.0.0.0/33").isEmpty());
    assertTrue(Cidr.of("192.168.0.255/24").isNetworkOrBroadcast());
  }

  @Test
  void macParsesPrintsAndKnowsMulticast() {
    assertEquals("52:54:00:12:34:56", Mac.parse("52:54:00:12:34:56").orElseThrow().toString());
    assertTrue(Mac.parse("01:00:5e:00:00:01").orElseThrow().isMulticast());
    assertFalse(Mac.QEMU_DEFAULT.isMulticast());
    assertTrue(Mac.parse("52:54:00:12:34").isEmpty());
    assertTrue(Mac.parse("52-54-00-12-34-56").isEmpty());
    Mac r = Mac.random(new Random(1));
    assertTrue(r.toString().startsWith("52:54:00:") && !r.isMulticast());
  }

  @Test
  void interfaceNamesFollowTheKernel() {
    assertTrue(InterfaceName.problem("tap0").isEmpty());
    assertTrue(InterfaceName.problem("exactly15bytes_").isEmpty());
    assertTrue(InterfaceName.problem("sixteen_bytes_xx").orElseThrow().contains("16 bytes"));
    assertTrue(InterfaceName.problem("a/b").isPresent());
    assertTrue(InterfaceName.problem("a b").isPresent());
    assertTrue(InterfaceName.problem("..").isPresent());
    assertTrue(InterfaceName.problem("").isPresent());
    assertTrue(InterfaceName.problem("täp").isEmpty(), "the kernel takes UTF-8");
    assertTrue(InterfaceName.unsafe("täp").isPresent(), "Patchbay does not");
    assertTrue(InterfaceName.unsafe("tap0;reboot").orElseThrow().contains("';'"));
  }

  @Test
  void shellQuotingRoundTripsThroughAPosixShell() throws Exception {
    List<String> words = List.of("plain", "two words", "it's", "$HOME", "a;b", "", "\"q\"", "back\\slash");
    Process p = new ProcessBuilder("sh", "-c", "for a in " + Shell.join(words) + "; do printf '%s\\n' \"$a\"; done")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    assertEquals(String.join("\n", words) + "\n", out);
  }
}
