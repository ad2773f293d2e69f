package dev.patchbay.model.check;

import static dev.patchbay.model.Edits.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two guests on user net's segment: TCP between them races slirp's resets (seen with real frames). */
class SlirpSegmentRuleTest {
  private static final Validator VALIDATOR = StandardRules.validator();

  @Test
  void aSecondGuestOnUserNetsHubIsWarnedOfSlirpsResets() {
    Topology t = Samples.load("user-on-hub.json");
    addGuestOn(t, "vlan1");
    List<Diagnostic> found = shared(t);
    assertEquals(1, found.size(), () -> found.toString());
    assertEquals(Severity.WARNING, found.get(0).severity());
    assertTrue(found.get(0).elements().containsAll(List.of("user0", "guest", "guest2")), found.get(0).elements()::toString);
    assertTrue(found.get(0).message().contains("races slirp's resets"), found.get(0).message());
  }

  @Test
  void oneGuestOnUserNetsHubEvenWithTwoNicsIsNotWarned() {
    for (String sample : Samples.names()) {
      assertEquals(List.of(), shared(Samples.load(sample)), sample);
    }
  }

  @Test
  void guestsAddressedOutsideUserNetsNetAreNotWarned() {
    Topology t = Samples.load("user-on-hub.json");
    addGuestOn(t, "vlan1");
    Guest g2 = (Guest) t.element("guest2").orElseThrow();
    t.replace(g2.withNic(g2.nics().get(0).withIp(IpConfig.fixed("10.1.0.5/24", null))));
    assertEquals(List.of(), shared(t));
    t.replace(g2.withNic(g2.nics().get(0).withIp(IpConfig.fixed("10.0.2.20/24", null))));
    assertEquals(1, shared(t).size(), "a static address inside user net's net is on slirp's side");
  }

  @Test
  void aGuestOnAnotherHubIsNotWarned() {
    Topology t = Samples.load("user-on-hub.json");
    t.add(new dev.patchbay.model.topology.Hub("vlan7", "vlan7", 7), null);
    addGuestOn(t, "vlan7");
    assertEquals(List.of(), shared(t));
  }

  private static void addGuestOn(Topology t, String hub) {
    Guest g = t.elementsOf(Guest.class).findFirst().orElseThrow();
    Nic nic = g.nics().get(0);
    t.add(g.withIdentity("guest2", "guest2").withNics(List.of(new Nic("nic0", nic.model(), "52:54:00:08:00:99",
        nic.ip()))), null);
    link(t, "x-guest2", "guest2:nic0", hub);
  }

  private static List<Diagnostic> shared(Topology t) {
    return VALIDATOR.check(t).stream().filter(d -> d.rule().equals("usernet.shared-segment")).toList();
  }
}
