package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Renames;
import dev.patchbay.model.net.ProcessName;
import dev.patchbay.model.qemu.QemuValues;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of the processes a lab runs (guests and VDE switches): each names QEMU's -name, a run
 * folder and a pid file, so it must be a plain file name and differ from every other once odd
 * characters are replaced. Apart from {@link QemuValueRule} because it decides by names: a rename
 * re-runs this cheap rule only.
 */
public final class ProcessNameRule implements Rule {
  static final RuleInfo NAME = new RuleInfo("qemu.name", Severity.ERROR,
      "A guest's name is QEMU's -name, an option list where a comma starts options (foo,debug-threads=on), and it"
          + " names the guest's run folder and pid file: 1-64 letters, digits, '.', '-' and '_', not only dots.");
  static final RuleInfo NAME_CLASH = new RuleInfo("qemu.name-clash", Severity.ERROR,
      "Every guest and VDE switch gets a run folder and a pid file named after it (other characters become '_'):"
          + " two whose names map to the same file would share it, and stopping one would stop the other.");
  static final RuleInfo VDE_NAME = new RuleInfo("vde.name", Severity.ERROR,
      "A VDE switch's name names its run folder and pid file (1-64 letters, digits, '.', '-', '_'); without a socket"
          + " folder of its own it also names its folder in the lab's runtime folder, and /run/patchbay/LAB/NAME/ctl"
          + " must fit a unix socket path for any lab name, so such a name has at most "
          + ProcessNameRule.DEFAULT_SOCKET_NAME + " characters.");

  /** Longest VDE name with no socket folder: /run/patchbay/ (14) + lab (40) + / + NAME + /ctl within 107 bytes. */
  static final int DEFAULT_SOCKET_NAME = 48;

  @Override
  public String id() {
    return "process-name";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(NAME, NAME_CLASH, VDE_NAME);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesOnly(c, Set.of(Guest.class, VdeSwitch.class));
  }

  @Override
  public boolean decidesByName() {
    return true;
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Element> processes = new HashMap<>();
    for (Element e : t.elements()) {
      if (e instanceof Guest g) {
        QemuValues.guestNameProblem(g.name()).ifPresent(p -> out.add(Names.finding(NAME, Names.of(g) + ", field name: "
            + p, List.of(g.id()), NAME.explain(), rename(t, g))));
        clash(t, processes, g, out);
      } else if (e instanceof VdeSwitch v) {
        vdeName(v).ifPresent(p -> out.add(Names.finding(VDE_NAME, Names.of(v) + ", field name: " + p, List.of(v.id()),
            VDE_NAME.explain(), rename(t, v))));
        clash(t, processes, v, out);
      }
    }
    return out;
  }

  private static Optional<String> vdeName(VdeSwitch v) {
    Optional<String> name = QemuValues.guestNameProblem(v.name());
    if (name.isEmpty() && !v.hasOwnSocketPath() && v.name().length() > DEFAULT_SOCKET_NAME) {
      return Optional.of(Printable.quoted(v.name()) + " has " + v.name().length() + " characters; without a socket path"
          + " of its own at most " + DEFAULT_SOCKET_NAME + " fit a unix socket path");
    }
    return name;
  }

  /**
   * The name the user typed, made plain and unique (see {@link Renames#processName}): the run folder
   * would have had that name anyway, so nothing the user chose is lost.
   */
  private static Fix rename(Topology t, Element e) {
    int limit = e instanceof VdeSwitch v && !v.hasOwnSocketPath() ? DEFAULT_SOCKET_NAME : ProcessName.MAX;
    return Renames.element(e.id(), Renames.processName(t, e, limit));
  }

  /** Guests and VDE switches share one set of pid files in an exported script: keys must differ. */
  private static void clash(Topology t, Map<String, Element> processes, Element e, List<Diagnostic> out) {
    String key = QemuValues.processKey(e.name());
    Element before = processes.putIfAbsent(key, e);
    if (before == null) {
      return;
    }
    String how = before.name().equals(e.name()) ? "are both named " + Printable.quoted(e.name())
        : "have the names " + Printable.quoted(before.name()) + " and " + Printable.quoted(e.name())
            + ", which both make the file name " + key;
    out.add(Names.finding(NAME_CLASH, Names.of(before) + " and " + Names.of(e) + " " + how, List.of(before.id(), e.id()),
        NAME_CLASH.explain(), rename(t, e)));
  }
}
