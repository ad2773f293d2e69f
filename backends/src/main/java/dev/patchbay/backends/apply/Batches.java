package dev.patchbay.backends.apply;

import dev.patchbay.backends.netlink.Errno;
import dev.patchbay.backends.netlink.IpRequests;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.backends.netlink.NlRequest;
import dev.patchbay.backends.netlink.SetLink;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.plan.Step;
import java.util.List;
import java.util.Map;

/**
 * Steps that are one rtnetlink request each once the ifindexes are known (links up, bridge ports,
 * addresses, routes). A run of them goes to the kernel as one batch after one link dump, instead of
 * a lookup and a round trip per step; {@link dev.patchbay.backends.netlink.BatchResult} says which
 * took effect, so a failure is undone exactly.
 */
final class Batches {
  private Batches() {}

  static boolean batchable(Step s) {
    return s instanceof Step.SetUp || s instanceof Step.Enslave || s instanceof Step.AddAddress
        || s instanceof Step.AddRoute;
  }

  /** How many steps from {@code from} are batchable and of the same kind as the first. */
  static int runLength(List<Step> steps, int from) {
    if (!batchable(steps.get(from))) {
      return 0;
    }
    int end = from;
    while (end < steps.size() && steps.get(end).getClass() == steps.get(from).getClass()) {
      end++;
    }
    return end - from;
  }

  /**
   * Taps made by one call on the target's thread and marked by one batch (StepRunner.createTaps): how
   * many CreateTap steps follow from {@code from}, at most {@link #TAPS_PER_RUN} so that a cancel
   * and the progress events still come every few dozen taps.
   */
  static int tapRunLength(List<Step> steps, int from) {
    int end = from;
    while (end < steps.size() && end - from < TAPS_PER_RUN && steps.get(end) instanceof Step.CreateTap) {
      end++;
    }
    return end - from;
  }

  static final int TAPS_PER_RUN = 64;

  static NlRequest request(Step step, Map<String, Integer> indexes) throws NetlinkException {
    if (step instanceof Step.SetUp s) {
      return SetLink.named(s.device()).up(true).request();
    } else if (step instanceof Step.Enslave s) {
      return SetLink.named(s.device()).master(index(indexes, s.bridge())).request();
    } else if (step instanceof Step.AddAddress s) {
      return IpRequests.addAddress(index(indexes, s.device()), Cidr.of(s.cidr()));
    } else if (step instanceof Step.AddRoute s) {
      return IpRequests.addRoute(StepRunner.destination(s.destination()), StepRunner.gateway(s.via()),
          s.device() == null ? 0 : index(indexes, s.device()));
    }
    throw new IllegalArgumentException(step + " is not a batchable step");
  }

  private static int index(Map<String, Integer> indexes, String name) throws NetlinkException {
    Integer index = indexes.get(name);
    if (index == null) {
      throw new NetlinkException("look up link '" + name + "'", Errno.ENODEV, null);
    }
    return index;
  }
}
