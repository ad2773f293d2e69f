package dev.patchbay.backends.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab's journal: one JSON object per line, each written and forced to disk BEFORE the change it
 * announces, so whatever a crash or kill -9 interrupts, {@code down} finds every step that may have
 * taken effect (and the values its inverse needs). Lines: "lab" (target, namespaces, group),
 * "namespace" (a sandbox namespace about to be made), "step" (index, kind, step, saved), "done",
 * "undone", "applied", "confirm-by", "confirmed".
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

  public boolean exists() {
    return Files.exists(file);
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
  public synchronized void append(List<ObjectNode> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder();
    for (ObjectNode e : entries) {
      text.append(JSON.writeValueAsString(e)).append('\n');
    }
    byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
        StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
  }

  /** Every line; a line cut short by a crash (the last one) is skipped. */
  public List<JsonNode> entries() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
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
