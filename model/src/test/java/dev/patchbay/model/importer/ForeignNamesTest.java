package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Process names name run folders and pid files: an import never gives two processes one. */
class ForeignNamesTest {
  @Test
  void twoGuestsOfOneNameAndASwitchOfItGetThreeProcessNames() {
    Topology t = new Topology("t", "", null);
    LabBuilder lab = new LabBuilder(t);
    lab.vdeSwitch("PC", "vde", false, null);
    for (int i = 0; i < 2; i++) {
      String id = lab.names().id("PC", "guest");
      lab.add(new Guest(id, lab.names().processName("PC", id), "x86_64", "pc", 128, null, List.of()));
    }
    assertEquals(List.of("PC-1", "PC-2"), t.elementsOf(Guest.class).map(Guest::name).toList());
    assertTrue(lab.names().warnings().contains("'PC' became guest name 'PC-2'"), lab.names().warnings().toString());
    assertEquals(List.of(), StandardRules.validator().check(t).stream()
        .filter(d -> d.rule().startsWith("qemu.name")).toList());
  }
}
