package dev.patchbay.app.designer.textio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.diagram.Charset;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TextIoViewModelTest {
  private static Path sample(String name) {
    String p = System.getProperty("patchbay.samples");
    return (p != null ? Path.of(p) : Path.of("..", "samples")).resolve(name);
  }

  @Test
  void pastedSeedCommandLinesImportAsOneSocketLink() {
    ImportQemuViewModel vm = new ImportQemuViewModel();
    Topology t = vm.importText("qemu -net nic -net socket,listen=:8010 \\\n  -name A\n"
        + "qemu -name B -net nic,vlan=2 -net socket,vlan=2,connect=127.0.0.1:8010\n").orElseThrow();
    assertEquals(2, t.elementsOf(Guest.class).count());
    assertEquals(1, t.elementsOf(dev.patchbay.model.topology.Socket.class).count());
    assertEquals("", vm.errorProperty().get());
  }

  @Test
  void aBadLineKeepsTheTextAndSaysWhatIsWrong() {
    ImportQemuViewModel vm = new ImportQemuViewModel();
    assertTrue(vm.importText("qemu -net nic,model=e1000 -net socket,listen='8010").isEmpty());
    assertTrue(vm.errorProperty().get().contains("never closed"), vm.errorProperty().get());
    assertTrue(vm.importText("   \n").isEmpty());
    assertTrue(vm.errorProperty().get().startsWith("Paste one QEMU command line"));
  }

  @Test
  void previewRedrawsForCharsetAndWidth() throws Exception {
    Topology t = TopologyFiles.load(sample("nat-bridge.json"));
    AsciiPreviewViewModel vm = new AsciiPreviewViewModel(() -> t);
    String ascii = vm.textProperty().get();
    assertTrue(ascii.contains("+-GUEST1") && ascii.chars().allMatch(c -> c < 128), ascii);
    vm.charsetProperty().set(Charset.UNICODE);
    assertTrue(vm.textProperty().get().contains("\u2502"), "box-drawing characters");
    vm.widthProperty().set(40);
    assertTrue(vm.textProperty().get().contains("does not fit in --width 40") || vm.textProperty().get().lines()
        .allMatch(l -> l.length() <= 40), vm.textProperty().get());
  }

  @Test
  void previewIsCompactByDefaultAndRedrawsForTheStyle() throws Exception {
    Topology t = TopologyFiles.load(sample("routed-tun.json"));
    AsciiPreviewViewModel vm = new AsciiPreviewViewModel(() -> t);
    assertTrue(vm.textProperty().get().contains("[eth0"), vm.textProperty().get());
    vm.styleProperty().set(dev.patchbay.model.diagram.DiagramStyle.FULL);
    assertTrue(vm.textProperty().get().contains("| HOST"), vm.textProperty().get());
  }
}
