package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LabLinksTest {
  private static Topology sample(String name) throws Exception {
    return TopologyFiles.load(Path.of("..", "samples", name + ".json"));
  }

  @Test
  void aGuestsLinkIsCarriedByItsNicsNetdev() throws Exception {
    LabLinks.Carrier c = LabLinks.carrier(sample("nat-routing"), "l3");
    assertEquals("guest2", c.guest().id());
    assertEquals("net-nic0", c.netdev());
  }

  @Test
  void aLinkWithoutGuestOrHubIsRefused() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LabLinks.carrier(sample("nat-routing"), "l1"));
    assertEquals("link 'l1' joins no guest or hub: no QEMU carries it", e.getMessage());
  }
}
