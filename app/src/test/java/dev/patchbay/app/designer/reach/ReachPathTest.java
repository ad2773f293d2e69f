package dev.patchbay.app.designer.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.edit.SetHostCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A selected cell as the canvas draws it, and the matrix's words: names for ids, conditions said. */
class ReachPathTest {
  private final DocumentViewModel doc = new DocumentViewModel();

  private ReachabilityViewModel open(String sample) throws Exception {
    String p = System.getProperty("patchbay.samples");
    doc.open((p != null ? Path.of(p) : Path.of("..", "samples")).resolve(sample + ".json"));
    return new ReachabilityViewModel(doc);
  }

  private ReachPath select(ReachabilityViewModel vm, String guest, String column) {
    vm.select(vm.cell(guest, column).orElseThrow());
    return vm.selectedPathProperty().get();
  }

  @Test
  void aYesLightsEveryWireAlongTheWayButNoneAcrossTheHostsRouting() throws Exception {
    ReachPath path = select(open("nat-bridge"), "guest1", "->LAN");
    assertEquals(List.of("l4", "l2", "l1"), path.links(), "guest1-tap0, tap0-br0, then after the host eth0-LAN");
    assertEquals(List.of("guest1", "tap0", "br0", "eth0", "lan"), path.elements());
    assertNull(path.stopAt(), "a yes stops nowhere");
    assertTrue(path.beyond().isEmpty());
  }

  @Test
  void theInternetsWireIsLitToo() throws Exception {
    assertEquals(List.of("l4", "l2", "l1", "l0"), select(open("nat-bridge"), "guest1", "->Internet").links());
  }

  @Test
  void aNoStopsAtTheElementItsFirstMissingStepNames() throws Exception {
    ReachPath path = select(open("tap-host-only"), "dsl", "->LAN");
    assertEquals("dsl", path.stopAt(), "the guest lacks a default gateway, though the model walks on to the LAN");
    assertTrue(path.reason().startsWith("give guest dsl (dsl:nic0) a default gateway"), path.reason());
    assertEquals(List.of("l2", "l1"), path.links(), "the way it would take is still lit");
    assertEquals(java.util.Set.of("tap0", "eth0", "lan", "l2", "l1"), path.beyond(), "all of it past the guest");
  }

  @Test
  void aNoForWantOfForwardingStopsWhereThePacketEntersTheHost() throws Exception {
    ReachPath path = select(open("tap-host-only"), "dsl", "LAN->");
    assertTrue(path.reason().startsWith("enable ip_forward on the host"), path.reason());
    assertEquals("eth0", path.stopAt());
    assertEquals(java.util.Set.of("tap0", "dsl", "l2"), path.beyond(), "the LAN's wire to eth0 is crossed");
  }

  @Test
  void aNoThatGetsNowhereStopsWhereItStarted() throws Exception {
    ReachPath path = select(open("nat-bridge"), "guest1", "LAN->");
    assertEquals("lan", path.stopAt());
    assertTrue(path.reason().contains("hidden behind the host's NAT"), path.reason());
    assertEquals(List.of(), path.links());
  }

  @Test
  void anOnlyWithIsMarkedWhereItsConditionLies() throws Exception {
    assertEquals("lan", select(open("routed-tun"), "guest", "Internet->").stopAt(), "the gateway forwards a port");
    assertEquals("user0", select(open("user-net-hostfwd"), "sol11", "LAN->").stopAt(), "user net's forwards");
  }

  @Test
  void theExplanationNamesElementsByTheirNames() throws Exception {
    ReachabilityViewModel vm = open("nat-bridge");
    select(vm, "guest1", "->LAN");
    String text = vm.detailProperty().get();
    assertEquals("GUEST1 -> LAN: yes\npath: GUEST1 nic0 -> tap0 -> br0 -> host -> NAT -> eth0 -> LAN", text);
    assertFalse(text.contains("guest1"), "the id is not shown: " + text);
  }

  @Test
  void anOnlyWithCellSaysWhatItNeedsInWords() throws Exception {
    ReachabilityViewModel vm = open("routed-tun");
    assertEquals("only with a port forward", ReachWords.cell(vm.cell("guest", "Internet->").orElseThrow()));
    assertEquals("yes", ReachWords.cell(vm.cell("guest", "->LAN").orElseThrow()));
    ReachabilityViewModel user = open("user-net-hostfwd");
    assertEquals("only with a port forward", ReachWords.cell(user.cell("sol11", "LAN->").orElseThrow()));
    assertEquals("only with a route on the LAN gateway",
        ReachWords.onlyWith("only once the LAN gateway routes 192.168.0.0/24 via 10.0.0.10"));
    assertEquals("only with a port forward and a gateway route", ReachWords.onlyWith(
        "only to hostfwd ports tcp/22, and only once the LAN gateway routes 10.1.0.0/16 via 10.0.0.2"));
  }

  @Test
  void anEditOrAClearedSelectionTakesThePathOffTheCanvas() throws Exception {
    ReachabilityViewModel vm = open("nat-bridge");
    select(vm, "guest1", "->LAN");
    vm.clearSelection();
    assertNull(vm.selectedPathProperty().get());
    assertEquals("", vm.detailProperty().get());
    select(vm, "guest1", "->LAN");
    doc.push(new SetHostCommand(doc.topology().host().withIpForward(false), "Stop forwarding"));
    assertNull(vm.selectedPathProperty().get(), "the answer described the design before the edit");
  }
}
