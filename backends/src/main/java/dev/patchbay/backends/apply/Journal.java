package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.os.SafeFiles;
import dev.patchbay.backends.os.TrustedFolder;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab's journal: one JSON object per line, each written and forced to disk BEFORE the change it
 * announces, so whatever a crash or kill -9 interrupts, {@code down} finds every step that may have
 * taken effect (and the values its inverse needs). Lines that announce no change ("lab", "applied")
 * are only written ({@link #note}): an fsync flushes the whole file, so the next forced line takes
 * them to the disk before anything changes. Lines: "lab" (target, namespaces, group),
 * "namespace" (a sandbox namespace about to be made), "step" (index, kind, step, saved), "done",
 * "undone", "applied", "design", "confirm-pending", "confirm-by", "confirmed", "confirm-ended", "reverting".
 */
public final class Journal {
  static final ObjectMapper JSON = new ObjectMapper();
  /** The journal format's version, in the "lab" line (a journal without one is version 1): backends/JOURNAL.md. */
  public static final int VERSION = 1;
  private final Path file;

  public Journal(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Whether the journal is there; a link in its place is not a journal (see {@link SafeFiles}). */
  public boolean exists() {
    return Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  public ObjectNode entry(String event) {
    ObjectNode n = JSON.createObjectNode();
    n.put("event", event);
    n.put("time", java.time.Instant.now().toString());
    return n;
  }

  /** Appends one line and forces it to the disk before returning. */
  public void append(ObjectNode entry) throws IOException {
    append(List.of(entry));
  }

  /** Appends lines with one write and one fsync: they reach the disk together before this returns. */
  public void append(List<ObjectNode> entries) throws IOException {
    StringBuilder text = new StringBuilder();
    for (ObjectNode e : entries) {
      text.append(JSON.writeValueAsString(e)).append('\n');
    }
    appendLines(text);
  }

  /**
   * Appends a line that announces no change ("lab", "applied"): written, not forced. A process crash
   * cannot lose it (the kernel has it); a power loss can only lose it together with nothing, or with
   * "applied" alone, after which `down` still finds every step.
   */
  public void note(ObjectNode entry) throws IOException {
    write(JSON.writeValueAsString(entry) + "\n", false);
  }

  /** Appends JSON lines already written out (each ending in a newline) with one write and one fsync. */
  void appendLines(CharSequence text) throws IOException {
    write(text, true);
  }

  private synchronized void write(CharSequence text, boolean force) throws IOException {
    if (text.length() == 0) {
      return;
    }
    TrustedFolder.createPrivate(file.getParent());
    SafeFiles.append(file, text.toString().getBytes(StandardCharsets.UTF_8), force);
  }

  /** Every line; a line cut short by a crash (the last one) is skipped. */
  public List<JsonNode> entries() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!exists()) {
      return out;
    }
    for (String line : SafeFiles.readString(file).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(JSON.readTree(line));
      } catch (IOException e) {
        // Only the line being written when the process died can be incomplete.
      }
    }
    return out;
  }

  /**
   * Writes one "step" line: index, id, the step in the journal's own format ({@link StepFormat}) and
   * what its inverse needs ({@code saved}), as text made directly rather than through Jackson trees:
   * in a fresh JVM (every {@code patchbay up}) the trees of a 660-step lab cost more than the fsync.
   */
  static void stepLine(StringBuilder out, String time, int index, String id, Step step, ObjectNode saved)
      throws IOException {
    out.append("{\"event\":\"step\",\"time\":");
    StepFormat.Out.quote(out, time);
    out.append(",\"index\":").append(index).append(",\"id\":");
    StepFormat.Out.quote(out, id);
    out.append(",\"step\":");
    StepFormat.write(out, step);
    out.append(",\"saved\":").append(saved.isEmpty() ? "{}" : JSON.writeValueAsString(saved)).append("}\n");
  }

  /** The step as the journal writes it, as a tree. */
  public static ObjectNode stepNode(Step step) {
    StringBuilder text = new StringBuilder();
    StepFormat.write(text, step);
    try {
      return (ObjectNode) JSON.readTree(text.toString());
    } catch (IOException e) {
      throw new IllegalStateException("the journal's own text of " + step + " does not read back", e);
    }
  }

  /** A step from its journal form; an unknown kind or a field of the wrong type is refused with a sentence. */
  public static Step step(JsonNode node) throws IOException {
    return StepFormat.read(node);
  }
}
