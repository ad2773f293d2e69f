package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.reach.Segments;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MAC addresses. A NIC without one gets QEMU's default, 52:54:00:12:34:56 (then :57, ... within one
 * process), which is the same in every guest (seeds 002 and 004).
 */
public final class MacRule implements Rule {
  static final RuleInfo DUPLICATE = new RuleInfo("mac.duplicate", Severity.ERROR,
      "Two NICs with one MAC on a segment confuse every switch and ARP cache: frames go to one of them at random."
          + " QEMU gives every guest the same default 52:54:00:12:34:56 unless told otherwise (seeds 002, 004):"
          + " \"make sure to give the guests unique mac and IP addresses\".");
  static final RuleInfo MALFORMED = new RuleInfo("mac.malformed", Severity.ERROR,
      "QEMU takes a MAC as six two-digit hex bytes separated by colons (52:54:00:12:34:56) and refuses anything else.");
  static final RuleInfo MULTICAST = new RuleInfo("mac.multicast", Severity.ERROR,
      "A MAC whose first byte is odd is a multicast (group) address; a NIC's own address must be unicast."
          + " QEMU refuses it.");

  /** A NIC with the MAC QEMU will give it. */
  private record Card(Guest guest, Nic nic, Mac mac, boolean defaulted) {
    Endpoint end() {
      return Endpoint.of(guest.id(), nic.name());
    }
  }

  @Override
  public String id() {
    return "mac";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(DUPLICATE, MALFORMED, MULTICAST);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    return check(new Analysis(t));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    Topology t = design.topology();
    List<Diagnostic> out = new ArrayList<>();
    List<Card> cards = new ArrayList<>();
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      int unset = 0;
      for (Nic n : g.nics()) {
        if (n.mac() == null || n.mac().isBlank()) {
          cards.add(new Card(g, n, new Mac(Mac.QEMU_DEFAULT.bits() + unset++), true));
        } else {
          Mac.parse(n.mac()).ifPresentOrElse(m -> {
            cards.add(new Card(g, n, m, false));
            if (m.isMulticast()) {
              out.add(Names.finding(MULTICAST, Names.nic(g, n.name()) + " has the multicast MAC " + n.mac(),
                  List.of(g.id()), MULTICAST.explain(), Fixes.freshMac(g.id(), n.name())));
            }
          }, () -> out.add(Names.finding(MALFORMED, Names.nic(g, n.name()) + " has the malformed MAC '"
              + n.mac() + "'", List.of(g.id()), MALFORMED.explain(), Fixes.freshMac(g.id(), n.name()))));
        }
      }
    }
    duplicates(design.segments(), cards, out);
    return out;
  }

  private void duplicates(Segments segments, List<Card> cards, List<Diagnostic> out) {
    Map<Mac, Card> first = new LinkedHashMap<>();
    for (Card c : cards) {
      Card earlier = first.putIfAbsent(c.mac(), c);
      if (earlier == null) {
        continue;
      }
      boolean together = segments.together(earlier.end().toString(), c.end().toString());
      String how = c.defaulted() ? " (QEMU's default, since " + c.end() + " sets none)" : "";
      String msg = Names.nic(earlier.guest(), earlier.nic().name()) + " and " + Names.nic(c.guest(), c.nic().name())
          + " both have MAC " + c.mac() + how
          + (together ? " on one segment" : "");
      List<String> ids = earlier.guest() == c.guest() ? List.of(c.guest().id())
          : List.of(earlier.guest().id(), c.guest().id());
      Severity severity = together ? Severity.ERROR : Severity.WARNING;
      String why = together ? DUPLICATE.explain() : DUPLICATE.explain()
          + " They are on different segments now, so it only bites once they are bridged or joined.";
      out.add(Diagnostic.of(DUPLICATE.id(), severity, msg, ids).explained(why, null)
          .withFix(Fixes.freshMac(c.guest().id(), c.nic().name())));
    }
  }
}
