package dev.patchbay.app.designer;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.net.Mac;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A test-only duplicate-MAC rule: the validator on this branch has no MAC rule yet (another branch
 * grows the catalogue). The lead switches these tests to the real rule after the merge.
 */
public final class TestRules {
  private TestRules() {}

  public static Validator withDuplicateMac() {
    List<Rule> rules = new ArrayList<>(Validator.standard().rules());
    rules.add(new DuplicateMacRule());
    return new Validator(rules);
  }

  /** Reports the second NIC with a MAC another NIC has; the fix gives that NIC a fresh MAC. */
  public static final class DuplicateMacRule implements Rule {
    @Override
    public String id() {
      return "mac";
    }

    @Override
    public List<Diagnostic> check(Topology t) {
      Map<String, String> firstOwner = new HashMap<>();
      List<Diagnostic> out = new ArrayList<>();
      t.elementsOf(Guest.class).forEach(g -> g.nics().forEach(n -> {
        String mac = n.mac() == null ? null : n.mac().toLowerCase();
        if (mac == null) {
          return;
        }
        String owner = firstOwner.putIfAbsent(mac, g.id());
        if (owner != null) {
          out.add(Diagnostic.of("mac.duplicate", Severity.ERROR,
                  g.name() + ":" + n.name() + " has MAC " + mac + ", like " + owner, List.of(g.id(), owner))
              .withFix(new FreshMac(g.id(), n.name())));
        }
      }));
      return out;
    }
  }

  private record FreshMac(String guestId, String nic) implements Fix {
    @Override
    public String description() {
      return "Give " + nic + " a fresh MAC";
    }

    @Override
    public Command command(Topology t) {
      Guest g = (Guest) t.element(guestId).orElseThrow();
      Nic n = g.nic(nic).orElseThrow();
      return new ReplaceElementCommand(g.withNic(n.withMac(Mac.random(new Random(7)).toString())), description());
    }
  }
}
