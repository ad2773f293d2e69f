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
import java.util.Map;
import java.util.Optional;

/**
 * The one rule every importer follows for what another tool says about a guest's hardware: its NIC
 * model, MAC and QEMU system target and machine type. A value Patchbay cannot use is replaced by
 * its default and the change recorded as a warning, never passed on: these values end up in QEMU's
 * arguments. Each warning starts with the place the caller names ("file: node", "guest interface 2").
 */
public final class ForeignNics {
  private static final long FIRST_MAC = 0x5254_0001_0001L;
  private static final long MAC_BITS = 0xFFFF_FFFF_FFFFL;
  /** The other tools' names for Patchbay's models; any name starting "virtio" is virtio-net. */
  private static final Map<String, NicModel> MODELS = Map.of("e1000", NicModel.E1000, "rtl8139", NicModel.RTL8139,
      "ne2k_pci", NicModel.NE2K_PCI, "pcnet", NicModel.PCNET);
  /** Names for targets QEMU calls otherwise (libvirt's and uname's). */
  private static final Map<String, String> ARCH_ALIASES = Map.of("i686", "i386", "armv7l", "arm", "armv6l", "arm",
      "ppc64le", "ppc64");

  private ForeignNics() {}

  /** e1000, rtl8139, ne2k_pci, pcnet and virtio-anything; none given is e1000, anything else e1000 with a warning. */
  public static NicModel model(String foreign, String where, List<String> warnings) {
    if (foreign == null || foreign.isBlank()) {
      return NicModel.E1000;
    }
    String m = foreign.strip().toLowerCase(Locale.ROOT);
    NicModel model = m.startsWith("virtio") ? NicModel.VIRTIO : MODELS.get(m);
    if (model == null) {
      warnings.add(where + ": NIC model " + Printable.quoted(foreign) + " is not one Patchbay emulates; e1000 instead"
          + " (Patchbay emulates e1000, rtl8139, ne2k_pci, virtio-net-pci and pcnet)");
      return NicModel.E1000;
    }
    return model;
  }

  /** The MAC in QEMU's form when it is a valid unicast address; otherwise none, with a warning. */
  public static Optional<String> mac(String foreign, String where, List<String> warnings) {
    return mac(foreign, where, warnings, "QEMU picks one").map(Mac::toString);
  }

  /**
   * A unicast MAC (colons or dashes, either case); none when none is given, and none with a warning
   * naming what happens {@code instead} when the text is not a MAC or a multicast one.
   */
  public static Optional<Mac> mac(String foreign, String where, List<String> warnings, String instead) {
    if (foreign == null || foreign.isBlank()) {
      return Optional.empty();
    }
    Optional<Mac> mac = Mac.parse(foreign.strip().replace('-', ':').toLowerCase(Locale.ROOT));
    if (mac.isEmpty() || mac.get().isMulticast()) {
      warnings.add(where + ": MAC " + Printable.quoted(foreign) + (mac.isEmpty() ? " is not a MAC address"
          : " is not a unicast MAC address (a multicast one, which no NIC may have)") + "; left out (" + instead + ")");
      return Optional.empty();
    }
    return mac;
  }

  /** The MAC n after first, as GNS3 and EVE-NG count a node's adapters up from its one MAC. */
  public static Mac nth(Mac first, long n) {
    return new Mac((first.bits() + n) & MAC_BITS);
  }

  /**
   * Gives every guest NIC without a MAC one of its own, counting up from 52:54:00:01:00:01 past the
   * MACs the file gave: left unset, every NIC would get QEMU's one default MAC and two guests on one
   * segment could not talk. The same file gives the same MACs. Says how many got one in warnings.
   */
  public static void fillMissingMacs(Topology t, List<String> warnings) {
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
    if (filled > 0) {
      warnings.add(filled + " NIC(s) have no MAC in the file; each got its own, from 52:54:00:01:00:01 up (left"
          + " unset, QEMU would give them all one MAC)");
    }
  }

  /** A QEMU system target (i686 is i386 and so on); none given is x86_64, an unknown one x86_64 with a warning. */
  public static String arch(String foreign, String where, List<String> warnings) {
    if (foreign == null || foreign.isBlank()) {
      return "x86_64";
    }
    String a = ARCH_ALIASES.getOrDefault(foreign.strip(), foreign.strip());
    if (QemuValues.archProblem(a).isPresent()) {
      warnings.add(where + ": arch " + Printable.quoted(foreign) + " is not a QEMU system target; x86_64 assumed");
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
      warnings.add(where + ": machine type " + Printable.quoted(foreign) + " is not a plain QEMU machine type;"
          + " pc assumed");
      return "pc";
    }
    return foreign;
  }
}
