package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `patchbay up` end to end (plan against the live state, journal, steps, "applied") of a lab of 20
 * bridges with addresses and 200 taps as their ports (660 steps) into a throwaway namespace, against
 * one `ip -batch` process making the same objects in another. The journal lives on the same disk as
 * a user's state directory (under target/, not a tmpfs), so its fsyncs cost what they cost there.
 * Prints figures; asserts nothing about time.
 */
public final class UpBenchmark {
  static final int BRIDGES = 20;
  static final int TAPS = 200;

  private UpBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    for (int round = 1; round <= rounds; round++) {
      System.out.printf(Locale.ROOT, "%n== up round %d of %d ==%n", round, rounds);
      // The first up of a JVM pays class loading and JIT, as every `patchbay up` does; later ones
      // run warm, as the designer's long-lived agent does from its second apply on.
      round(round == 1 ? "fresh JVM" : "warm JVM");
    }
  }

  /** One round in two fresh namespaces; prints the rows NetlinkRows collects. */
  public static void round(String jvm) throws Exception {
    Topology t = topology();
    Path state = Files.createTempDirectory(Path.of(System.getProperty("user.dir")), "pb-upbench-");
    try (TestNamespace mine = TestNamespace.create(); TestNamespace theirs = TestNamespace.create()) {
      Labs labs = new Labs(state);
      String lab = "upbench";
      long start = System.nanoTime();
      Labs.UpResult r = labs.up(t, lab, TargetSpec.netns(mine.name()), 0, "bench");
      double upSeconds = (System.nanoTime() - start) / 1e9;
      double ipSeconds = ipBatch(theirs);
      int lines = labs.journal(lab).entries().size();
      row("patchbay up of " + r.plan().steps().size() + " steps end to end, " + jvm + " (journal, into a namespace)",
          upSeconds * 1000, "ms");
      row("the same lab with `ip -batch`, next to the " + jvm + " round", ipSeconds * 1000, "ms");
      row("ratio patchbay up / ip -batch, " + jvm + " (goal <= 1.5)", upSeconds / ipSeconds, "x");
      System.out.printf(Locale.ROOT, "   (journal lines %d; links afterwards: up %d, ip %d)%n", lines,
          mine.ipJson("link", "show").size(), theirs.ipJson("link", "show").size());
      if (!Planner.plan(t, LiveStateReader.read(Target.namespace(mine.name()), java.util.Set.of())).steps().isEmpty()) {
        throw new IOException("the lab is not fully applied: re-planning is not empty");
      }
      // The links go now, outside the timed parts: a namespace deleted with 220 links in it is
      // cleaned up by the kernel afterwards, holding the rtnetlink lock for up to a second (each
      // bridge port an RCU grace period), and the next round's or the next JVM's up, the first
      // timed part, would wait behind it (seen: its live-state read taking 700-930 ms instead of
      // 20-200). `ip -batch`, timed after the up, never met that cleanup.
      deleteGroup(mine, Marker.of(lab).group());
      deleteGroup(theirs, 4242);
    } finally {
      try (var walk = Files.walk(state)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void deleteGroup(TestNamespace ns, int group) throws IOException {
    TestNamespace.run(List.of("ip", "-n", ns.name(), "link", "del", "group", String.valueOf(group)));
  }

  static Topology topology() {
    Topology t = new Topology();
    for (int b = 0; b < BRIDGES; b++) {
      t.add(new Bridge("br" + b, "br" + b, "10." + (b + 1) + ".0.1/24", false), null);
    }
    for (int i = 0; i < TAPS; i++) {
      t.add(new Tap("t" + i, "tap" + i, null, null), null);
      t.connect(new Link("l" + i, Endpoint.of("t" + i), Endpoint.of("br" + (i % BRIDGES))));
    }
    return t;
  }

  /** The same objects, marked the same way, through one `ip -n NS -batch FILE`, its start included. */
  static double ipBatch(TestNamespace ns) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int b = 0; b < BRIDGES; b++) {
      lines.add("link add name br" + b + " group 4242 type bridge stp_state 0");
      lines.add("link set dev br" + b + " alias patchbay:upbench");
    }
    for (int i = 0; i < TAPS; i++) {
      lines.add("tuntap add dev tap" + i + " mode tap");
      lines.add("link set dev tap" + i + " group 4242 alias patchbay:upbench");
      lines.add("link set dev tap" + i + " master br" + i % BRIDGES);
    }
    for (int b = 0; b < BRIDGES; b++) {
      lines.add("link set dev br" + b + " up");
    }
    for (int i = 0; i < TAPS; i++) {
      lines.add("link set dev tap" + i + " up");
    }
    for (int b = 0; b < BRIDGES; b++) {
      lines.add("addr add 10." + (b + 1) + ".0.1/24 dev br" + b);
    }
    Path file = Files.createTempFile("pb-upbench", ".ip");
    try {
      Files.write(file, lines);
      long start = System.nanoTime();
      TestNamespace.run(List.of("ip", "-n", ns.name(), "-batch", file.toString()));
      return (System.nanoTime() - start) / 1e9;
    } finally {
      Files.delete(file);
    }
  }

  private static void row(String what, double value, String unit) {
    System.out.printf(Locale.ROOT, "%-78s %9.2f %s%n", what, value, unit);
  }
}
