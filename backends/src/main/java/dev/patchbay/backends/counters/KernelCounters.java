package dev.patchbay.backends.counters;

import dev.patchbay.backends.netlink.LinkCounters;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.backends.netlink.RtNetlink;
import java.util.Map;

/** The kernel's interface counters of one namespace, as the poller needs them. */
public interface KernelCounters {
  /** Every interface's counters by ifindex, from ONE dump. */
  Map<Integer, LinkCounters> counters() throws NetlinkException;

  /** Every interface's ifindex by name; asked only when the set of interfaces changed. */
  Map<String, Integer> indexes() throws NetlinkException;

  static KernelCounters of(RtNetlink nl) {
    return new KernelCounters() {
      @Override
      public Map<Integer, LinkCounters> counters() throws NetlinkException {
        return nl.counters();
      }

      @Override
      public Map<String, Integer> indexes() throws NetlinkException {
        return nl.indexes();
      }
    };
  }
}
