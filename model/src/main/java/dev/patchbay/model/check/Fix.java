package dev.patchbay.model.check;

import dev.patchbay.model.edit.Command;
import dev.patchbay.model.topology.Topology;

/**
 * A mechanical repair the designer can offer as one undoable command (a fresh MAC, a free tap name,
 * enabling ip_forward). Built against the topology as it is when the user asks for it.
 */
public interface Fix {
  /** What the fix does, in a few words for a button ("Give nic0 a fresh MAC"). */
  String description();

  Command command(Topology topology);
}
