package dev.patchbay.app.designer.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.edit.AddElementCommand;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Tap;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSettingsViewModelTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final HostSettingsViewModel vm = new HostSettingsViewModel(doc);

  @Test
  void ipForwardIsOneUndoableStep() {
    vm.setIpForward(true);
    assertTrue(doc.topology().host().ipForward());
    doc.undo();
    assertFalse(doc.topology().host().ipForward());
    doc.redo();
    assertTrue(doc.topology().host().ipForward());
  }

  @Test
  void natLinesBecomeRules() {
    assertTrue(vm.setNat(List.of("192.168.0.0/24 -> eth0")).isEmpty());
    assertEquals(List.of(new HostSettings.Nat("192.168.0.0/24", "eth0")), doc.topology().host().nat());
    doc.undo();
    assertTrue(doc.topology().host().nat().isEmpty());
  }

  @Test
  void everyHostEditUndoesAndRedoesExactly() {
    doc.push(new AddElementCommand(new Tap("tap1", "tap1", null, null), new Point(0, 0)));
    List<Runnable> edits = List.of(
        () -> vm.setIpForward(true),
        () -> vm.setNat(List.of("10.1.0.0/16 -> tap1")),
        () -> vm.setRoutes(List.of("192.168.1.10/32 dev tap1", "10.2.0.0/16 via 10.0.0.2")),
        () -> vm.setProxyArp("tap1", true));
    for (Runnable edit : edits) {
      String before = dev.patchbay.model.format.TopologyFiles.toJson(doc.topology());
      edit.run();
      String after = dev.patchbay.model.format.TopologyFiles.toJson(doc.topology());
      org.junit.jupiter.api.Assertions.assertNotEquals(before, after);
      doc.undo();
      assertEquals(before, dev.patchbay.model.format.TopologyFiles.toJson(doc.topology()));
      doc.redo();
      assertEquals(after, dev.patchbay.model.format.TopologyFiles.toJson(doc.topology()));
    }
  }

  @Test
  void aBadRouteLineIsRefusedWithItsReason() {
    assertTrue(vm.setRoutes(List.of("192.168.1.10")).orElseThrow().contains("via GATEWAY"));
    assertTrue(doc.topology().host().routes().isEmpty());
  }

  @Test
  void proxyArpTogglesPerInterface() {
    doc.push(new AddElementCommand(new Tap("tap1", "tap1", null, null), new Point(0, 0)));
    vm.setProxyArp("tap1", true);
    assertEquals(List.of("tap1"), doc.topology().host().proxyArp());
    vm.setProxyArp("tap1", false);
    assertTrue(doc.topology().host().proxyArp().isEmpty());
    assertEquals(List.of("tap1"), vm.interfaceIds());
  }

  @Test
  void theInterfaceListIsFilteredByIdOrNameIgnoringCase() {
    doc.push(new AddElementCommand(new Tap("tap1", "tap1", null, null), new Point(0, 0)));
    doc.push(new AddElementCommand(new Tap("tap12", "lab-a", null, null), new Point(0, 0)));
    doc.push(new AddElementCommand(new Tap("tap2", "LAB-B", null, null), new Point(0, 0)));
    assertEquals(List.of("tap1", "tap12"), vm.interfaceIds("TAP1"));
    assertEquals(List.of("tap12", "tap2"), vm.interfaceIds("lab-"));
    assertEquals(vm.interfaceIds(), vm.interfaceIds(" "));
    assertTrue(vm.interfaceIds("nothing").isEmpty());
  }
}
