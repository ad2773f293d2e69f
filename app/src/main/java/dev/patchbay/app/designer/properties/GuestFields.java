package dev.patchbay.app.designer.properties;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A guest's values, and one category per NIC with its model, MAC and addressing. */
final class GuestFields {
  private GuestFields() {}

  static List<PropertyField> of(Guest g) {
    List<PropertyField> out = new ArrayList<>();
    out.add(FieldCatalog.typed(Guest.class, "Memory (MiB)", EditorKind.INT, x -> String.valueOf(x.memoryMiB()),
        (x, v) -> x.withMemory(Integer.parseInt(v))));
    out.add(FieldCatalog.typed(Guest.class, "Machine", EditorKind.NAME, Guest::machine,
        Guest::withMachine));
    out.add(FieldCatalog.typed(Guest.class, "Disk image", EditorKind.TEXT, Guest::disk, Guest::withDisk));
    out.add(new PropertyField(FieldCatalog.GENERAL, "Display", EditorKind.CHOICE, Guest.DISPLAYS,
        el -> ((Guest) el).display() == null ? "none" : ((Guest) el).display(),
        (el, v) -> ((Guest) el).withDisplay((String) v)));
    for (Nic n : g.nics()) {
      out.addAll(nic(n.name()));
    }
    return out;
  }

  private static List<PropertyField> nic(String nic) {
    String cat = "NIC " + nic;
    return List.of(
        new PropertyField(cat, nic + " model", EditorKind.NIC_MODEL, List.of(),
            el -> nicOf(el, nic).model(), (el, v) -> withNic(el, nic, n -> n.withModel((NicModel) v))),
        nicText(cat, nic, "MAC", EditorKind.MAC, Nic::mac, Nic::withMac),
        new PropertyField(cat, nic + " addressing", EditorKind.CHOICE, List.of("static", "dhcp", "none"),
            el -> nicOf(el, nic).ip().mode().fileName(),
            (el, v) -> withNic(el, nic, n -> n.withIp(withMode(n.ip(), (String) v)))),
        nicText(cat, nic, "address", EditorKind.CIDR_OPTIONAL, n -> n.ip().address(),
            (n, v) -> n.withIp(new IpConfig(v == null ? n.ip().mode() : IpConfig.Mode.STATIC, v, n.ip().gateway(),
                n.ip().dns()))),
        nicText(cat, nic, "gateway", EditorKind.ADDRESS_OPTIONAL, n -> n.ip().gateway(),
            (n, v) -> n.withIp(new IpConfig(n.ip().mode(), n.ip().address(), v, n.ip().dns()))),
        nicText(cat, nic, "DNS", EditorKind.ADDRESS_LIST, n -> String.join(", ", n.ip().dns()),
            (n, v) -> n.withIp(new IpConfig(n.ip().mode(), n.ip().address(), n.ip().gateway(), Lists.addresses(v)))));
  }

  /**
   * Why an edit turned a NIC's addressing static, if it did: an address typed while the NIC asked
   * for DHCP or nothing would otherwise be kept in the file and ignored by every plan.
   */
  static java.util.Optional<String> switchedToStatic(Element before, Element after) {
    if (!(before instanceof Guest b) || !(after instanceof Guest a)) {
      return java.util.Optional.empty();
    }
    for (Nic n : a.nics()) {
      IpConfig.Mode was = b.nic(n.name()).map(x -> x.ip().mode()).orElse(n.ip().mode());
      if (n.ip().isStatic() && was != IpConfig.Mode.STATIC) {
        return java.util.Optional.of(n.name() + "'s addressing was " + was.fileName() + ": it is static now, so the"
            + " guest uses " + n.ip().address() + " (Undo puts it back)");
      }
    }
    return java.util.Optional.empty();
  }

  private static IpConfig withMode(IpConfig ip, String mode) {
    IpConfig.Mode m = IpConfig.Mode.fromFile(mode);
    return m == IpConfig.Mode.STATIC ? new IpConfig(m, ip.address(), ip.gateway(), ip.dns())
        : new IpConfig(m, null, null, List.of());
  }

  private static PropertyField nicText(String cat, String nic, String label, EditorKind kind,
      Function<Nic, String> get, BiFunction<Nic, String, Nic> set) {
    return new PropertyField(cat, nic + " " + label, kind, List.of(), el -> get.apply(nicOf(el, nic)),
        (el, v) -> withNic(el, nic, n -> set.apply(n, Lists.blankToNull((String) v))));
  }

  static Nic nicOf(Element e, String nic) {
    return ((Guest) e).nic(nic).orElseThrow(() -> new IllegalStateException("no NIC " + nic + " in " + e.id()));
  }

  private static Element withNic(Element e, String nic, Function<Nic, Nic> edit) {
    Guest g = (Guest) e;
    return g.withNic(edit.apply(nicOf(g, nic)));
  }
}
