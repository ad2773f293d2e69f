package dev.patchbay.model.importer;

import dev.patchbay.model.net.Mac;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;

/**
 * The shared rules for what another tool says about a guest's hardware: its NIC model, MAC and QEMU
 * system target. A value Patchbay cannot use is replaced by its default and the change recorded as a
 * warning, never passed on: these values end up in QEMU's arguments.
 */
public final class ForeignNics {
  private static final long FIRST_MAC = 0x5254_0001_0001L;

  private ForeignNics() {}

  /** e1000 (and its variants), rtl8139, ne2k_pci, virtio-net, pcnet; anything else e1000 with a warning. */
  public static NicModel model(String foreign, String where, List<String> warnings) {
    if (foreign == null || foreign.isBlank()) {
      return NicModel.E1000;
    }
    String m = foreign.strip().toLowerCase(Locale.ROOT);
    NicModel model = m.startsWith("virtio") ? NicModel.VIRTIO
        : m.equals("rtl8139") ? NicModel.RTL8139
        : m.equals("ne2k_pci") ? NicModel.NE2K_PCI
        : m.equals("pcnet") ? NicModel.PCNET
        : NicModel.E1000;
    if (model == NicModel.E1000 && !m.equals("e1000")) {
      warnings.add(where + ": NIC model " + Printable.quoted(foreign) + " became e1000 (Patchbay emulates e1000,"
          + " rtl8139, ne2k_pci, virtio-net-pci and pcnet)");
    }
    return model;
  }

  /** The MAC in QEMU's form when it is a valid unicast address; otherwise none, with a warning. */
  public static Optional<String> mac(String foreign, String where, List<String> warnings) {
    if (foreign == null || foreign.isBlank()) {
      return Optional.empty();
    }
    Optional<Mac> mac = Mac.parse(foreign.strip().replace('-', ':').toLowerCase(Locale.ROOT));
    if (mac.isEmpty() || mac.get().isMulticast()) {
      warnings.add(where + ": MAC " + Printable.quoted(foreign) + " is not a unicast MAC address; dropped"
          + " (QEMU picks one)");
      return Optional.empty();
    }
    return Optional.of(mac.get().toString());
  }

  /**
   * Gives every guest NIC without a MAC one of its own, counting up from 52:54:00:01:00:01 past the
   * MACs the file gave: left unset, every NIC would get QEMU's one default MAC and two guests on one
   * segment could not talk. The same file gives the same MACs. Returns how many NICs got one.
   */
  public static int fillMissingMacs(Topology t) {
    Set<Long> taken = new HashSet<>();
    t.elementsOf(Guest.class)
        .forEach(g -> g.nics().forEach(n -> Mac.parse(n.mac()).ifPresent(m -> taken.add(m.bits()))));
    taken.add(Mac.QEMU_DEFAULT.bits());
    long next = FIRST_MAC;
    int filled = 0;
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      List<Nic> nics = new ArrayList<>();
      for (Nic n : g.nics()) {
        if (n.mac() == null) {
          while (!taken.add(next)) {
            next++;
          }
          n = n.withMac(new Mac(next).toString());
          filled++;
        }
        nics.add(n);
      }
      if (!nics.equals(g.nics())) {
        t.replace(g.withNics(nics));
      }
    }
    return filled;
  }

  /** A QEMU system target from the fixed list; none given is x86_64, an unknown one x86_64 with a warning. */
  public static String arch(String foreign, String where, List<String> warnings) {
    if (foreign == null || foreign.isBlank()) {
      return "x86_64";
    }
    String a = foreign.strip();
    if (QemuValues.archProblem(a).isPresent()) {
      warnings.add(where + ": " + Printable.quoted(foreign) + " is not a QEMU system target; x86_64 assumed");
      return "x86_64";
    }
    return a;
  }

  /** A plain machine type; none given is pc, an odd one pc with a warning. */
  public static String machine(String foreign, String where, List<String> warnings) {
    if (foreign == null || foreign.isBlank()) {
      return "pc";
    }
    if (QemuValues.machineProblem(foreign).isPresent()) {
      warnings.add(where + ": machine type " + Printable.quoted(foreign) + " is not a plain type name; pc assumed");
      return "pc";
    }
    return foreign;
  }
}
