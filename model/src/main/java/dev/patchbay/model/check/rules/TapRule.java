package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.AddElementCommand;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.PortRole;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.Wiring;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** A tap's file descriptor has one holder: one NIC, one hub or one VDE switch (a tap per guest). */
public final class TapRule implements Rule {
  static final RuleInfo SHARED = new RuleInfo("tap.shared", Severity.ERROR,
      "\"A new tap device is created for each instance of qemu\" (the classic notes): one process holds a tap's file"
          + " descriptor, so a second NIC on the same tap gets \"could not configure /dev/net/tun: Device or"
          + " resource busy\". Give every NIC its own tap and join the taps with a bridge.");
  static final RuleInfo UNHELD = new RuleInfo("tap.unheld", Severity.WARNING,
      "A tap that no QEMU NIC, hub or VDE switch holds has no carrier: the host sees it down and nothing crosses it.");

  private static final Set<PortRole> HOLDERS = EnumSet.of(PortRole.NIC, PortRole.HUB, PortRole.VDE);

  @Override
  public String id() {
    return "tap";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(SHARED, UNHELD);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesWiring(c) && !Changes.keepsGuestWiring(c);
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Supplier<Replug> replug = Replug.of(t);
    for (Tap tap : t.elementsOf(Tap.class).toList()) {
      List<Link> holders = t.linksOf(tap.id()).stream()
          .filter(l -> Wiring.role(t, l.other(tap.id())).ok()
              && HOLDERS.contains(Wiring.role(t, l.other(tap.id())).value()))
          .toList();
      if (holders.isEmpty()) {
        out.add(unheld(t, replug, tap));
        continue;
      }
      for (Link extra : holders.subList(1, holders.size())) {
        Endpoint holder = extra.other(tap.id());
        out.add(Names.finding(SHARED, "tap " + tap.name() + " (" + tap.id() + ") is held by both "
                + holders.get(0).other(tap.id()) + " and " + holder, List.of(tap.id(), holder.element(), extra.id()),
            SHARED.explain(), ownTap(t, tap, extra, holder)));
      }
    }
    return out;
  }

  /** The NIC pulled from it goes back; an unused tap with nothing on it goes; else the user picks a holder. */
  private static Diagnostic unheld(Topology t, Supplier<Replug> replug, Tap tap) {
    String msg = "nothing in QEMU holds tap " + tap.name() + " (" + tap.id() + ")";
    Optional<Fix> fix = replug.get().forSlot(tap.id());
    if (fix.isEmpty() && t.linksOf(tap.id()).isEmpty() && (tap.address() == null || tap.address().isBlank())) {
      fix = Optional.of(Fixes.of("Delete the unused " + tap.name(), x -> new RemoveCommand(Set.of(tap.id()), Set.of())));
    }
    return fix.map(f -> Names.finding(UNHELD, msg, List.of(tap.id()), UNHELD.explain(), f))
        .orElseGet(() -> Names.finding(UNHELD, msg, List.of(tap.id()), UNHELD.explain(), "Link a guest's NIC (whose"
            + " address is in " + tap.id() + "'s subnet), a hub or a VDE switch to " + tap.id() + ", or delete it."));
  }

  /** Moves the extra holder to a new tap with a free name, enslaved to the same bridge if there is one. */
  private static Fix ownTap(Topology design, Tap tap, Link extra, Endpoint holder) {
    if (wiredElsewhere(design, holder, extra)) {
      // The holder is wired elsewhere already (a NIC on its hub too): the extra link is the mistake.
      return Fixes.of("Delete link " + extra.id() + " (" + holder + " is wired already)",
          x -> new RemoveCommand(Set.of(), Set.of(extra.id())));
    }
    return Fixes.of("Give " + holder + " its own tap", t -> {
      String id = t.freshId("tap");
      Tap fresh = new Tap(id, t.freshName("tap"), null, tap.owner());
      Point at = t.position(tap.id()).map(p -> new Point(p.x(), p.y() + 80)).orElse(null);
      List<String> linkIds = freshLinkIds(t, 2);
      List<Command> steps = new ArrayList<>(List.of(new RemoveCommand(Set.of(), Set.of(extra.id())),
          new AddElementCommand(fresh, at), new ConnectCommand(new Link(linkIds.get(0), holder, Endpoint.of(id)))));
      bridgeOf(t, tap).ifPresent(b -> steps.add(
          new ConnectCommand(new Link(linkIds.get(1), Endpoint.of(id), Endpoint.of(b.id())))));
      return new CompoundCommand("Give " + holder + " its own tap " + fresh.name(), steps);
    });
  }

  private static boolean wiredElsewhere(Topology t, Endpoint holder, Link extra) {
    return t.linksOf(holder.element()).stream()
        .anyMatch(l -> !l.id().equals(extra.id()) && (l.a().equals(holder) || l.b().equals(holder)));
  }

  private static Optional<Bridge> bridgeOf(Topology t, Tap tap) {
    return t.linksOf(tap.id()).stream().map(l -> t.element(l.other(tap.id()).element()))
        .flatMap(Optional::stream).filter(Bridge.class::isInstance).map(Bridge.class::cast).findFirst();
  }

  private static List<String> freshLinkIds(Topology t, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; ids.size() < n; i++) {
      String c = "l" + i;
      if (!t.contains(c) && t.link(c).isEmpty() && t.note(c).isEmpty()) {
        ids.add(c);
      }
    }
    return ids;
  }
}
