package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.KeyedFindings;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.Scope;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.reach.Segments;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * MAC addresses. A NIC without one gets QEMU's default, 52:54:00:12:34:56 (then :57, ... within one
 * process), which is the same in every guest.
 */
public final class MacRule implements Rule {
  static final RuleInfo DUPLICATE = new RuleInfo("mac.duplicate", Severity.ERROR,
      "Two NICs with one MAC on a segment confuse every switch and ARP cache: frames go to one of them at random."
          + " QEMU gives every guest the same default 52:54:00:12:34:56 unless told otherwise, and the classic QEMU notes warn:"
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
    return checkKeyed(design).list();
  }

  /** Findings per NIC (by position), then each NIC whose MAC an earlier NIC has. */
  private static final int PER_NIC = 0;
  private static final int DUPLICATES = 1;

  /** A NIC's own findings read its guest only; its duplicate finding the NICs with its MAC (kept by MAC). */
  @Override
  public boolean scopable() {
    return true;
  }

  /** The NICs' MACs by position and the positions holding each MAC, in file order. */
  private static final class ByMac {
    final Map<Integer, Card> cards = new HashMap<>();
    final Map<Mac, TreeSet<Integer>> holders = new HashMap<>();

    void put(int p, Card c) {
      Card before = c == null ? cards.remove(p) : cards.put(p, c);
      if (before != null) {
        holders.get(before.mac()).remove(p);
      }
      if (c != null) {
        holders.computeIfAbsent(c.mac(), k -> new TreeSet<>()).add(p);
      }
    }
  }

  @Override
  public KeyedFindings checkKeyed(Analysis design) {
    Layer3 l3 = design.layer3();
    KeyedFindings out = new KeyedFindings();
    ByMac byMac = new ByMac();
    for (Guest g : design.topology().elementsOf(Guest.class).toList()) {
      List<NicAddress> nics = l3.nicsOf(g.id());
      List<Card> cards = cards(g, nics, l3, out);
      for (int i = 0; i < nics.size(); i++) {
        byMac.put(l3.position(nics.get(i)), cards.get(i));
      }
    }
    design.keep(MacRule.class, byMac);
    for (Map.Entry<Mac, TreeSet<Integer>> e : byMac.holders.entrySet()) {
      duplicates(design.segments(), byMac, e.getValue(), out);
    }
    return out;
  }

  /**
   * The edited guests' NICs again, and the duplicates of every MAC they had or have. Their MACs
   * before come from the NICs the layer-3 patch replaced (a NIC's record changes with its guest's).
   */
  @Override
  public KeyedFindings checkScoped(Analysis design, Scope scope, KeyedFindings previous) {
    Layer3 l3 = design.layer3();
    Optional<ByMac> kept = design.kept(MacRule.class);
    if (kept.isEmpty()) {
      return checkKeyed(design);
    }
    ByMac byMac = kept.get();
    KeyedFindings fresh = new KeyedFindings();
    Set<Long> again = new HashSet<>();
    Set<Mac> macs = new HashSet<>();
    Map<String, Guest> before = new HashMap<>();
    scope.nics().forEach(c -> before.putIfAbsent(c.before().guest().id(), c.before().guest()));
    before.values().forEach(g -> cards(g, null, null, null).forEach(c -> {
      if (c != null) {
        macs.add(c.mac());
      }
    }));
    for (String id : scope.guests()) {
      Guest g = (Guest) design.topology().element(id).orElseThrow();
      List<NicAddress> nics = l3.nicsOf(id);
      // A NIC's own duplicate finding too: a MAC made malformed leaves every holder set, not just its old one.
      nics.forEach(n -> {
        again.add(KeyedFindings.key(PER_NIC, l3.position(n)));
        again.add(KeyedFindings.key(DUPLICATES, l3.position(n)));
      });
      List<Card> cards = cards(g, nics, l3, fresh);
      for (int i = 0; i < nics.size(); i++) {
        byMac.put(l3.position(nics.get(i)), cards.get(i));
        if (cards.get(i) != null) {
          macs.add(cards.get(i).mac());
        }
      }
    }
    for (Mac m : macs) {
      TreeSet<Integer> holding = byMac.holders.getOrDefault(m, new TreeSet<>());
      holding.forEach(p -> again.add(KeyedFindings.key(DUPLICATES, p)));
      duplicates(design.segments(), byMac, holding, fresh);
    }
    return previous.replacing(again, fresh);
  }
  /**
   * The MACs QEMU gives a guest's NICs, in order (null for a malformed one); with {@code out}, each
   * NIC's own findings under its position.
   */
  private static List<Card> cards(Guest g, List<NicAddress> nics, Layer3 l3, KeyedFindings out) {
    List<Card> cards = new ArrayList<>();
    int unset = 0;
    for (int i = 0; i < g.nics().size(); i++) {
      Nic n = g.nics().get(i);
      long key = out == null ? 0 : KeyedFindings.key(PER_NIC, l3.position(nics.get(i)));
      if (n.mac() == null || n.mac().isBlank()) {
        cards.add(new Card(g, n, new Mac(Mac.QEMU_DEFAULT.bits() + unset++), true));
        continue;
      }
      Optional<Mac> m = Mac.parse(n.mac());
      cards.add(m.map(mac -> new Card(g, n, mac, false)).orElse(null));
      if (out == null) {
        continue;
      }
      if (m.isEmpty()) {
        out.add(key, Names.finding(MALFORMED, Names.nic(g, n.name()) + " has the malformed MAC '" + n.mac() + "'",
            List.of(g.id()), MALFORMED.explain(), Fixes.freshMac(g.id(), n.name())));
      } else if (m.get().isMulticast()) {
        out.add(key, Names.finding(MULTICAST, Names.nic(g, n.name()) + " has the multicast MAC " + n.mac(),
            List.of(g.id()), MULTICAST.explain(), Fixes.freshMac(g.id(), n.name())));
      }
    }
    return cards;
  }

  /** Each NIC after the first (in file order) of those holding one MAC. */
  private void duplicates(Segments segments, ByMac byMac, TreeSet<Integer> holding, KeyedFindings out) {
    if (holding.size() < 2) {
      return;
    }
    Card earlier = byMac.cards.get(holding.first());
    for (int p : holding.tailSet(holding.first(), false)) {
      Card c = byMac.cards.get(p);
      boolean together = segments.together(earlier.end().toString(), c.end().toString());
      String how = c.defaulted() ? " (QEMU's default, since " + c.end() + " sets none)" : "";
      String msg = Names.nic(earlier.guest(), earlier.nic().name()) + " and " + Names.nic(c.guest(), c.nic().name())
          + " both have MAC " + c.mac() + how
          + (together ? " on one segment" : "");
      List<String> ids = earlier.guest().id().equals(c.guest().id()) ? List.of(c.guest().id())
          : List.of(earlier.guest().id(), c.guest().id());
      Severity severity = together ? Severity.ERROR : Severity.WARNING;
      String why = together ? DUPLICATE.explain() : DUPLICATE.explain()
          + " They are on different segments now, so it only bites once they are bridged or joined.";
      out.add(KeyedFindings.key(DUPLICATES, p), Diagnostic.of(DUPLICATE.id(), severity, msg, ids).explained(why, null)
          .withFix(Fixes.freshMac(c.guest().id(), c.nic().name())));
    }
  }
}
