package dev.patchbay.model.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.patchbay.model.edit.Command;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.Point;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissingImagesTest {
  private static Topology design() {
    Topology t = new Topology("three", "", "seed");
    t.add(Guest.of("a", "a", new Nic("nic0", null, null, IpConfig.dhcp())).withDisk("a.img"), new Point(0, 0));
    t.add(Guest.of("b", "b", new Nic("nic0", null, null, IpConfig.dhcp())).withDisk("./img/b.img"), new Point(100, 0));
    t.add(Guest.of("c", "c", new Nic("nic0", null, null, IpConfig.dhcp())).withDisk("/elsewhere/c.img"), new Point(200, 0));
    t.add(Guest.of("d", "d", new Nic("nic0", null, null, IpConfig.dhcp())), new Point(300, 0));
    return t;
  }

  private static String disk(Topology t, String id) {
    return ((Guest) t.element(id).orElseThrow()).disk();
  }

  @Test
  void listsOnlyGuestsWhoseImageIsNotThere() {
    FakeImages images = new FakeImages("/labs").with("/elsewhere/c.img", 5);
    assertEquals(List.of("a", "b"), MissingImages.of(design(), images).stream().map(m -> m.guest().id()).toList());
  }

  @Test
  void forLaunchDropsOnlyTheMissingDisksFromACopy() {
    Topology t = design();
    FakeImages images = new FakeImages("/labs").with("/elsewhere/c.img", 5);
    Topology probing = MissingImages.forLaunch(t, images, MissingImages.of(t, images));
    assertNull(disk(probing, "a"));
    assertNull(disk(probing, "b"));
    assertEquals("/elsewhere/c.img", disk(probing, "c"));
    assertEquals("a.img", disk(t, "a"));
  }

  @Test
  void forLaunchGivesQemuAbsolutePathsFromTheDesignsFolder() {
    Topology t = design();
    FakeImages images = new FakeImages("/labs").with("/labs/a.img", 1).with("/labs/img/b.img", 1);
    Topology launch = MissingImages.forLaunch(t, images, List.of());
    assertEquals("/labs/a.img", disk(launch, "a"));
    assertEquals("/labs/img/b.img", disk(launch, "b"));
    assertNull(disk(launch, "d"));
  }

  @Test
  void relinkingOneFindsTheOthersInTheChosenFolderAndUndoesAsOneStep() {
    Topology t = design();
    FakeImages images = new FakeImages("/labs").with("/moved/a.img", 1).with("/moved/b.img", 2);
    List<MissingImages.Relink> plan = MissingImages.plan(t, images, "a", Path.of("/moved/a.img"));
    assertEquals(List.of("a", "b"), plan.stream().map(MissingImages.Relink::guestId).toList());
    Command c = MissingImages.command(t, plan, Optional.of(Path.of("/labs")));
    assertEquals("Relink 2 disk images", c.description());
    c.execute(t);
    assertEquals("/moved/a.img", disk(t, "a"));
    assertEquals("/moved/b.img", disk(t, "b"));
    c.undo(t);
    assertEquals("a.img", disk(t, "a"));
    assertEquals("./img/b.img", disk(t, "b"));
    c.execute(t);
    assertEquals("/moved/b.img", disk(t, "b"));
  }

  @Test
  void anImageInsideTheDesignsFolderIsLinkedRelatively() {
    Topology t = design();
    FakeImages images = new FakeImages("/labs");
    Command c = MissingImages.command(t, MissingImages.plan(t, images, "a", Path.of("/labs/new/a2.img")),
        Optional.of(Path.of("/labs")));
    c.execute(t);
    assertEquals("./new/a2.img", disk(t, "a"));
    assertEquals("Relink a", c.description());
  }
}
