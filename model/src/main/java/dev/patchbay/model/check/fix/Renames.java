package dev.patchbay.model.check.fix;

import dev.patchbay.model.check.Fix;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.ConnectCommand;
import dev.patchbay.model.edit.RemoveCommand;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renames a fix can offer without asking: a process name (guest, VDE switch) made plain and unique,
 * and a NIC name made a plain free nicN with its links following it.
 */
public final class Renames {
  private Renames() {}

  /** Renames an element (its id, and so every link and host setting naming it, stays). */
  public static Fix element(String id, String name) {
    String d = "Rename " + id + " to " + name;
    return Fixes.of(d, t -> new ReplaceElementCommand(
        t.element(id).orElseThrow(() -> new IllegalStateException("no element " + id)).withIdentity(id, name), d));
  }

  /**
   * The name the user meant, as a process may be called: odd characters become '_' (as the run
   * folder would have them), leading dots and '_' go, it is cut to {@code limit}, and suffixed
   * -2, -3... until no other guest or VDE switch maps to the same run folder.
   */
  public static String processName(Topology t, Element e, int limit) {
    // A leading dot would hide the run folder, and "../../etc" means "etc" more than ".._.._etc".
    String base = QemuValues.processKey(e.name()).replaceAll("^[._]+", "");
    if (base.isEmpty()) {
      base = e instanceof VdeSwitch ? "switch" : "guest";
    }
    Set<String> taken = new HashSet<>();
    t.elements().stream().filter(x -> x != e && !x.id().equals(e.id()))
        .filter(x -> x instanceof Guest || x instanceof VdeSwitch)
        .forEach(x -> taken.add(QemuValues.processKey(x.name())));
    String name = cut(base, limit);
    for (int i = 2; taken.contains(name); i++) {
      String suffix = "-" + i;
      name = cut(base, limit - suffix.length()) + suffix;
    }
    return name;
  }

  private static String cut(String s, int limit) {
    return s.length() <= limit ? s : s.substring(0, limit);
  }

  /**
   * Gives a guest's NIC the first free nicN name; its links are unplugged from the old name and
   * plugged into the new one in the same step, so no cable dangles.
   */
  public static Fix nic(Guest g, int index) {
    Set<String> names = new HashSet<>();
    g.nics().forEach(n -> names.add(n.name()));
    int free = 0;
    while (names.contains("nic" + free)) {
      free++;
    }
    String fresh = "nic" + free;
    String old = g.nics().get(index).name();
    String d = "Rename NIC " + Printable.name(old) + " of " + g.id() + " to " + fresh;
    return Fixes.of(d, t -> {
      Guest now = (Guest) t.element(g.id()).orElseThrow(() -> new IllegalStateException("no guest " + g.id()));
      List<Nic> nics = new ArrayList<>(now.nics());
      Nic n = nics.get(index);
      nics.set(index, new Nic(fresh, n.model(), n.mac(), n.ip()));
      Endpoint from = Endpoint.of(g.id(), old);
      Endpoint to = Endpoint.of(g.id(), fresh);
      List<Link> moved = t.linksAt(from);
      List<Command> parts = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      moved.forEach(l -> ids.add(l.id()));
      if (!ids.isEmpty()) {
        parts.add(new RemoveCommand(Set.of(), ids));
      }
      parts.add(new ReplaceElementCommand(now.withNics(nics), d));
      for (Link l : moved) {
        parts.add(new ConnectCommand(new Link(l.id(), l.a().equals(from) ? to : l.a(), l.b().equals(from) ? to : l.b())));
      }
      return new CompoundCommand(d, parts);
    });
  }
}
