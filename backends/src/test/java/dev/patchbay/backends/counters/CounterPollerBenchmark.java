package dev.patchbay.backends.counters;

import dev.patchbay.backends.netlink.NamespaceThread;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What polling a big lab costs: 2,000 taps (+ lo) in a throwaway namespace, a topology with a
 * tap - bridge link per tap (2,000 links, all counted by the kernel), then one netlink dump alone,
 * one full poll (dump + 2,000 readings), and the poller at 10 Hz for 10 s: the polling thread's CPU
 * time and the whole JVM's. Prints figures; asserts nothing about time.
 *
 * <pre>
 * mvn -B -q -o -pl backends -am test-compile
 * mvn -B -q -o -pl backends dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp backends/target/test-classes:backends/target/classes:model/target/classes:$(cat backends/target/cp.txt) \
 *     dev.patchbay.backends.counters.CounterPollerBenchmark
 * </pre>
 */
public final class CounterPollerBenchmark {
  private static final int TAPS = 2000;
  private static final int BRIDGES = 20;
  private static final int SAMPLES = 200;

  private CounterPollerBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (TestNamespace ns = TestNamespace.create()) {
      makeTaps(ns);
      try (NamespaceThread thread = NamespaceThread.enter(ns.name()); RtNetlink nl = RtNetlink.openIn(thread)) {
        Topology t = topology();
        CounterPoller poller = new CounterPoller(LinkMeters.of(t), KernelCounters.of(nl),
            dev.patchbay.backends.qemu.GuestFolders.byId(Files.createTempDirectory("pb-bench-"), t));
        row("interfaces in one dump", nl.counters().size(), "");
        CounterSnapshot s = poller.poll();
        row("links read, of which available", s.links().stream().filter(r -> r.available()).count(), "");
        for (int i = 0; i < 50; i++) {
          nl.counters();
          poller.poll();
        }
        report("one RTM_GETSTATS dump", time(() -> nl.counters()));
        report("one full poll (dump + 2,000 readings)", time(() -> poller.poll()));
        tenHertz(poller);
      }
    }
  }

  private static void makeTaps(TestNamespace ns) throws Exception {
    StringBuilder batch = new StringBuilder();
    for (int i = 0; i < TAPS; i++) {
      batch.append("tuntap add dev pbt").append(i).append(" mode tap\n");
    }
    Path file = Files.createTempFile("pb-bench-", ".ip");
    try {
      Files.writeString(file, batch);
      TestNamespace.run(java.util.List.of("ip", "-n", ns.name(), "-batch", file.toString()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static Topology topology() {
    Topology t = new Topology();
    for (int b = 0; b < BRIDGES; b++) {
      t.add(new Bridge("br" + b, "pbbr" + b, null, false), null);
    }
    for (int i = 0; i < TAPS; i++) {
      t.add(new Tap("t" + i, "pbt" + i, null, null), null);
      t.connect(new Link("l" + i, Endpoint.of("t" + i), Endpoint.of("br" + (i % BRIDGES))));
    }
    return t;
  }

  private interface Action {
    void run() throws Exception;
  }

  private static double[] time(Action a) throws Exception {
    double[] ms = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      long t0 = System.nanoTime();
      a.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static void report(String what, double[] sortedMs) {
    System.out.printf(Locale.ROOT, "%-45s median %6.2f ms  p90 %6.2f ms  min %6.2f ms%n", what,
        sortedMs[sortedMs.length / 2], sortedMs[sortedMs.length * 9 / 10], sortedMs[0]);
  }

  private static void row(String what, double value, String unit) {
    System.out.printf(Locale.ROOT, "%-45s %10.2f %s%n", what, value, unit);
  }

  /** The poller's own thread at 10 Hz for 10 s: its CPU time over the wall time is its share of a core. */
  private static void tenHertz(CounterPoller poller) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicLong threadId = new AtomicLong(-1);
    AtomicInteger polls = new AtomicInteger();
    long processBefore = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    poller.start(Duration.ofMillis(100), snap -> {
      threadId.compareAndSet(-1, Thread.currentThread().getId());
      polls.incrementAndGet();
    });
    long end = wall0 + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      LockSupport.parkNanos(end - System.nanoTime());
    }
    double pollThread = threads.getThreadCpuTime(threadId.get()) / 1e9;
    poller.close();
    double wall = (System.nanoTime() - wall0) / 1e9;
    double process = (os.getProcessCpuTime() - processBefore) / 1e9;
    row("10 Hz for 10 s: polls", polls.get(), "");
    row("10 Hz: polling thread CPU share of one core", 100 * pollThread / wall, "%");
    row("10 Hz: whole JVM CPU share (GC, JIT included)", 100 * process / wall, "%");
  }
}
