package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.VdeSwitch;
import java.util.ArrayList;
import java.util.List;

/**
 * Names and labels are one line of visible text: a newline, tab, ESC, bidi override or zero-width
 * character in one breaks the diagrams' boxes, makes two names look alike, or reorders what the user
 * reads. The loader reads names as text (a design with such a name still opens); this rule refuses
 * them, by the one test of {@link Printable#lineProblem}. Stricter rules for names that reach the
 * kernel or QEMU ({@code ifname.*}, {@code qemu.name}) still apply on top.
 */
public final class LabelRule implements Rule {
  static final RuleInfo UNPRINTABLE = new RuleInfo("name.unprintable", Severity.ERROR,
      "A name is shown on one line in the canvas, the diagrams, the check's findings and the scripts' comments: a"
          + " newline, tab or other control character, or an invisible one (a bidi override, a zero-width space),"
          + " breaks that line or makes two different names look the same.");

  @Override
  public String id() {
    return "name";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(UNPRINTABLE);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return c instanceof TopologyChange.MetadataChanged || Changes.elementType(c).isPresent();
  }

  @Override
  public boolean decidesByName() {
    return true;
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Printable.lineProblem(t.name()).ifPresent(p -> out.add(Names.finding(UNPRINTABLE, "the design's name "
        + Printable.quoted(t.name()) + " " + p, List.of(), UNPRINTABLE.explain(),
        "Rename the design with visible characters only (its \"name\" in the file).")));
    for (Element e : t.elements()) {
      Printable.lineProblem(e.name()).ifPresent(p -> out.add(Names.finding(UNPRINTABLE, Names.of(e) + ", field name: "
          + Printable.quoted(e.name()) + " " + p, List.of(e.id()), UNPRINTABLE.explain(), rename(e))));
      if (e instanceof Guest g) {
        for (int i = 0; i < g.nics().size(); i++) {
          String nic = g.nics().get(i).name();
          int index = i;
          Printable.lineProblem(nic).ifPresent(p -> out.add(Names.finding(UNPRINTABLE, Names.of(g) + ", field nics["
              + index + "].name: " + Printable.quoted(nic) + " " + p, List.of(g.id()), UNPRINTABLE.explain(),
              "Rename the NIC with visible characters only, e.g. nic" + index + ".")));
        }
      }
    }
    return out;
  }

  /**
   * Each unprintable character replaced: by '_' where the name names an interface or a process
   * (where a space is refused too), by a space elsewhere.
   */
  private static dev.patchbay.model.check.Fix rename(Element e) {
    boolean strict = e instanceof Guest || e instanceof VdeSwitch || e.isHostInterface();
    String fixed = visible(e.name(), strict ? "_" : " ");
    String d = "Rename " + e.id() + " to " + Printable.quoted(fixed);
    return Fixes.of(d, t -> {
      Element now = t.element(e.id()).orElseThrow(() -> new IllegalStateException("no element " + e.id()));
      return new ReplaceElementCommand(now.withIdentity(now.id(), visible(now.name(), strict ? "_" : " ")), d);
    });
  }

  static String visible(String name, String replacement) {
    StringBuilder sb = new StringBuilder();
    name.codePoints().forEach(cp -> {
      String one = new String(Character.toChars(cp));
      sb.append(Printable.isPlain(one) ? one : replacement);
    });
    String s = sb.toString().strip();
    return s.isEmpty() ? "unnamed" : s;
  }
}
