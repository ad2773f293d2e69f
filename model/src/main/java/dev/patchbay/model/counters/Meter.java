package dev.patchbay.model.counters;

import dev.patchbay.model.net.Mac;
import java.util.Optional;
import java.util.Set;

/** Where the frames of one topology link can be counted, or why they cannot. */
public sealed interface Meter {

  /** A short description of the source for tables and tooltips. */
  String describe();

  /**
   * The kernel's counters of a host interface (tap, bridge port, uplink). An interface counts what it
   * received (rx) and sent (tx); {@code aToBIsRx} says which of the two flows from the link's end a to b.
   */
  record InterfaceCounters(String interfaceName, boolean aToBIsRx) implements Meter {
    @Override
    public String describe() {
      return "kernel counters of " + interfaceName;
    }
  }

  /**
   * A QEMU {@code filter-dump} on one netdev of one guest's process: a pcap holding the frames of both
   * directions. The direction is told by source MAC when {@code direction} is present; otherwise only
   * the total is known and {@code totalOnlyReason} says why.
   */
  record FrameDump(String guestId, String netdevId, Optional<DirectionRule> direction, String totalOnlyReason)
      implements Meter {
    public FrameDump {
      if (direction.isEmpty() && (totalOnlyReason == null || totalOnlyReason.isBlank())) {
        throw new IllegalArgumentException("a dump without a direction rule must say why");
      }
    }

    @Override
    public String describe() {
      return "filter-dump " + guestId + "/" + netdevId;
    }
  }

  /** Nothing can read this link's frames: shown as n/a, never as 0. */
  record Unavailable(String reason) implements Meter {
    @Override
    public String describe() {
      return "n/a";
    }
  }

  /**
   * Frames whose Ethernet source address is one of {@code sources} travel from a to b when
   * {@code sourcesOnA}, else from b to a; every other frame travels the other way.
   */
  record DirectionRule(Set<Mac> sources, boolean sourcesOnA) {
    public DirectionRule {
      sources = Set.copyOf(sources);
    }

    /** True if a frame from {@code source} travels from a to b. */
    public boolean aToB(Mac source) {
      return sources.contains(source) == sourcesOnA;
    }
  }
}
