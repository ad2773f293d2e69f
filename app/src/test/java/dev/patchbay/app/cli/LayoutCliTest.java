package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutCliTest {
  @TempDir
  Path dir;

  private static Path sample(String name) {
    return CliTest.samples().resolve(name);
  }

  @Test
  void layoutWritesTheDesignWithEveryElementMovedAndNothingElseChanged() throws Exception {
    Path out = dir.resolve("out.json");
    CliTest.Run r = CliTest.run("layout", sample("nat-bridge.json").toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("wrote " + out + ": 8 of 8 elements laid out"), r.out());
    Topology before = TopologyFiles.load(sample("nat-bridge.json"));
    Topology after = TopologyFiles.load(out);
    assertEquals(before.elements().size(), after.layout().size());
    assertNotEquals(before.layout(), after.layout());
    Topology unmoved = TopologyFiles.load(out);
    before.layout().forEach(unmoved::move);
    assertEquals(TopologyFiles.toJson(before), TopologyFiles.toJson(unmoved), "only positions changed");
  }

  @Test
  void unplacedLeavesPlacedElementsWhereTheyAre() throws Exception {
    Topology t = TopologyFiles.load(sample("hub-tap.json"));
    Map<String, Point> kept = Map.copyOf(t.layout());
    Topology partial = new Topology(t.name(), t.description(), t.seed());
    partial.setHost(t.host());
    t.elements().forEach(e -> partial.add(e, e.kind().isHostInterface() ? null : kept.get(e.id())));
    t.links().forEach(partial::connect);
    Path in = dir.resolve("partial.json");
    TopologyFiles.save(partial, in);
    Path out = dir.resolve("out.json");
    CliTest.Run r = CliTest.run("layout", in.toString(), "-o", out.toString(), "--unplaced");
    assertEquals(0, r.code(), r.err());
    Topology after = TopologyFiles.load(out);
    partial.layout().forEach((id, p) -> assertEquals(p, after.position(id).orElseThrow(), id));
    assertEquals(t.elements().size(), after.layout().size());
  }

  @Test
  void anUnreadableFileExitsTwoWithOneLine() {
    CliTest.Run r = CliTest.run("layout", dir.resolve("nope.json").toString(), "-o", dir.resolve("o.json").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("patchbay layout: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void anUnwritableOutputExitsTwoNamingIt() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    Path out = blocker.resolve("out.json");
    CliTest.Run r = CliTest.run("layout", sample("nat-bridge.json").toString(), "-o", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("patchbay layout: cannot write " + out), r.err());
  }
}
