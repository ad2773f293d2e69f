package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Locale;

/**
 * How messages name things: the user's name and the file's id, so both the canvas and the file are
 * searchable. A name that is not one plain word is quoted, with control characters escaped
 * ({@link Printable#name}): "guest 'my vm' (vm1)".
 */
final class Names {
  private Names() {}

  static String of(Element e) {
    String label = e.kind().label().replace(" (QEMU vlan)", "").replace(" (slirp)", "");
    if (e.name().equalsIgnoreCase(label)) {
      return "the " + label + " (" + e.id() + ")";
    }
    String kind = label.equals("LAN") ? label : label.toLowerCase(Locale.ROOT);
    return e.name().equals(e.id()) ? kind + " " + e.id() : kind + " " + Printable.name(e.name()) + " (" + e.id() + ")";
  }

  /** "NIC nic0 of guest GUEST1 (guest1:nic0)": the user's names and the link's endpoint. */
  static String nic(dev.patchbay.model.topology.Guest g, String nicName) {
    return "NIC " + Printable.name(nicName) + " of guest " + Printable.name(g.name()) + " (" + g.id() + ":"
        + Printable.line(nicName) + ")";
  }

  static String nic(dev.patchbay.model.reach.Layer3.NicAddress n) {
    return nic(n.guest(), n.nic().name());
  }

  static String of(Topology t, String id) {
    return t.element(id).map(Names::of).orElse(id);
  }

  /** A finding with everything a user needs: what, which elements, why, how to fix. */
  static Diagnostic finding(RuleInfo info, String message, List<String> elements, String why, String fixHint) {
    return Diagnostic.of(info.id(), info.severity(), message, elements).explained(why, fixHint);
  }

  static Diagnostic finding(RuleInfo info, String message, List<String> elements, String why, Fix fix) {
    return Diagnostic.of(info.id(), info.severity(), message, elements).explained(why, fix.description()).withFix(fix);
  }
}
