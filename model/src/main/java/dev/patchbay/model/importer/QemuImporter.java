package dev.patchbay.model.importer;

import dev.patchbay.model.topology.Topology;
import java.util.List;

/**
 * QEMU command lines, one per guest, turned into a topology: the classic notes' {@code -net nic,vlan=N},
 * {@code -net tap|user|socket|vde}, {@code -redir}, and today's {@code -netdev}, {@code -device} and
 * {@code -nic}. Sockets and VDE switches that several command lines name become one element wired
 * to each of them; the result gets an automatic layout.
 *
 * <p>Assumptions, as QEMU makes them: a {@code -net nic} without model= is an e1000 (QEMU 7.2's
 * default for pc), a command line without any network option has {@code -net nic -net user}, and
 * {@code -redir} forwards into the command line's first user net.
 */
public final class QemuImporter {
  private QemuImporter() {}

  public static Topology importLines(List<List<String>> commandLines, String name) {
    if (commandLines.isEmpty()) {
      throw new ImportException("no QEMU command line given");
    }
    Topology t = new Topology(name, "Imported from " + commandLines.size() + " QEMU command line(s).", null);
    Backends backends = new Backends(t);
    for (int i = 0; i < commandLines.size(); i++) {
      new ProcessImport(t, backends, QemuArguments.parse(commandLines.get(i), i + 1), i + 1).build();
    }
    AutoLayout.apply(t);
    return t;
  }
}
