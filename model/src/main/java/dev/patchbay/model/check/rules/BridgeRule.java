package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Bridges and their ports: an address belongs on the bridge, never on a tap enslaved to it. */
public final class BridgeRule implements Rule {
  static final RuleInfo PORT_ADDRESS = new RuleInfo("bridge.port-address", Severity.ERROR,
      "A tap enslaved to a bridge hands every frame to the bridge, so an address on the tap never answers; the"
          + " host's address on that segment goes on the bridge (NAT behind a bridge: br0 has 192.168.0.1, the"
          + " taps have none).");
  static final RuleInfo EMPTY = new RuleInfo("bridge.empty", Severity.WARNING,
      "A bridge with no ports joins nothing: enslave taps (and, for one LAN bridged with the host's, the wired uplink) to it.");

  @Override
  public String id() {
    return "bridge";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(PORT_ADDRESS, EMPTY);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesLinksOr(c, Set.of(Bridge.class, Tap.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    for (Bridge b : t.elementsOf(Bridge.class).toList()) {
      List<Link> ports = t.linksOf(b.id());
      if (ports.isEmpty()) {
        out.add(Names.finding(EMPTY, Names.of(b) + " has no ports", List.of(b.id()), EMPTY.explain(),
            Fixes.of("Delete the unused " + b.name(), x -> new RemoveCommand(Set.of(b.id()), Set.of()))));
      }
      for (Link l : ports) {
        Optional<Tap> tap = t.element(l.other(b.id()).element()).filter(Tap.class::isInstance).map(Tap.class::cast);
        if (tap.isPresent() && tap.get().address() != null && !tap.get().address().isBlank()) {
          Tap x = tap.get();
          out.add(Names.finding(PORT_ADDRESS, "tap " + x.name() + " (" + x.id() + ") carries " + x.address()
                  + " although it is enslaved to " + Names.of(b), List.of(x.id(), b.id()), PORT_ADDRESS.explain(),
              Fixes.element("Remove the address of " + x.id(), x.id(), Tap.class, y -> y.withAddress(null))));
        }
      }
    }
    return out;
  }
}
