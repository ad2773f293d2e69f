package dev.patchbay.model.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.check.rules.StandardRules;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WiringTest {
  private Topology t;

  @BeforeEach
  void lab() {
    t = new Topology();
    t.add(Guest.of("g0", "alpha", new Nic("nic0", NicModel.E1000, "52:54:00:00:00:01", null),
        new Nic("nic1", NicModel.E1000, "52:54:00:00:00:02", null)), null);
    t.add(Guest.of("g1", "beta", new Nic("nic0", NicModel.E1000, "52:54:00:00:00:03", null)), null);
    t.add(new Hub("hub0", "vlan0", 0), null);
    t.add(new Tap("tap0", "tap0", null, null), null);
    t.add(new Bridge("br0", "br0", null, false), null);
    t.add(new Bridge("br1", "br1", null, false), null);
    t.add(new Uplink("eth0", "eth0", null, null, null, null), null);
    t.add(new Socket("s0", "s0", Socket.Transport.SOCKET, "127.0.0.1", 8010, null), null);
    t.add(new Socket("m0", "m0", Socket.Transport.MCAST, "230.0.0.1", 1234, null), null);
    t.add(UserNet.defaults("u0", "u0"), null);
    t.add(new VdeSwitch("v0", "v0", "/run/v0", true), null);
    t.add(new Lan("lan", "LAN", "10.0.0.0/8", "10.0.0.1", null), null);
    t.add(new Internet("inet", "Internet"), null);
  }

  private Optional<String> refuse(String a, String b) {
    return Wiring.refuse(t, Endpoint.parse(a), Endpoint.parse(b));
  }

  @ParameterizedTest
  @CsvSource({"g0:nic0,hub0", "g0:nic0,tap0", "g0:nic0,s0:listen", "g0:nic0,m0", "g0:nic0,u0", "g0:nic0,v0",
      "hub0,tap0", "hub0,s0:connect", "hub0,u0", "tap0,br0", "eth0,br0", "eth0,lan", "lan,inet", "v0,tap0"})
  void allowedPairsAreAccepted(String a, String b) {
    assertEquals(Optional.empty(), refuse(a, b));
    assertEquals(Optional.empty(), refuse(b, a), "links have no direction");
  }

  @ParameterizedTest
  @CsvSource({
      "g0:nic0,br0,through a tap", "g0:nic0,eth0,through a tap", "g0:nic0,g1:nic0,two NICs",
      "hub0,br0,hub -> tap -> bridge", "tap0,eth0,cannot be linked", "g0:nic0,lan,outside world",
      "br0,br1,cannot be linked"})
  void refusedPairsSayWhyInTheSeedsTerms(String a, String b, String words) {
    Optional<String> why = refuse(a, b);
    assertTrue(why.isPresent() && why.get().contains(words), a + "-" + b + ": " + why);
  }

  @Test
  void guestEndMustNameAnExistingNic() {
    assertTrue(refuse("g0", "hub0").orElseThrow().contains("must name one of its NICs"));
    assertTrue(refuse("g0:nic7", "hub0").orElseThrow().contains("no NIC named 'nic7'"));
  }

  @Test
  void socketEndMustNameASide() {
    assertTrue(refuse("g0:nic0", "s0").orElseThrow().contains("listen or connect"));
  }

  @Test
  void nicTakesExactlyOneLink() {
    t.connect(new Link("l0", Endpoint.parse("g0:nic0"), Endpoint.parse("hub0")));
    assertTrue(refuse("g0:nic0", "u0").orElseThrow().contains("wired already"));
    assertEquals(Optional.empty(), refuse("g0:nic1", "hub0"), "another NIC of the same guest is free");
  }

  @Test
  void tapJoinsAtMostOneBridgeAndOneQemuHolder() {
    t.connect(new Link("l0", Endpoint.parse("tap0"), Endpoint.parse("br0")));
    t.connect(new Link("l1", Endpoint.parse("g0:nic0"), Endpoint.parse("tap0")));
    assertTrue(refuse("tap0", "br1").orElseThrow().contains("at most one bridge"));
    assertTrue(refuse("g1:nic0", "tap0").orElseThrow().contains("one process holds a tap"));
  }

  @Test
  void socketSideTakesOneLinkButMulticastTakesMany() {
    t.connect(new Link("l0", Endpoint.parse("g0:nic0"), Endpoint.parse("s0:listen")));
    assertTrue(refuse("g1:nic0", "s0:listen").isPresent());
    assertEquals(Optional.empty(), refuse("g1:nic0", "s0:connect"));
    t.connect(new Link("l1", Endpoint.parse("g0:nic1"), Endpoint.parse("m0")));
    assertEquals(Optional.empty(), refuse("g1:nic0", "m0"));
  }

  private java.util.List<dev.patchbay.model.check.Diagnostic> linkFindings() {
    return StandardRules.validator().check(t).stream().filter(d -> d.rule().startsWith("link.")).toList();
  }

  @Test
  void invalidLinksInAFileAreReportedAsDataNotExceptions() {
    t.connect(new Link("bad", Endpoint.parse("g0:nic0"), Endpoint.parse("br0")));
    t.connect(new Link("l1", Endpoint.parse("g0:nic1"), Endpoint.parse("hub0")));
    var found = linkFindings();
    assertEquals(1, found.size(), found.toString());
    assertEquals("link.invalid", found.get(0).rule());
    assertTrue(found.get(0).elements().containsAll(java.util.List.of("bad", "g0", "br0")));
  }

  @Test
  void secondOfTwoCompetingLinksIsTheOneReported() {
    t.connect(new Link("first", Endpoint.parse("tap0"), Endpoint.parse("br0")));
    t.connect(new Link("second", Endpoint.parse("tap0"), Endpoint.parse("br1")));
    var found = linkFindings();
    assertEquals(1, found.size());
    assertTrue(found.get(0).elements().contains("second"));
  }
}
