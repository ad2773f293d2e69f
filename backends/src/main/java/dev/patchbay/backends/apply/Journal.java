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
   * Writes one "step" line: the same JSON as {@code entry("step")} with index, id, step and saved,
   * but a step whose fields are all strings, booleans or integers (all but NAT and guest steps) is
   * written directly instead of through a Jackson tree: in a fresh JVM (every {@code patchbay up})
   * the trees of a 660-step lab cost more than the fsync.
   */
  static void stepLine(StringBuilder out, String time, int index, String id, Step step, ObjectNode saved)
      throws IOException {
    out.append("{\"event\":\"step\",\"time\":");
    quote(out, time);
    out.append(",\"index\":").append(index).append(",\"id\":");
    quote(out, id);
    out.append(",\"step\":");
    if (!plainFields(out, step)) {
      out.append(JSON.writeValueAsString(stepNode(step)));
    }
    out.append(",\"saved\":").append(saved.isEmpty() ? "{}" : JSON.writeValueAsString(saved)).append("}\n");
  }

  /** {"kind":K,"fields":{...}} for a step of plain fields; false (nothing written) otherwise. */
  private static boolean plainFields(StringBuilder out, Step step) throws IOException {
    java.lang.reflect.RecordComponent[] components = step.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      try {
        values[i] = components[i].getAccessor().invoke(step);
      } catch (ReflectiveOperationException e) {
        throw new IOException("cannot read " + components[i].getName() + " of " + step, e);
      }
      if (values[i] != null && !(values[i] instanceof String || values[i] instanceof Boolean
          || values[i] instanceof Integer)) {
        return false;
      }
    }
    out.append("{\"kind\":");
    quote(out, step.getClass().getSimpleName());
    out.append(",\"fields\":{");
    for (int i = 0; i < components.length; i++) {
      quote(out.append(i == 0 ? "" : ","), components[i].getName());
      out.append(':');
      if (values[i] instanceof String text) {
        quote(out, text);
      } else {
        out.append(values[i]); // null, true/false or a number
      }
    }
    out.append("}}");
    return true;
  }

  private static StringBuilder quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"');
  }

  public static ObjectNode stepNode(Step step) {
    ObjectNode n = JSON.createObjectNode();
    n.put("kind", step.getClass().getSimpleName());
    n.set("fields", JSON.valueToTree(step));
    return n;
  }

  public static Step step(JsonNode node) throws IOException {
    String kind = node.path("kind").asText();
    if (!kind.matches("[A-Za-z]+")) {
      throw new IOException("journal step kind '" + kind + "' is not a step");
    }
    try {
      Class<?> type = Class.forName(Step.class.getName() + "$" + kind);
      return (Step) JSON.treeToValue(node.path("fields"), type);
    } catch (ClassNotFoundException e) {
      throw new IOException("journal names an unknown step '" + kind + "'", e);
    }
  }
}
