package dev.patchbay.backends.counters;

import dev.patchbay.backends.netlink.LinkCounters;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.backends.qemu.FrameDumps;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeter;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.counters.Meter.FrameDump;
import dev.patchbay.model.counters.Meter.InterfaceCounters;
import dev.patchbay.model.counters.Meter.Unavailable;
import dev.patchbay.model.topology.Link;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads every link of a running lab: ONE netlink stats dump of the lab's namespace per poll for the
 * host interfaces, and the bytes QEMU appended to each frame dump since the last poll. Rates are the
 * frame deltas over the real time between two polls. Polls are serialized; {@link #start} runs them
 * on one daemon thread.
 */
public final class CounterPoller implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CounterPoller.class.getName());
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  /** 10 Hz: faster polling would show noise, not traffic, and cost CPU for nothing. */
  public static final Duration FASTEST_INTERVAL = Duration.ofMillis(100);

  private final List<LinkMeter> meters;
  private final KernelCounters kernel;
  private final LongSupplier nanoClock;
  private final Map<String, DirectedPcapCounter> dumps = new HashMap<>();
  private final Map<String, Long> previousTotals = new HashMap<>();
  private Map<String, Integer> indexes = Map.of();
  private Set<Integer> indexesSeen = Set.of();
  private long previousNanos = Long.MIN_VALUE;
  private volatile Set<String> cutLinks = Set.of();
  private ScheduledExecutorService timer;

  /**
   * @param guestRunDir the run folder of a guest, by guest id: {@code GuestFolders.byId}, which names
   *     them as the guests' QEMU made them
   * @param nanoClock {@link System#nanoTime} outside tests
   */
  public CounterPoller(List<LinkMeter> meters, KernelCounters kernel,
      java.util.function.Function<String, Path> guestRunDir, LongSupplier nanoClock) {
    this.meters = List.copyOf(meters);
    this.kernel = kernel;
    this.nanoClock = nanoClock;
    for (LinkMeter m : this.meters) {
      if (m.meter() instanceof FrameDump d) {
        Path file = FrameDumps.file(guestRunDir.apply(d.guestId()), d.netdevId());
        dumps.put(m.link().id(), new DirectedPcapCounter(file,
            mac -> d.direction().map(r -> r.sources().contains(mac)).orElse(false)));
      }
    }
  }

  public CounterPoller(List<LinkMeter> meters, KernelCounters kernel, java.util.function.Function<String, Path> guestRunDir) {
    this(meters, kernel, guestRunDir, System::nanoTime);
  }

  /** Reads every link once. */
  public synchronized CounterSnapshot poll() throws NetlinkException {
    Map<Integer, LinkCounters> stats = kernel.counters();
    if (!stats.keySet().equals(indexesSeen)) {
      // Interfaces came or went (or this is the first poll): names may point at other indexes now.
      indexes = kernel.indexes();
      indexesSeen = Set.copyOf(stats.keySet());
    }
    long now = nanoClock.getAsLong();
    double elapsed = previousNanos == Long.MIN_VALUE ? 0 : (now - previousNanos) / 1e9;
    List<LinkReading> readings = new ArrayList<>(meters.size());
    for (LinkMeter m : meters) {
      LinkReading r = read(m, stats);
      readings.add(r.withRate(rate(r, elapsed)));
    }
    previousNanos = now;
    return new CounterSnapshot(Instant.now(), elapsed, readings);
  }

  private Double rate(LinkReading r, double elapsed) {
    Long before = r.total() == null ? previousTotals.remove(r.linkId()) : previousTotals.put(r.linkId(), r.total());
    if (r.total() == null || before == null || elapsed <= 0 || r.total() < before) {
      return null;
    }
    return (r.total() - before) / elapsed;
  }

  /**
   * The links cut now (QMP set_link, {@code CutLinks}). A cut link read from a tap's kernel counters
   * is n/a while cut: QEMU keeps reading the tap and drops what it reads, so the tap's counters go on
   * counting frames that never crossed. A frame dump counts nothing QEMU drops at a cut.
   */
  public void cut(Set<String> linkIds) {
    cutLinks = Set.copyOf(linkIds);
  }

  private LinkReading read(LinkMeter m, Map<Integer, LinkCounters> stats) {
    Link l = m.link();
    if (m.meter() instanceof Unavailable u) {
      return LinkReading.unavailable(l.id(), l.a().toString(), l.b().toString(), u.reason());
    } else if (m.meter() instanceof InterfaceCounters ic && cutLinks.contains(l.id())) {
      return LinkReading.unavailable(l.id(), l.a().toString(), l.b().toString(), "cut: QEMU keeps reading "
          + ic.interfaceName() + " and drops what it reads, so its counters would count frames that never crossed");
    } else if (m.meter() instanceof InterfaceCounters ic) {
      return kernelReading(l, ic, stats);
    }
    return dumpReading(l, (FrameDump) m.meter());
  }

  private LinkReading kernelReading(Link l, InterfaceCounters ic, Map<Integer, LinkCounters> stats) {
    Integer index = indexes.get(ic.interfaceName());
    LinkCounters c = index == null ? null : stats.get(index);
    if (c == null) {
      return LinkReading.unavailable(l.id(), l.a().toString(), l.b().toString(),
          "no interface named " + ic.interfaceName() + " in the lab's namespace");
    }
    long aToB = ic.aToBIsRx() ? c.rxPackets() : c.txPackets();
    long bToA = ic.aToBIsRx() ? c.txPackets() : c.rxPackets();
    return new LinkReading(l.id(), l.a().toString(), l.b().toString(), aToB, bToA, aToB + bToA,
        c.rxBytes() + c.txBytes(), c.rxErrors() + c.txErrors(), c.rxDropped() + c.txDropped(), null,
        ic.describe(), null, ic.aToBIsRx() ? c.rxBytes() : c.txBytes(), ic.aToBIsRx() ? c.txBytes() : c.rxBytes());
  }

  private LinkReading dumpReading(Link l, FrameDump d) {
    DirectedPcapCounter counter = dumps.get(l.id());
    Optional<DirectedPcapCounter.Counts> counts;
    try {
      counts = counter.poll();
    } catch (IOException e) {
      return LinkReading.unavailable(l.id(), l.a().toString(), l.b().toString(),
          "frame dump " + counter.file() + " cannot be read: " + e.getMessage());
    }
    if (counts.isEmpty()) {
      return LinkReading.unavailable(l.id(), l.a().toString(), l.b().toString(), "no frame dump at "
          + counter.file() + " (is guest " + d.guestId() + " running with a filter-dump on " + d.netdevId() + "?)");
    }
    DirectedPcapCounter.Counts c = counts.get();
    Long aToB = null;
    Long bToA = null;
    Long aToBBytes = null;
    Long bToABytes = null;
    if (d.direction().isPresent()) {
      boolean matchingIsAToB = d.direction().get().sourcesOnA();
      aToB = matchingIsAToB ? c.matchingFrames() : c.otherFrames();
      bToA = matchingIsAToB ? c.otherFrames() : c.matchingFrames();
      aToBBytes = matchingIsAToB ? c.matchingBytes() : c.otherBytes();
      bToABytes = matchingIsAToB ? c.otherBytes() : c.matchingBytes();
    }
    return new LinkReading(l.id(), l.a().toString(), l.b().toString(), aToB, bToA, c.frames(), c.bytes(),
        null, null, null, d.describe(), d.totalOnlyReason(), aToBBytes, bToABytes);
  }

  /**
   * Polls every {@code interval} (1 s by default, at most 10 times a second) on a daemon thread and
   * hands each snapshot to {@code listener}; a failed poll is logged and the next one tried.
   */
  public synchronized void start(Duration interval, Consumer<CounterSnapshot> listener) {
    if (interval.compareTo(FASTEST_INTERVAL) < 0) {
      throw new IllegalArgumentException("poll interval " + interval.toMillis() + " ms is below "
          + FASTEST_INTERVAL.toMillis() + " ms: counters refresh at most 10 times a second");
    }
    if (timer != null) {
      throw new IllegalStateException("the poller is running already");
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "patchbay-counters");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> {
      try {
        listener.accept(poll());
      } catch (NetlinkException | RuntimeException e) {
        LOG.log(Level.WARNING, "counter poll failed", e);
      }
    }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops polling (the kernel source is the caller's to close). */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
