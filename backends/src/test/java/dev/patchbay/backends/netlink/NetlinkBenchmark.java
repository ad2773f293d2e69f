package dev.patchbay.backends.netlink;

import dev.patchbay.backends.tun.Tap;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Apply, teardown and counter-poll costs of the netlink backend against iproute2, each round in
 * fresh throwaway namespaces (never the root namespace). Prints figures; asserts nothing about time.
 *
 * <pre>
 * mvn -B -q -o -pl backends -am test-compile
 * mvn -B -q -o -pl backends dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp backends/target/test-classes:backends/target/classes:model/target/classes:$(cat backends/target/cp.txt) \
 *     dev.patchbay.backends.netlink.NetlinkBenchmark [rounds]
 * </pre>
 */
public final class NetlinkBenchmark {
  static final int BRIDGES = 100;
  static final int TAPS = 1000;
  static final int VETH_PAIRS = 450;
  static final int GROUP = 4242;
  static final String LAB = "patchbay:bench";

  private NetlinkBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    for (int round = 1; round <= rounds; round++) {
      System.out.printf(Locale.ROOT, "%n== round %d of %d ==%n", round, rounds);
      runRound(round % 2 == 0);
    }
  }

  private static void runRound(boolean ipFirst) throws Exception {
    try (TestNamespace mine = TestNamespace.create(); TestNamespace theirs = TestNamespace.create()) {
      double ipSeconds = 0;
      if (ipFirst) {
        ipSeconds = applyWithIpBatch(theirs);
      }
      try (NamespaceThread thread = NamespaceThread.enter(mine.name()); RtNetlink nl = RtNetlink.openIn(thread)) {
        double backendSeconds = applyWithBackend(thread, nl);
        if (!ipFirst) {
          ipSeconds = applyWithIpBatch(theirs);
        }
        int ipLinks = theirs.ipJson("link", "show").size();
        int myLinks = nl.links().size();
        row("apply 100 bridges + 1000 taps + enslave + 100 addresses (netlink)", backendSeconds * 1000, "ms");
        row("the same with `ip -batch`", ipSeconds * 1000, "ms");
        row("ratio netlink / ip -batch (goal <= 1.5)", backendSeconds / ipSeconds, "x");
        System.out.printf(Locale.ROOT, "   (links afterwards: netlink %d, ip %d)%n", myLinks, ipLinks);
        addVeths(nl);
        measureCounters(nl);
        measureTeardown(nl, theirs);
        measurePlainTeardown(thread, nl);
      }
    }
  }

  static double applyWithBackend(NamespaceThread thread, RtNetlink nl) throws IOException {
    long start = System.nanoTime();
    List<NewLink> bridges = new ArrayList<>();
    for (int b = 0; b < BRIDGES; b++) {
      bridges.add(NewLink.bridge("br" + b).group(GROUP).alias(LAB).up());
    }
    nl.create(bridges).throwIfFailed();
    Map<String, Integer> index = nl.indexes();
    thread.call(() -> {
      for (int t = 0; t < TAPS; t++) {
        try (Tap tap = Tap.create("tap" + t)) {
          tap.owner(0);
          tap.persist(true);
        }
      }
      return null;
    });
    List<NlRequest> changes = new ArrayList<>();
    for (int t = 0; t < TAPS; t++) {
      changes.add(SetLink.named("tap" + t).master(index.get("br" + t % BRIDGES)).group(GROUP).alias(LAB).up(true)
          .request());
    }
    for (int b = 0; b < BRIDGES; b++) {
      changes.add(IpRequests.addAddress(index.get("br" + b), address(b)));
    }
    nl.execute(changes).throwIfFailed();
    return (System.nanoTime() - start) / 1e9;
  }

  static Cidr address(int bridge) {
    return new Cidr(Ipv4.of("10.0.0.1").plus(bridge << 8), 24);
  }

  /** The same objects through one `ip -n NS -batch FILE` process, its start included. */
  static double applyWithIpBatch(TestNamespace ns) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int b = 0; b < BRIDGES; b++) {
      lines.add("link add name br" + b + " group " + GROUP + " up type bridge stp_state 0");
      lines.add("link set dev br" + b + " alias " + LAB);
    }
    for (int t = 0; t < TAPS; t++) {
      lines.add("tuntap add dev tap" + t + " mode tap user 0");
      lines.add("link set dev tap" + t + " master br" + t % BRIDGES + " group " + GROUP + " alias " + LAB + " up");
    }
    for (int b = 0; b < BRIDGES; b++) {
      lines.add("addr add " + address(b) + " dev br" + b);
    }
    Path file = Files.createTempFile("pb-bench", ".ip");
    try {
      Files.write(file, lines);
      long start = System.nanoTime();
      TestNamespace.run(List.of("ip", "-n", ns.name(), "-batch", file.toString()));
      return (System.nanoTime() - start) / 1e9;
    } finally {
      Files.delete(file);
    }
  }

  /** Brings the namespace to 2,000 interfaces of the lab's group (plus lo). */
  static void addVeths(RtNetlink nl) throws NetlinkException {
    List<NewLink> veths = new ArrayList<>();
    for (int v = 0; v < VETH_PAIRS; v++) {
      veths.add(NewLink.veth("va" + v, "vb" + v).group(GROUP));
    }
    nl.create(veths).throwIfFailed();
  }

  static void measureCounters(RtNetlink nl) throws Exception {
    int interfaces = nl.counters().size();
    for (int i = 0; i < 200; i++) {
      nl.counters(); // warm-up: let the JIT compile the dump path
    }
    double[] ms = new double[300];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      nl.counters();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    double[] linkMs = new double[50];
    for (int i = 0; i < linkMs.length; i++) {
      long t = System.nanoTime();
      nl.links();
      linkMs[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(linkMs);
    row("one RTM_GETLINK dump (full link records) of " + interfaces + " interfaces, median", linkMs[25], "ms");
    row("one RTM_GETSTATS dump of " + interfaces + " interfaces, median (goal < 5)", ms[ms.length / 2], "ms");
    row("  same, 90th percentile", ms[(int) (ms.length * 0.9)], "ms");
    pollAtTenHertz(nl, interfaces);
  }

  /** Polls as the canvas would at its fastest rate and reports the CPU it costs. */
  static void pollAtTenHertz(RtNetlink nl, int interfaces) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicLong pollerCpu = new AtomicLong();
    AtomicLong polls = new AtomicLong();
    ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    long processBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    poller.scheduleAtFixedRate(() -> {
      try {
        if (nl.counters().size() == interfaces) {
          polls.incrementAndGet();
        }
        pollerCpu.set(threads.getCurrentThreadCpuTime());
      } catch (NetlinkException e) {
        throw new IllegalStateException(e);
      }
    }, 0, 100, TimeUnit.MILLISECONDS);
    poller.awaitTermination(10, TimeUnit.SECONDS);
    poller.shutdown();
    poller.awaitTermination(5, TimeUnit.SECONDS);
    double wall = (System.nanoTime() - wallBefore) / 1e9;
    double process = (os.getProcessCpuTime() - processBefore) / 1e9;
    System.out.printf(Locale.ROOT, "   (%d complete polls in %.1f s)%n", polls.get(), wall);
    row("10 Hz polling for 10 s: poller thread CPU share of one core (goal < 5)", 100 * pollerCpu.get() / 1e9 / wall, "%");
    row("  same, whole JVM process CPU share (JIT, GC included)", 100 * process / wall, "%");
  }

  static void measureTeardown(RtNetlink nl, TestNamespace theirs) throws IOException {
    int before = nl.links().size() - 1;
    long start = System.nanoTime();
    nl.deleteGroup(GROUP);
    double ms = (System.nanoTime() - start) / 1e6;
    int after = nl.links().size();
    row("teardown of the lab's " + before + " interfaces (1000 bridge ports) by one group delete", ms, "ms");
    System.out.printf(Locale.ROOT, "   (links left: %d, lo only)%n", after);
    int theirCount = theirs.ipJson("link", "show").size() - 1;
    long ipStart = System.nanoTime();
    TestNamespace.run(List.of("ip", "-n", theirs.name(), "link", "del", "group", String.valueOf(GROUP)));
    row("  for comparison `ip link del group` of " + theirCount + " interfaces", (System.nanoTime() - ipStart) / 1e6, "ms");
  }

  /**
   * Teardown of 2,000 taps that are no bridge's ports. Removing a bridge port costs the kernel one
   * RCU grace period (netdev_rx_handler_unregister calls synchronize_net), which dominates the lab
   * teardown above for `ip` and for Patchbay alike; this row shows the group delete without it.
   */
  static void measurePlainTeardown(NamespaceThread thread, RtNetlink nl) throws IOException {
    int count = 2 * TAPS;
    thread.call(() -> {
      for (int t = 0; t < count; t++) {
        try (Tap tap = Tap.create("plain" + t)) {
          tap.persist(true);
        }
      }
      return null;
    });
    List<NlRequest> marks = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      marks.add(SetLink.named("plain" + t).group(GROUP).up(true).request());
    }
    nl.execute(marks).throwIfFailed();
    long start = System.nanoTime();
    nl.deleteGroup(GROUP);
    double ms = (System.nanoTime() - start) / 1e6;
    row("teardown of " + count + " taps (up, no bridge ports) by one group delete (goal < 1000)", ms, "ms");
    System.out.printf(Locale.ROOT, "   (links left: %d, lo only)%n", nl.links().size());
  }

  private static void row(String what, double value, String unit) {
    System.out.printf(Locale.ROOT, "%-78s %9.2f %s%n", what, value, unit);
  }
}
