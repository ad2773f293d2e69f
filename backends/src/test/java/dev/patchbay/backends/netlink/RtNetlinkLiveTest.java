package dev.patchbay.backends.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Links, addresses and routes changed through rtnetlink, read back by dump and by `ip -j`. */
@Tag("live")
class RtNetlinkLiveTest {
  private TestNamespace ns;
  private RtNetlink nl;

  @BeforeEach
  void enterNamespace() throws IOException {
    ns = TestNamespace.create();
    nl = RtNetlink.openIn(ns.name());
  }

  @AfterEach
  void deleteNamespace() throws IOException {
    try {
      if (nl != null) {
        nl.close();
      }
    } finally {
      ns.close();
    }
  }

  private Link dumped(String name) throws NetlinkException {
    return nl.links().stream().filter(l -> l.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("link " + name + " not in the dump"));
  }

  @Test
  void bridgeIsCreatedWithStpOffMarkedAndUp() throws IOException {
    nl.create(NewLink.bridge("pbbr0").alias("lab:demo").group(42).up());

    Link link = dumped("pbbr0");
    assertEquals("bridge", link.kind());
    assertTrue(link.up());
    assertEquals(Optional.of("lab:demo"), link.alias());
    assertEquals(42, link.group());
    JsonNode ip = ns.ipLink("pbbr0");
    assertEquals(0, ip.path("linkinfo").path("info_data").path("stp_state").asInt(-1));
    assertEquals("lab:demo", ip.path("ifalias").asText());
    assertEquals(42, ip.path("group").asInt());
    assertEquals(link.mac().orElseThrow().toString(), ip.path("address").asText());
  }

  @Test
  void bridgeCanBeCreatedWithStpOn() throws IOException {
    nl.create(NewLink.bridge("pbstp0").stp(true));

    assertEquals(1, ns.ipLink("pbstp0").path("linkinfo").path("info_data").path("stp_state").asInt());
  }

  @Test
  void vethPairIsCreatedWithBothEndsMarked() throws IOException {
    nl.create(NewLink.veth("pbva0", "pbvb0").alias("lab:v").group(5).mtu(1400));

    for (String end : List.of("pbva0", "pbvb0")) {
      Link link = dumped(end);
      assertEquals("veth", link.kind());
      assertEquals(1400, link.mtu());
      assertEquals(5, link.group());
      assertEquals(Optional.of("lab:v"), link.alias());
      assertEquals("veth", ns.ipLink(end).path("linkinfo").path("info_kind").asText());
    }
  }

  @Test
  void linkIsEnslavedToBridgeAndReleased() throws IOException {
    nl.create(NewLink.bridge("pbbr1"));
    nl.create(NewLink.veth("pbva1", "pbvb1"));

    nl.setMaster("pbva1", "pbbr1");
    assertEquals(nl.index("pbbr1"), dumped("pbva1").master());
    assertEquals("pbbr1", ns.ipLink("pbva1").path("master").asText());

    nl.setNoMaster("pbva1");
    assertEquals(0, dumped("pbva1").master());
    assertTrue(ns.ipLink("pbva1").path("master").isMissingNode());
  }

  @Test
  void linkIsSetUpAndDown() throws IOException {
    nl.create(NewLink.veth("pbva2", "pbvb2"));

    nl.setUp("pbva2", true);
    assertTrue(dumped("pbva2").up());
    assertTrue(flags("pbva2").contains("UP"));

    nl.setUp("pbva2", false);
    assertFalse(dumped("pbva2").up());
    assertFalse(flags("pbva2").contains("UP"));
  }

  private Set<String> flags(String name) throws IOException {
    List<String> out = new ArrayList<>();
    ns.ipLink(name).path("flags").forEach(f -> out.add(f.asText()));
    return Set.copyOf(out);
  }

  @Test
  void aliasAndGroupAreChangedAndAliasRemoved() throws IOException {
    nl.create(NewLink.bridge("pbbr3"));

    nl.change(SetLink.named("pbbr3").alias("lab:other").group(9));
    assertEquals(Optional.of("lab:other"), dumped("pbbr3").alias());
    assertEquals(9, ns.ipLink("pbbr3").path("group").asInt());

    nl.change(SetLink.named("pbbr3").alias(""));
    assertEquals(Optional.empty(), dumped("pbbr3").alias());
    assertTrue(ns.ipLink("pbbr3").path("ifalias").isMissingNode());
  }

  @Test
  void linkIsRenamed() throws IOException {
    nl.create(NewLink.bridge("pbold"));
    int index = nl.index("pbold");

    nl.rename("pbold", "pbnew");

    assertEquals(index, nl.index("pbnew"));
    assertEquals(Optional.empty(), nl.link("pbold"));
    assertNotNull(ns.ipLink("pbnew"));
  }

  @Test
  void linkIsDeleted() throws IOException {
    nl.create(NewLink.veth("pbva4", "pbvb4"));

    nl.delete("pbva4");

    assertEquals(Optional.empty(), nl.link("pbva4"));
    assertNull(ns.ipLink("pbvb4"), "deleting one end of a veth deletes its peer");
  }

  @Test
  void creatingAnExistingNameFailsWithEexistText() throws IOException {
    nl.create(NewLink.bridge("pbdup"));

    NetlinkException e = assertThrows(NetlinkException.class, () -> nl.create(NewLink.bridge("pbdup")));

    assertEquals(Errno.EEXIST, e.errno());
    assertEquals("EEXIST", e.errnoName());
    assertTrue(e.getMessage().startsWith("create bridge 'pbdup': EEXIST: File exists"), e.getMessage());
  }

  @Test
  void aCreateRefusedBecauseTheNameIsTakenLeavesTheLinkThatHoldsItAsItWas() throws IOException {
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "add", "pbtaken", "type", "veth", "peer", "name", "pbtakenp"));
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "set", "pbtaken", "alias", "mine"));
    String before = TestNamespace.run(List.of("ip", "-n", ns.name(), "-d", "link", "show"));

    NetlinkException e = assertThrows(NetlinkException.class,
        () -> nl.create(NewLink.bridge("pbtaken").alias("patchbay:x").group(9).up()));

    assertEquals(Errno.EEXIST, e.errno());
    assertEquals(before, TestNamespace.run(List.of("ip", "-n", ns.name(), "-d", "link", "show")),
        "no alias, group or state of the veth that holds the name changed");
  }

  @Test
  void aCreatesFollowUpsLandOnTheLinksItMadeByTheirIfindexes() throws IOException {
    CreatedLink made = nl.create(NewLink.veth("pbfa", "pbfb").alias("lab:f").up());

    assertEquals(nl.index("pbfa"), made.index());
    assertEquals(nl.index("pbfb"), made.peerIndex());
    assertEquals(Optional.of("lab:f"), dumped("pbfa").alias());
    assertEquals(Optional.of("lab:f"), dumped("pbfb").alias());
    assertTrue(dumped("pbfb").up());
  }

  @Test
  void manyCreatesReportEachLinkAndMarkOnlyTheOnesTheyMade() throws IOException {
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "add", "pbm1", "type", "bridge"));
    List<NewLink> links = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      links.add(NewLink.bridge("pbm" + i).alias("lab:m").group(12));
    }

    BatchResult result = nl.create(links);

    assertEquals(Set.of(1), result.failures().keySet());
    assertEquals(Errno.EEXIST, result.failures().get(1).errno());
    assertEquals(Optional.empty(), dumped("pbm1").alias(), "the bridge that was there is not marked");
    assertEquals(Optional.of(nl.index("pbm19")), result.created(19).map(CreatedLink::index));
    assertEquals(19, nl.links().stream().filter(l -> l.alias().equals(Optional.of("lab:m"))).count());
  }

  @Test
  void withoutAnEchoTheNewLinkIsTakenOnlyWhenItsKindAndGroupAreTheOnesCreated() throws IOException {
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "add", "pbl0", "group", "9", "type", "bridge"));
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "add", "pbl1", "type", "veth", "peer", "name", "pbl1p"));

    assertEquals(Optional.of(nl.index("pbl0")), LinkCreator.lookUp(nl, NewLink.bridge("pbl0").group(9)).map(CreatedLink::index));
    assertEquals(Optional.empty(), LinkCreator.lookUp(nl, NewLink.bridge("pbl0").group(10)));
    assertEquals(Optional.empty(), LinkCreator.lookUp(nl, NewLink.bridge("pbl1")));
  }

  @Test
  void batchRunsEveryRequestAndNamesTheOnesThatFailed() throws IOException {
    nl.create(NewLink.bridge("pbb1"));
    List<NlRequest> batch = List.of(NewLink.bridge("pbb0").create(), NewLink.bridge("pbb1").create(),
        NewLink.bridge("pbb2").create());

    BatchResult result = nl.execute(batch);

    assertEquals(Set.of(1), result.failures().keySet());
    assertEquals(Errno.EEXIST, result.failures().get(1).errno());
    assertTrue(nl.link("pbb0").isPresent());
    assertTrue(nl.link("pbb2").isPresent());
  }

  @Test
  void groupDeleteRemovesEveryMemberInOneRequestAndNothingElse() throws IOException {
    List<NewLink> links = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      links.add(NewLink.veth("pbg" + i, "pbh" + i).group(77));
    }
    links.add(NewLink.bridge("pbkeep").group(78));
    nl.create(links).throwIfFailed();

    nl.deleteGroup(77);

    Set<String> left = nl.links().stream().map(Link::name).collect(Collectors.toSet());
    assertEquals(Set.of("lo", "pbkeep"), left);
    assertEquals(2, ns.ipJson("link", "show").size());
  }

  @Test
  void addressesAreAddedListedAndDeleted() throws IOException {
    nl.create(NewLink.bridge("pbbr5").up());
    nl.addAddress("pbbr5", Cidr.of("10.20.0.1/24"));
    nl.addAddress("pbbr5", Cidr.of("10.21.0.1/16"));
    int index = nl.index("pbbr5");

    assertEquals(Set.of(new InterfaceAddress(index, Cidr.of("10.20.0.1/24")),
        new InterfaceAddress(index, Cidr.of("10.21.0.1/16"))), Set.copyOf(nl.addresses()));
    assertEquals(Set.of("10.20.0.1/24", "10.21.0.1/16"), ipAddresses("pbbr5"));

    nl.deleteAddress("pbbr5", Cidr.of("10.20.0.1/24"));
    assertEquals(List.of(new InterfaceAddress(index, Cidr.of("10.21.0.1/16"))), nl.addresses());
    assertEquals(Set.of("10.21.0.1/16"), ipAddresses("pbbr5"));
  }

  private Set<String> ipAddresses(String dev) throws IOException {
    Set<String> out = new java.util.HashSet<>();
    for (JsonNode iface : ns.ipJson("-4", "addr", "show", "dev", dev)) {
      iface.path("addr_info").forEach(a -> out.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt()));
    }
    return out;
  }

  @Test
  void addingAnAddressTwiceFailsWithEexist() throws IOException {
    nl.create(NewLink.bridge("pbbr6"));
    nl.addAddress("pbbr6", Cidr.of("10.22.0.1/24"));

    NetlinkException e = assertThrows(NetlinkException.class,
        () -> nl.addAddress("pbbr6", Cidr.of("10.22.0.1/24")));
    assertEquals("EEXIST", e.errnoName());
  }

  @Test
  void gatewayAndDeviceRoutesAreAddedListedAndDeleted() throws IOException {
    nl.create(NewLink.bridge("pbbr7").up());
    nl.addAddress("pbbr7", Cidr.of("10.30.0.1/24"));
    int index = nl.index("pbbr7");

    nl.addRoute(Cidr.of("10.31.0.0/16"), Ipv4.of("10.30.0.254"), null);
    nl.addRoute(Cidr.of("10.32.0.0/16"), null, "pbbr7");

    List<Route> routes = nl.routes();
    assertTrue(routes.contains(new Route(Cidr.of("10.31.0.0/16"), Optional.of(Ipv4.of("10.30.0.254")), index,
        Nl.RT_SCOPE_UNIVERSE, Nl.RTPROT_STATIC)), routes.toString());
    assertTrue(routes.contains(new Route(Cidr.of("10.32.0.0/16"), Optional.empty(), index,
        Nl.RT_SCOPE_LINK, Nl.RTPROT_STATIC)), routes.toString());
    JsonNode ipRoutes = ns.ipJson("route", "show");
    assertEquals(routes.size(), ipRoutes.size());
    assertEquals(Set.of("10.30.0.0/24 kernel", "10.31.0.0/16 static via 10.30.0.254", "10.32.0.0/16 static"),
        describe(ipRoutes));

    nl.deleteRoute(Cidr.of("10.31.0.0/16"), null, null);
    nl.deleteRoute(Cidr.of("10.32.0.0/16"), null, "pbbr7");
    assertEquals(Set.of("10.30.0.0/24 kernel"), describe(ns.ipJson("route", "show")));
    assertEquals(1, nl.routes().size());
  }

  private static Set<String> describe(JsonNode routes) {
    Set<String> out = new java.util.HashSet<>();
    for (JsonNode r : routes) {
      String via = r.has("gateway") ? " via " + r.path("gateway").asText() : "";
      out.add(r.path("dst").asText() + " " + r.path("protocol").asText() + via);
    }
    return out;
  }

  @Test
  void routeToAnUnreachableGatewayFailsWithTheKernelsReason() throws IOException {
    NetlinkException e = assertThrows(NetlinkException.class,
        () -> nl.addRoute(Cidr.of("10.40.0.0/16"), Ipv4.of("192.0.2.1"), null));

    assertEquals("ENETUNREACH", e.errnoName());
    assertTrue(e.getMessage().contains("add route 10.40.0.0/16 via 192.0.2.1: ENETUNREACH: Network is unreachable"),
        e.getMessage());
  }

  @Test
  void looksUpAMissingLinkAsEmpty() throws IOException {
    assertEquals(Optional.empty(), nl.link("pbnothere"));
    NetlinkException e = assertThrows(NetlinkException.class, () -> nl.index("pbnothere"));
    assertEquals("ENODEV", e.errnoName());
  }

  @Test
  void badNameIsRefusedAndNeverReachesTheKernel() throws IOException {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> nl.create(NewLink.bridge("br;reboot")));

    assertTrue(e.getMessage().contains("'br;reboot' contains ';'"), e.getMessage());
    assertEquals(List.of("lo"), nl.links().stream().map(Link::name).toList());
    assertEquals(1, ns.ipJson("link", "show").size());
  }

  @Test
  void vethPairCreatedUpHasBothEndsUp() throws IOException {
    nl.create(NewLink.veth("pbva8", "pbvb8").up());

    assertTrue(dumped("pbva8").up());
    assertTrue(dumped("pbvb8").up());
  }
}
