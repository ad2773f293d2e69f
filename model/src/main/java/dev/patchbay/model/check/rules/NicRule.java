package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** NICs with no cable, and NIC names a guest uses twice. */
public final class NicRule implements Rule {
  static final RuleInfo UNATTACHED = new RuleInfo("nic.unattached", Severity.WARNING,
      "A NIC linked to nothing is a card with no cable: QEMU warns that it has no peer and the guest sees no link.");
  static final RuleInfo NAME_DUPLICATE = new RuleInfo("nic.name-duplicate", Severity.ERROR,
      "Links name a NIC as guest:nic; two NICs with one name in a guest cannot be told apart.");

  @Override
  public String id() {
    return "nic";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(UNATTACHED, NAME_DUPLICATE);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    // Taps and hubs too: an idle one is where an unattached NIC's fix plugs it (Replug).
    return Changes.touchesLinksOr(c, Set.of(Guest.class, Tap.class, Hub.class)) && !Changes.keepsGuestWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Supplier<Replug> replug = Replug.of(t);
    for (Guest g : t.elementsOf(Guest.class).toList()) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < g.nics().size(); i++) {
        Nic n = g.nics().get(i);
        Endpoint end = Endpoint.of(g.id(), n.name());
        if (!names.add(n.name())) {
          out.add(Names.finding(NAME_DUPLICATE, "guest " + g.name() + " (" + g.id() + ") has two NICs named "
              + n.name(), List.of(g.id()), NAME_DUPLICATE.explain(), rename(t, g, i)));
        } else if (t.linksAt(end).isEmpty()) {
          String msg = Names.nic(g, n.name()) + " is attached to nothing";
          out.add(replug.get().forNic(end).map(f -> Names.finding(UNATTACHED, msg, List.of(g.id()), UNATTACHED.explain(), f))
              .orElseGet(() -> Names.finding(UNATTACHED, msg, List.of(g.id()), UNATTACHED.explain(),
                  "Link " + end + " to a hub, tap, socket, user net or VDE switch, or remove the NIC.")));
        }
      }
    }
    return out;
  }

  /**
   * Renames the second NIC of a name: to the one name links of this guest point at and no NIC has
   * (the NIC was renamed by mistake, its link still names it), else to the first free nicN.
   */
  private static Fix rename(Topology t, Guest g, int index) {
    Set<String> names = new HashSet<>();
    g.nics().forEach(n -> names.add(n.name()));
    List<String> dangling = t.linksOf(g.id()).stream().map(l -> l.end(g.id()))
        .filter(e -> e.port() != null && !names.contains(e.port())).map(Endpoint::port).distinct().toList();
    String fresh = dangling.size() == 1 ? dangling.get(0) : free(names);
    String d = "Rename the second NIC " + g.nics().get(index).name() + " of " + g.id() + " to " + fresh;
    return Fixes.element(d, g.id(), Guest.class, now -> {
      List<Nic> nics = new ArrayList<>(now.nics());
      Nic n = nics.get(index);
      nics.set(index, new Nic(fresh, n.model(), n.mac(), n.ip()));
      return now.withNics(nics);
    });
  }

  private static String free(Set<String> names) {
    int i = 0;
    while (names.contains("nic" + i)) {
      i++;
    }
    return "nic" + i;
  }
}
