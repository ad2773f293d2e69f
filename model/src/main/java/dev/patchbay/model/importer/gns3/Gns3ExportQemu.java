package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import java.util.List;

/**
 * A guest's QEMU node properties. Each NIC is an adapter; GNS3 gives adapter N the node's MAC + N and
 * the node's adapter type, so NICs whose MAC or model differ from that are written as GNS3 2.2's
 * custom adapters and come back unchanged.
 */
final class Gns3ExportQemu {
  private Gns3ExportQemu() {}

  static void properties(Guest g, ObjectNode node, List<String> notExpressed) {
    ObjectNode p = (ObjectNode) node.get("properties");
    NicModel first = g.nics().isEmpty() ? NicModel.E1000 : g.nics().get(0).model();
    Mac base = g.nics().isEmpty() ? null : Mac.parse(g.nics().get(0).mac()).orElse(null);
    p.put("adapter_type", first.qemuName()).put("adapters", g.nics().size()).put("boot_priority", "c")
        .put("cpus", 1).put("hda_disk_image", g.disk() == null ? "" : g.disk()).put("hda_disk_interface", "ide")
        .put("linked_clone", true).put("on_close", "power_off")
        .put("options", "pc".equals(g.machine()) ? "" : "-machine " + g.machine())
        .put("platform", g.arch()).put("ram", g.memoryMiB());
    if (base != null) {
      p.put("mac_address", base.toString());
    }
    ArrayNode custom = (ArrayNode) node.get("custom_adapters");
    for (int i = 0; i < g.nics().size(); i++) {
      Nic n = g.nics().get(i);
      Mac mac = n.mac() == null ? null : Mac.parse(n.mac()).orElse(null);
      boolean macDiffers = mac != null && (base == null || mac.bits() != ((base.bits() + i) & 0xFFFF_FFFF_FFFFL));
      if (n.model() != first || macDiffers) {
        ObjectNode c = custom.addObject().put("adapter_number", i).put("adapter_type", n.model().qemuName());
        if (mac != null) {
          c.put("mac_address", mac.toString());
        }
      }
      if (n.ip().mode() != IpConfig.Mode.NONE) {
        notExpressed.add(g.name() + " " + n.name() + ": " + describe(n.ip()) + " (set inside the guest)");
      }
      if (!n.name().equals("nic" + i)) {
        notExpressed.add(g.name() + " " + n.name() + " is GNS3 adapter " + i);
      }
    }
    if (g.disk() == null) {
      notExpressed.add(g.name() + " has no disk: Patchbay boots its probe guest; give the GNS3 node an image");
    }
  }

  private static String describe(IpConfig ip) {
    return ip.mode() == IpConfig.Mode.DHCP ? "address by DHCP"
        : "address " + ip.address() + (ip.gateway() == null ? "" : ", gateway " + ip.gateway());
  }
}
