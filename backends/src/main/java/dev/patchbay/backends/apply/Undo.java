package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.backends.netlink.Errno;
import dev.patchbay.backends.netlink.Link;
import dev.patchbay.backends.netlink.NetlinkException;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.Set;

/**
 * Undoes one journalled step by running its inverse with the values saved for it. Undo is lenient
 * about what is already gone (the step may have been interrupted before it took effect, or a link's
 * deletion took its addresses and routes along): "no such device/address/route" counts as undone.
 * It acts only on what is the lab's: a link must carry the lab's marker to be deleted or to have
 * ports released from it, and an address, route or interface sysctl is given back only on a link of
 * the lab's or on one of the design's uplinks. Anything else is left alone, with a sentence saying
 * so: someone else's interface of the same name is never touched.
 */
final class Undo {
  /** ENODEV, ESRCH (no such route), EADDRNOTAVAIL (no such address), ENOENT. */
  private static final Set<Integer> ALREADY_GONE = Set.of(Errno.ENODEV, 3, 99, Errno.ENOENT);
  private final StepRunner runner;
  private final Target target;
  private final Marker marker;
  private final Set<String> uplinks;
  static final String DONE = "done";
  static final String GONE = "already gone";

  /**
   * @param uplinks the design's uplinks from the lab's journal; null (a journal older than that record,
   *     or a rollback of steps this process has just run) leaves addresses and routes unchecked
   */
  Undo(StepRunner runner, Target target, Marker marker, Set<String> uplinks) {
    this.runner = runner;
    this.target = target;
    this.marker = marker;
    this.uplinks = uplinks;
  }

  /** Steps whose failure may leave part of their effect behind, which their inverse removes safely. */
  static boolean undoEvenIfFailed(Step step) {
    return step instanceof Step.CreateTap || step instanceof Step.CreateBridge
        || step instanceof Step.ClearUplinkAddresses;
  }

  /** Runs the entry's inverse: {@link #DONE}, {@link #GONE}, or a sentence saying what was left alone and why. */
  String undo(JsonNode entry) throws IOException {
    return undo(Journal.step(entry.path("step")), entry.path("saved"));
  }

  /** Runs the inverse of {@code step} with what was {@code saved} for it; see {@link #undo(JsonNode)}. */
  String undo(Step step, JsonNode saved) throws IOException {
    Step inverse = step.inverse();
    try {
      Optional<String> notOurs = notOurs(inverse);
      if (notOurs.isPresent()) {
        return "left " + notOurs.get();
      }
      return GONE.equals(runner.runInverse(inverse, saved)) ? GONE : DONE;
    } catch (NetlinkException e) {
      if (!ALREADY_GONE.contains(e.errno())) {
        throw e;
      }
      return GONE;
    } catch (NoSuchFileException e) {
      // a sysctl of an interface that is gone: nothing left to restore
      return GONE;
    }
  }

  /** Whether an outcome of {@link #undo} says something of someone else's was left as it was. */
  static boolean leftAlone(String outcome) {
    return !DONE.equals(outcome) && !GONE.equals(outcome);
  }

  /** Why the inverse would act on something that is not the lab's, or empty when it may run. */
  private Optional<String> notOurs(Step inverse) throws IOException {
    if (inverse instanceof Step.DeleteTap s) {
      return unmarked(s.name(), "tap");
    } else if (inverse instanceof Step.DeleteBridge s) {
      return unmarked(s.name(), "bridge");
    } else if (inverse instanceof Step.Release s) {
      return unmarked(s.bridge(), "bridge").map(why -> s.device() + " on " + why);
    } else if (inverse instanceof Step.RemoveAddress s) {
      return foreignDevice(s.device(), "address " + s.cidr() + " on ");
    } else if (inverse instanceof Step.RemoveRoute s && s.device() != null) {
      return foreignDevice(s.device(), "route to " + s.destination() + " via ");
    } else if (inverse instanceof Step.SetDown s) {
      return foreignDevice(s.device(), "the state of ");
    } else if (inverse instanceof Step.RestoreUplinkAddresses s) {
      return foreignDevice(s.uplink(), "the addresses of ");
    } else if (inverse instanceof Step.SetSysctl s) {
      return deviceOf(s.key()).flatMap(d -> foreignDeviceQuietly(d, s.key() + " of "));
    }
    return Optional.empty();
  }

  /** An existing link without the lab's marker (a missing one is "already gone", not someone else's). */
  private Optional<String> unmarked(String name, String what) throws IOException {
    Optional<Link> link = target.rt().link(name);
    if (link.isEmpty() || isMarked(link.get())) {
      return Optional.empty();
    }
    return Optional.of(what + " " + name + " alone: it does not carry " + marker.alias()
        + ", so this lab did not make it (alias '" + link.get().alias().orElse("") + "')");
  }

  private Optional<String> foreignDevice(String device, String what) throws IOException {
    if (uplinks == null || uplinks.contains(device)) {
      return Optional.empty();
    }
    Optional<Link> link = target.rt().link(device);
    if (link.isEmpty() || isMarked(link.get())) {
      return Optional.empty();
    }
    return Optional.of(what + device + " alone: " + device + " is neither the lab's (" + marker.alias()
        + ") nor an uplink of its design");
  }

  private Optional<String> foreignDeviceQuietly(String device, String what) {
    try {
      return foreignDevice(device, what);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private boolean isMarked(Link link) {
    return link.alias().filter(marker.alias()::equals).isPresent();
  }

  /** The interface of a per-interface sysctl (net.ipv4.conf.eth0.100.proxy_arp), not "all" or "default". */
  static Optional<String> deviceOf(String key) {
    String conf = "net.ipv4.conf.";
    if (!key.startsWith(conf) || key.lastIndexOf('.') <= conf.length()) {
      return Optional.empty();
    }
    String device = key.substring(conf.length(), key.lastIndexOf('.'));
    return device.equals("all") || device.equals("default") ? Optional.empty() : Optional.of(device);
  }
}
