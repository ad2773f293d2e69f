package dev.patchbay.backends.lab;

import dev.patchbay.backends.apply.LabRecord;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.counters.CounterPoller;
import dev.patchbay.backends.counters.KernelCounters;
import dev.patchbay.backends.netlink.RtNetlink;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkMeters;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One counter poller per applied lab, kept between requests so that rates are deltas over the real
 * time between two of the GUI's polls. Closed when the lab goes down.
 */
final class LabCounters implements AutoCloseable {
  private record Open(CounterPoller poller, RtNetlink netlink) {}

  private final Labs labs;
  private final Map<String, Open> open = new HashMap<>();

  LabCounters(Labs labs) {
    this.labs = labs;
  }

  /** The lab's links as they are now; the topology says which counter measures which link. */
  synchronized CounterSnapshot poll(String lab, Topology topology) throws IOException {
    Open o = open.get(lab);
    if (o == null) {
      LabRecord record = LabRecord.read(lab, labs.journal(lab));
      if (record.target() == null) {
        throw new dev.patchbay.backends.apply.NoSuchLabException("no lab named " + lab + " is up");
      }
      RtNetlink nl = record.namespace() == null ? RtNetlink.open() : RtNetlink.openIn(record.namespace());
      var runDir = dev.patchbay.backends.qemu.GuestFolders.byId(
          dev.patchbay.backends.qemu.LabGuestStarter.guestsDir(labs.root(), lab), topology);
      o = new Open(new CounterPoller(LinkMeters.of(topology), KernelCounters.of(nl), runDir, System::nanoTime), nl);
      open.put(lab, o);
    }
    o.poller().cut(dev.patchbay.backends.qemu.CutLinks.read(labs.root(), lab));
    return o.poller().poll();
  }

  synchronized void forget(String lab) {
    Open o = open.remove(lab);
    if (o != null) {
      o.poller().close();
      o.netlink().close();
    }
  }

  @Override
  public synchronized void close() {
    new java.util.ArrayList<>(open.keySet()).forEach(this::forget);
  }
}
