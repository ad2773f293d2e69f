package dev.patchbay.model.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import org.junit.jupiter.api.Test;

/** A guest's display: written only when on, read back, kept by every copy, and only a known one. */
class GuestDisplayTest {
  @Test
  void aVncDisplayRoundTripsThroughTheFileAndNoneIsNotWritten() throws Exception {
    Topology t = new Topology();
    t.add(Guest.of("g1", "GUEST1").withDisplay("vnc"), new Point(0, 0));
    t.add(Guest.of("g2", "GUEST2").withDisplay("none"), new Point(0, 0));
    String json = TopologyFiles.toJson(t);
    assertEquals(1, json.split("\"display\"", -1).length - 1, json);
    Topology back = TopologyFiles.parse(json, "test");
    assertTrue(((Guest) back.element("g1").orElseThrow()).hasVncDisplay());
    assertNull(((Guest) back.element("g2").orElseThrow()).display());
  }

  @Test
  void everyCopyOfAGuestKeepsItsDisplay() {
    Guest g = Guest.of("g1", "GUEST1").withDisplay("vnc");
    for (Guest copy : new Guest[] {g.withMemory(256), g.withDisk("/d.img"), g.withMachine("q35"),
        g.withIdentity("g2", "GUEST2"), g.withNics(java.util.List.of())}) {
      assertTrue(copy.hasVncDisplay(), copy.toString());
    }
  }

  @Test
  void anUnknownDisplayIsRefusedNamingTheKnownOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Guest.of("g1", "GUEST1").withDisplay("rdp"));
    assertTrue(e.getMessage().contains("none, vnc"), e.getMessage());
    assertFalse(Guest.of("g1", "GUEST1").hasVncDisplay());
  }
}
