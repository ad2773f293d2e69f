package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A kernel setting is one per host (or namespace) while the labs there are many. Lab A turned
 * ip_forward on; lab B, applied after, found it on, so never set it, yet its NAT needs it. When A
 * undoes its step (down, or a re-apply of a design without it), putting back the value A found would
 * cut B off. Instead A hands the step over: B's journal gets A's step (with the value A found), the
 * kernel is left as it is, and whichever lab wanting it goes last puts the old value back.
 */
final class SharedSysctls implements SysctlHeirs {
  private final Labs labs;
  private final LabRecord record;

  SharedSysctls(Labs labs, LabRecord record) {
    this.labs = labs;
    this.record = record;
  }

  @Override
  public Optional<Handed> handOver(JsonNode entry) throws IOException {
    Step step = Journal.step(entry.path("step"));
    if (!(step instanceof Step.SetSysctl s) || s.to() == null || "sandbox".equals(record.target())) {
      return Optional.empty();
    }
    for (LabRecord other : labs.list()) {
      if (!other.lab().equals(record.lab()) && other.applied() && Objects.equals(other.target(), record.target())
          && Objects.equals(other.namespace(), record.namespace()) && wants(other.lab(), s)) {
        ObjectNode taken = entry.deepCopy();
        taken.put("time", java.time.Instant.now().toString()).put("id", UUID.randomUUID().toString())
            .put("handedOverBy", record.lab());
        labs.journal(other.lab()).append(taken);
        return Optional.of(new Handed(other.lab(), taken.path("id").asText()));
      }
    }
    return Optional.empty();
  }

  @Override
  public void takeBack(Handed handed) throws IOException {
    Journal journal = labs.journal(handed.lab());
    journal.append(journal.entry("undone").put("id", handed.id()));
  }

  /** Whether the other lab's design (as last applied) sets the same key to the same value. */
  private boolean wants(String other, Step.SetSysctl s) throws IOException {
    Path file = labs.topologyFile(other);
    if (!Files.exists(file)) {
      return false;
    }
    try {
      return Labs.planner(other).full(TopologyFiles.load(file)).stepsOf(Step.SetSysctl.class).stream()
          .anyMatch(w -> w.key().equals(s.key()) && Objects.equals(w.to(), s.to()));
    } catch (TopologyFileException e) {
      throw new IOException("lab " + other + "'s design cannot be read: " + e.getMessage(), e);
    }
  }
}
