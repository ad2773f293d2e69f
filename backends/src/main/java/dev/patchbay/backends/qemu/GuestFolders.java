package dev.patchbay.backends.qemu;

import dev.patchbay.model.net.ProcessName;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one rule for where a guest's QEMU keeps its run folder (pid file, QMP socket, console, frame
 * dumps): ROOT/GUEST_NAME, the name the user gave the guest, as {@code up} shows it. Whoever looks a
 * guest's folder up (down, the counter poller, {@code stats --run-dir}) goes through here, so a
 * folder is never looked for under the guest's id while it was made under its name.
 */
public final class GuestFolders {
  private GuestFolders() {}

  /** The run folder of the guest named {@code guestName} under {@code root}. */
  public static Path named(Path root, String guestName) {
    return root.resolve(ProcessName.checked(guestName));
  }

  /** The run folder of a guest by its id, as the counter poller's frame dumps name guests. */
  public static Function<String, Path> byId(Path root, Topology topology) {
    return id -> named(root, topology.element(id).map(Element::name)
        .orElseThrow(() -> new IllegalArgumentException("no guest " + id + " in the design")));
  }
}
