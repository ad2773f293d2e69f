package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/** Who takes over a sysctl step a lab is about to undo while another lab on the target needs its value. */
interface SysctlHeirs {
  /** A step now in another lab's journal, under a new id. */
  record Handed(String lab, String id) {}

  /** The lab (and the new journal entry's id) that took the step over, or empty: then undo it. */
  Optional<Handed> handOver(JsonNode entry) throws IOException;

  /** Undoes a hand-over (the re-apply that made it failed): the other lab no longer owns the step. */
  default void takeBack(Handed handed) throws IOException { }

  SysctlHeirs NONE = entry -> Optional.empty();
}
