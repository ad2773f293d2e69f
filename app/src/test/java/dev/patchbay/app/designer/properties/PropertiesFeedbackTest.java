package dev.patchbay.app.designer.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Point;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the property panel says about a value it refuses, and about an address typed where none was used. */
class PropertiesFeedbackTest {
  private final DocumentViewModel doc = new DocumentViewModel();
  private final CanvasViewModel canvas = new CanvasViewModel(doc, new Random(3));
  private final PropertiesViewModel vm = new PropertiesViewModel(doc, canvas);

  private PropertyField field(String name) {
    return vm.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private Guest guest(String id) {
    return (Guest) doc.topology().element(id).orElseThrow();
  }

  @Test
  void enterOnARefusedValueSaysItWasNotAppliedAndWhy() {
    String id = canvas.addElement(ElementKind.GUEST, new Point(0, 0)).id();
    var address = field("nic0 address");
    String undo = doc.undoLabelProperty().get();
    String refusal = vm.refusal(address, "192.168.0.300/24").orElseThrow();
    assertTrue(refusal.startsWith("Not applied: "), refusal);
    assertTrue(refusal.contains(vm.problem(address, "192.168.0.300/24").orElseThrow()), refusal);
    assertFalse(vm.commit(address, "192.168.0.300/24"));
    assertEquals(undo, doc.undoLabelProperty().get(), "nothing was committed");
    assertTrue(vm.refusal(address, "192.168.0.30/24").isEmpty(), "a good value is not refused");
    assertTrue(guest(id).nics().get(0).ip().address() == null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "dhcp"})
  void anAddressTypedWhereTheNicUsesNoneBecomesStaticInOneUndoStep(String mode) {
    String id = canvas.addElement(ElementKind.GUEST, new Point(0, 0)).id();
    vm.commit(field("nic0 addressing"), mode);
    IpConfig before = guest(id).nics().get(0).ip();
    assertEquals(mode, before.mode().fileName());
    assertTrue(vm.commit(field("nic0 address"), "192.168.0.10/24"));
    IpConfig after = guest(id).nics().get(0).ip();
    assertEquals(IpConfig.Mode.STATIC, after.mode(), "the typed address is used, not kept and ignored");
    assertEquals("192.168.0.10/24", after.address());
    assertTrue(vm.noticeProperty().get().contains("static"), vm.noticeProperty().get());
    assertTrue(vm.noticeProperty().get().contains(mode), vm.noticeProperty().get());
    assertEquals("static", vm.value(field("nic0 addressing")), "the addressing field shows the switch");
    doc.undo();
    assertEquals(before, guest(id).nics().get(0).ip(), "one undo takes back the address and the switch");
    assertEquals("", vm.noticeProperty().get(), "the undo is a later edit: the notice was about the one undone");
  }

  @Test
  void anAddressTypedOnAStaticNicSaysNothingMore() {
    String id = canvas.addElement(ElementKind.GUEST, new Point(0, 0)).id();
    vm.commit(field("nic0 addressing"), "static");
    vm.commit(field("nic0 address"), "10.0.0.5/24");
    assertEquals(IpConfig.Mode.STATIC, guest(id).nics().get(0).ip().mode());
    assertEquals("", vm.noticeProperty().get());
  }

  @Test
  void aRefusedNicRemovalIsSaidUntilTheNextEdit() {
    String g = canvas.addElement(ElementKind.GUEST, new Point(0, 0)).id();
    String hub = canvas.addElement(ElementKind.HUB, new Point(300, 0)).id();
    assertTrue(canvas.connect(dev.patchbay.model.topology.Endpoint.of(g, "nic0"), dev.patchbay.model.topology.Endpoint.of(hub)));
    canvas.selection().select(g);
    assertTrue(vm.removeNic("nic0").isPresent());
    assertEquals("nic0 is wired: delete its link first", vm.noticeProperty().get());
    vm.commit(field("Memory (MiB)"), "256");
    assertEquals("", vm.noticeProperty().get());
  }
}
