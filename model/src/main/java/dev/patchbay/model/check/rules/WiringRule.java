package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Hub;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Links that break the rules of what may connect to what: a NIC on a bridge, a tap in two bridges,
 * a NIC wired twice. Each link is judged against the links listed before it, so the first of two
 * competing links stands and the later one is reported.
 */
public final class WiringRule implements Rule {
  static final RuleInfo INVALID = new RuleInfo("link.invalid", Severity.ERROR,
      "Some things cannot be wired: two NICs directly (join them with a hub or a socket), a NIC to a bridge (a guest"
          + " reaches the host through a tap), a tap held by two QEMU processes, an interface in two bridges.");

  @Override
  public String id() {
    return "link";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(INVALID);
  }

  /** Roles of link ends and how full they are: links and elements, never host settings or guests' addresses. */
  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesWiring(c) && !Changes.keepsGuestWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology topology) {
    Topology scratch = new Topology();
    topology.elements().forEach(e -> scratch.add(e, null));
    List<Diagnostic> out = new ArrayList<>();
    for (Link link : topology.links()) {
      Optional<String> refused = Wiring.refuse(scratch, link.a(), link.b());
      if (refused.isPresent()) {
        Diagnostic d = Diagnostic.of(INVALID.id(), INVALID.severity(),
                "Link " + link.id() + " (" + link.a() + " - " + link.b() + "): " + refused.get(),
                List.of(link.id(), link.a().element(), link.b().element()))
            .explained(refused.get(), "Delete link " + link.id() + " and wire the ends as described.");
        out.add(resolves(topology, link.a()) && resolves(topology, link.b()) && keepsHubNic(topology, link, link.a())
            && keepsHubNic(topology, link, link.b()) ? d.withFix(Fixes.of("Delete link "
            + link.id(), x -> new RemoveCommand(Set.of(), Set.of(link.id())))) : d);
      } else {
        scratch.connect(link);
      }
    }
    return out;
  }

  /**
   * Whether an end names something that exists. A link to a NIC name the guest lacks is left to the
   * user (and to nic.name-duplicate's rename, when a NIC took that name by mistake): deleting it
   * would cut the cable of a NIC the user only misnamed.
   */
  private static boolean resolves(Topology t, Endpoint end) {
    return t.element(end.element()).map(e -> !(e instanceof Guest g) || g.nic(end.port()).isPresent()).orElse(false);
  }

  /** Deleting the link leaves a hub at its end a NIC (else QEMU refuses the hub: the link is not the only mistake). */
  private static boolean keepsHubNic(Topology t, Link link, Endpoint end) {
    if (!(t.element(end.element()).orElse(null) instanceof Hub)) {
      return true;
    }
    return t.linksOf(end.element()).stream().filter(l -> !l.id().equals(link.id()))
        .map(l -> l.other(end.element())).anyMatch(o -> t.element(o.element()).filter(Guest.class::isInstance)
            .map(Guest.class::cast).flatMap(g -> g.nic(o.port())).isPresent());
  }
}
