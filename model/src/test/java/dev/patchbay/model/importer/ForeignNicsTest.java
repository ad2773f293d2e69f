package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.net.Mac;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one hardware rule all five importers share; each importer's own tests cover its special cases. */
class ForeignNicsTest {
  private final List<String> warnings = new ArrayList<>();

  @ParameterizedTest
  @CsvSource({"e1000, E1000", "E1000, E1000", "virtio, VIRTIO", "virtio-net-pci, VIRTIO",
      "virtio-non-transitional, VIRTIO", "rtl8139, RTL8139", "ne2k_pci, NE2K_PCI", "pcnet, PCNET"})
  void everyToolsNameForAModelPatchbayEmulatesIsThatModelSilently(String foreign, NicModel model) {
    assertEquals(model, ForeignNics.model(foreign, "n", warnings));
    assertEquals(List.of(), warnings);
  }

  @Test
  void anotherModelIsAnE1000ThatSaysSo() {
    assertEquals(NicModel.E1000, ForeignNics.model("e1000e", "lab: PC adapter 0", warnings));
    assertEquals(List.of("lab: PC adapter 0: NIC model 'e1000e' is not one Patchbay emulates; e1000 instead"
        + " (Patchbay emulates e1000, rtl8139, ne2k_pci, virtio-net-pci and pcnet)"), warnings);
    assertEquals(NicModel.E1000, ForeignNics.model(" ", "n", warnings), "none given is QEMU's default");
    assertEquals(1, warnings.size());
  }

  @Test
  void aMacIsReadInEitherCaseWithColonsOrDashes() {
    assertEquals(Optional.of("52:54:00:ab:cd:ef"), ForeignNics.mac(" 52-54-00-AB-CD-EF ", "n", warnings));
    assertEquals(Optional.empty(), ForeignNics.mac("", "n", warnings));
    assertEquals(List.of(), warnings);
  }

  @Test
  void aBadOrMulticastMacIsLeftOutNamingWhatHappensInstead() {
    assertEquals(Optional.empty(), ForeignNics.mac("zz", "f: a", warnings, "it gets one of its own"));
    assertEquals(Optional.empty(), ForeignNics.mac("01:00:5e:00:00:01", "f: b", warnings));
    assertEquals(List.of("f: a: MAC 'zz' is not a MAC address; left out (it gets one of its own)",
        "f: b: MAC '01:00:5e:00:00:01' is not a unicast MAC address (a multicast one, which no NIC may have);"
            + " left out (QEMU picks one)"), warnings);
  }

  @Test
  void adaptersCountUpFromOneMacAndWrapWithinSixBytes() {
    assertEquals("0c:aa:bb:cc:ee:02", ForeignNics.nth(Mac.parse("0c:aa:bb:cc:ee:00").orElseThrow(), 2).toString());
    assertEquals("00:00:00:00:00:00", ForeignNics.nth(Mac.parse("ff:ff:ff:ff:ff:ff").orElseThrow(), 1).toString());
  }

  @Test
  void missingMacsAreFilledPastTheFilesOwnAndCounted() {
    Topology t = new Topology("t", "", null);
    t.add(new Guest("a", "a", "x86_64", "pc", 128, null, List.of(new Nic("nic0", NicModel.E1000, "52:54:00:01:00:01",
        null), new Nic("nic1", NicModel.E1000, null, null))), null);
    ForeignNics.fillMissingMacs(t, warnings);
    Guest a = t.elementsOf(Guest.class).findFirst().orElseThrow();
    assertEquals("52:54:00:01:00:02", a.nics().get(1).mac(), "the file's own MAC is passed over");
    assertTrue(warnings.get(0).startsWith("1 NIC(s) have no MAC in the file"), warnings.toString());
  }

  @Test
  void archAndMachineFallBackToX86PcSayingSoOnlyForAnUnusableValue() {
    assertEquals("i386", ForeignNics.arch("i686", "n", warnings));
    assertEquals("x86_64", ForeignNics.arch(null, "n", warnings));
    assertEquals("q35", ForeignNics.machine("q35", "n", warnings));
    assertEquals("pc", ForeignNics.machine("", "n", warnings));
    assertEquals(List.of(), warnings);
    assertEquals("x86_64", ForeignNics.arch("x86_99", "n", warnings));
    assertEquals("pc", ForeignNics.machine("pc,dumpdtb=/tmp/x", "n", warnings));
    assertEquals(List.of("n: arch 'x86_99' is not a QEMU system target; x86_64 assumed",
        "n: machine type 'pc,dumpdtb=/tmp/x' is not a plain QEMU machine type; pc assumed"), warnings);
  }
}
