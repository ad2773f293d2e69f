package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.Netns;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Helpers for the apply live tests: unique lab names, samples, snapshots of a namespace through iproute2/nft. */
final class LabFixture {
  static final Path SAMPLES = Path.of("..", "samples");

  private LabFixture() {}

  static String uniqueLab() {
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    return "t" + HexFormat.of().formatHex(random);
  }

  static Topology sample(String file) throws Exception {
    return TopologyFiles.load(SAMPLES.resolve(file));
  }

  static List<String> samples() throws IOException {
    try (var files = Files.list(SAMPLES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  /** Everything the tests compare before and after: see {@link TestNamespace#snapshot}. */
  static String snapshot(String ns) throws IOException {
    return TestNamespace.snapshot(ns);
  }

  /** A namespace with an uplink like a host's: see {@link TestNamespace#addUplinks}. */
  static void addUplinks(String ns) throws IOException {
    TestNamespace.addUplinks(ns);
  }

  /** Deletes a test lab's sandbox namespaces if a failing test left them. */
  static void deleteSandbox(String lab) throws IOException {
    for (String ns : Sandbox.namespaces(lab)) {
      Netns.delete(ns);
    }
  }

  static boolean anyLeft(String lab) {
    return Sandbox.namespaces(lab).stream().anyMatch(Netns::exists);
  }
}
