package dev.patchbay.backends.qemu;

import dev.patchbay.backends.counters.DirectedPcapCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Frames a guest's frame dump ({@link GuestLaunch#dumpFrames}) recorded, counted by the lab's own
 * pcap reader with every frame matching: the guest tests count frames, they do not test the reader.
 */
final class DumpCounts {
  private DumpCounts() {}

  /** A counter of every frame the guest records on a netdev. */
  static DirectedPcapCounter of(GuestProcess guest, String netdevId) {
    return guest.launch().dumps().stream().filter(d -> d.netdev().equals(netdevId)).findFirst()
        .map(d -> counter(d.file()))
        .orElseThrow(() -> new IllegalArgumentException("no frame dump on " + netdevId));
  }

  static DirectedPcapCounter counter(Path pcap) {
    return new DirectedPcapCounter(pcap, mac -> true);
  }

  /** Frames recorded so far, or {@code unknown} while the file has no complete header. */
  static long frames(DirectedPcapCounter c, long unknown) {
    try {
      return c.poll().map(DirectedPcapCounter.Counts::frames).orElse(unknown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
