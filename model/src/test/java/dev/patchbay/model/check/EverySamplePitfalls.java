package dev.patchbay.model.check;


import dev.patchbay.model.Samples;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.List;

/**
 * Mistakes injected into every sample where they apply, found by reading the sample rather than
 * listed by hand, so a new sample gets them too: two processes with one name, a name with a control
 * character.
 */
final class EverySamplePitfalls {
  private EverySamplePitfalls() {}

  static void add(List<Pitfalls.Case> c) {
    for (String sample : Samples.names()) {
      Topology t = Samples.load(sample);
      sameName(c, sample, t);
      unprintable(c, sample, t);
    }
  }

  /** Wherever a design runs two processes (guests, VDE switches), the second renamed as the first. */
  private static void sameName(List<Pitfalls.Case> c, String sample, Topology t) {
    List<Element> processes = t.elements().stream().filter(e -> e instanceof Guest || e instanceof VdeSwitch).toList();
    if (processes.size() < 2) {
      return;
    }
    String first = processes.get(0).name();
    String second = processes.get(1).id();
    c.add(new Pitfalls.Case("qemu.name-clash", sample, second, second + " renamed " + first,
        x -> x.replace(x.element(second).orElseThrow().withIdentity(second, first))));
  }

  /** In every sample: a newline in the first element's name, a tab in the first guest's. */
  private static void unprintable(List<Pitfalls.Case> c, String sample, Topology t) {
    Element first = t.elements().iterator().next();
    c.add(new Pitfalls.Case("name.unprintable", sample, first.id(), "a newline in the name of " + first.id(),
        x -> rename(x, first.id(), first.name() + "\nrm -rf /")));
    Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
    if (g != first) {
      c.add(new Pitfalls.Case("name.unprintable", sample, g.id(), "a tab in the name of " + g.id(),
          x -> rename(x, g.id(), "a\tb")));
    }
  }

  private static void rename(Topology t, String id, String name) {
    t.replace(t.element(id).orElseThrow().withIdentity(id, name));
  }
}
