package dev.patchbay.backends.qemu;

import dev.patchbay.model.counters.LinkMeter;
import dev.patchbay.model.counters.LinkMeters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code filter-dump} objects a lab's counters need: added to each guest's QEMU at start (so no
 * frame before the first poll is missed and no QMP round trip is needed), one pcap per netdev in the
 * guest's run folder, removed at teardown.
 */
public final class FrameDumps {
  /**
   * Bytes kept of each frame: the counter needs 12 (the MACs); 64 keeps the Ethernet, IP and TCP/UDP
   * headers for a person opening the file, while a ping costs 80 bytes of file instead of 114+.
   */
  public static final int SNAP_LENGTH = 64;

  private FrameDumps() {}

  /** Where {@link GuestLaunch#dumpFrames} records a netdev of the guest whose run folder is {@code runDir}. */
  public static Path file(Path runDir, String netdevId) {
    return runDir.resolve("frames-" + netdevId + ".pcap");
  }

  /** For {@code LabGuests.start}'s customize step: each guest records the netdevs its links need. */
  public static Consumer<GuestLaunch> addTo(List<LinkMeter> meters) {
    Map<String, List<String>> byGuest = LinkMeters.dumpsByGuest(meters);
    return launch -> byGuest.getOrDefault(launch.guest().id(), List.of())
        .forEach(netdev -> launch.dumpFrames(netdev, SNAP_LENGTH));
  }

  /**
   * Deletes the lab's dump files (GUEST_FOLDER/frames-NETDEV.pcap, {@code guestRunDir} by guest id:
   * {@link GuestFolders#byId}); call after the guests stopped.
   */
  public static void remove(java.util.function.Function<String, Path> guestRunDir, List<LinkMeter> meters)
      throws IOException {
    for (Map.Entry<String, List<String>> e : LinkMeters.dumpsByGuest(meters).entrySet()) {
      for (String netdev : e.getValue()) {
        Files.deleteIfExists(file(guestRunDir.apply(e.getKey()), netdev));
      }
    }
  }
}
