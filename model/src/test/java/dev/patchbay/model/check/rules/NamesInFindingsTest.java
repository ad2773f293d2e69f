package dev.patchbay.model.check.rules;

import static dev.patchbay.model.Edits.change;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How findings show the user's names, and the refusal of names that are no line of visible text. */
class NamesInFindingsTest {
  private static List<Diagnostic> check(Topology t) {
    return StandardRules.validator().check(t);
  }

  private static Diagnostic only(Topology t, String rule) {
    List<Diagnostic> found = check(t).stream().filter(d -> d.rule().equals(rule)).toList();
    assertEquals(1, found.size(), () -> rule + ": " + found);
    return found.get(0);
  }

  @Test
  void aSpaceInANameReadsAsASpaceInQuotes() {
    Topology t = Samples.load("nat-bridge.json");
    change(t, "tap1", Tap.class, x -> (Tap) x.withIdentity("tap1", "tap 1"));
    change(t, "guest2", Guest.class, g -> g.withIdentity("guest2", "my guest"));
    String tap = only(t, "ifname.invalid").message();
    assertTrue(tap.contains("'tap 1' contains a space"), tap);
    String guest = only(t, "qemu.name").message();
    assertTrue(guest.startsWith("guest 'my guest' (guest2)"), guest);
    check(t).forEach(d -> assertFalse(d.message().contains("\\u0020"), d::message));
  }

  @Test
  void aNewlineInANameIsRefusedNamingTheElementAndTheField() {
    Topology t = Samples.load("routed-tun.json");
    change(t, "lan", Lan.class, l -> (Lan) l.withIdentity("lan", "home\nLAN"));
    Diagnostic d = only(t, "name.unprintable");
    assertEquals(List.of("lan"), d.elements());
    assertEquals("LAN 'home\\nLAN' (lan), field name: 'home\\nLAN' holds a newline (\\n) at character 5",
        d.message());
    assertFalse(d.message().contains("\n"));
  }

  @Test
  void aControlCharacterInANicNameIsRefusedWithItsGuest() {
    Topology t = Samples.load("routed-tun.json");
    change(t, "guest", Guest.class, g -> g.withNics(List.of(new dev.patchbay.model.topology.Nic("nic\t0", g.nics().get(0).model(), g.nics().get(0).mac(), g.nics().get(0).ip()))));
    assertTrue(check(t).stream().anyMatch(d -> d.rule().equals("name.unprintable") && d.elements().equals(List.of("guest"))
        && d.message().contains("field nics[0].name")));
  }

  @Test
  void aControlCharacterInTheDesignsNameIsRefused() {
    Topology t = new Topology("lab\u001b[2J", "", null);
    Diagnostic d = only(t, "name.unprintable");
    assertTrue(d.message().startsWith("the design's name 'lab\\e[2J'"), d.message());
  }

  @Test
  void theFixMakesAGuestsNameOneLineThatQemuTakes() {
    Topology t = Samples.load("routed-tun.json");
    change(t, "guest", Guest.class, g -> g.withIdentity("guest", "web\nserver"));
    Diagnostic d = only(t, "name.unprintable");
    new CommandStack(t).push(d.mechanicalFix().orElseThrow().command(t));
    assertEquals("web_server", t.element("guest").orElseThrow().name());
    assertTrue(check(t).stream().noneMatch(x -> x.rule().equals("name.unprintable") || x.rule().equals("qemu.name")));
  }

  @Test
  void renamingTheDesignIsCheckedAgainAsItIsEdited() {
    Topology t = Samples.load("routed-tun.json");
    try (dev.patchbay.model.check.IncrementalValidator v = new dev.patchbay.model.check.IncrementalValidator(t,
        StandardRules.validator())) {
      assertTrue(v.diagnostics().stream().noneMatch(d -> d.rule().equals("name.unprintable")));
      t.setMetadata("lab\nrm -rf /", t.description(), t.seed());
      assertTrue(v.diagnostics().stream().anyMatch(d -> d.rule().equals("name.unprintable")));
      t.setMetadata("lab", t.description(), t.seed());
      assertTrue(v.diagnostics().stream().noneMatch(d -> d.rule().equals("name.unprintable")));
    }
  }
}
