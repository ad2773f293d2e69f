package dev.patchbay.model.topology;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The network cards QEMU emulates that the classic QEMU notes talk about, by QEMU's device name. */
public enum NicModel {
  E1000("e1000", "Intel e1000"),
  RTL8139("rtl8139", "Realtek 8139"),
  NE2K_PCI("ne2k_pci", "NE2000 PCI"),
  VIRTIO("virtio-net-pci", "virtio-net"),
  PCNET("pcnet", "AMD PCnet");

  private final String qemuName;
  private final String label;

  NicModel(String qemuName, String label) {
    this.qemuName = qemuName;
    this.label = label;
  }

  /** The device name for {@code -device} and the model for {@code -net nic,model=}. */
  @JsonValue
  public String qemuName() {
    return qemuName;
  }

  public String label() {
    return label;
  }

  @JsonCreator
  public static NicModel fromQemuName(String name) {
    String wanted = "virtio".equals(name) ? "virtio-net-pci" : name;
    return Arrays.stream(values())
        .filter(m -> m.qemuName.equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown NIC model '" + name + "'; expected one of e1000, rtl8139, ne2k_pci, virtio-net-pci, pcnet"));
  }
}
