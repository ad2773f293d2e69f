package dev.patchbay.model.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes topology files: JSON, pretty-printed with a fixed key order so files diff well.
 *
 * <p>Unknown fields are refused with their location rather than dropped, so that opening a file
 * from a newer Patchbay and saving it can never lose what the newer version wrote.
 */
public final class TopologyFiles {
  public static final String FORMAT = "patchbay-topology";
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder(
          JsonFactory.builder().streamReadConstraints(FileLimits.constraints()).build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private TopologyFiles() {}

  /** Reads a topology file; every refusal names the file and, where it has one, the line and column. */
  public static Topology load(Path file) throws TopologyFileException {
    return parse(FileText.read(file), file.toString());
  }

  /** Reads a topology from text; {@code source} names it in messages (a path, or "clipboard"). */
  public static Topology parse(String text, String source) throws TopologyFileException {
    if (text.isBlank()) {
      throw new TopologyFileException(source, 1, 1, "the file is empty; expected a JSON object");
    }
    if (text.length() > FileLimits.MAX_BYTES) {
      throw new TopologyFileException(source, 0, 0, "the text is longer than "
          + FileLimits.number(FileLimits.MAX_BYTES) + " characters, the most Patchbay reads");
    }
    // Limits, lone surrogates and the header first, in one pass that holds nothing: a hostile file
    // is refused before a tree or a topology of it takes any memory.
    StructureScan.Header header = StructureScan.scan(MAPPER.getFactory(), text, source);
    int version = checkHeader(header, text, source);
    TopologyDocument doc;
    try {
      doc = version == VERSION
          ? MAPPER.readValue(text, TopologyDocument.class)
          : MAPPER.treeToValue(Migrations.upgrade((ObjectNode) MAPPER.readTree(text), version), TopologyDocument.class);
    } catch (JsonProcessingException e) {
      throw JsonErrors.located(source, e);
    }
    return DocumentMapping.toTopology(doc, source, pointer -> StructureScan.locate(MAPPER.getFactory(), text, pointer));
  }

  private static int checkHeader(StructureScan.Header header, String text, String source) throws TopologyFileException {
    if (!FORMAT.equals(header.format())) {
      int[] at = StructureScan.locate(MAPPER.getFactory(), text, "/format");
      throw new TopologyFileException(source, Math.max(at[0], 1), Math.max(at[1], 1),
          "not a Patchbay topology: expected \"format\": \"" + FORMAT + "\" at the top");
    }
    if (header.version() == null) {
      int[] at = header.hasVersion() ? StructureScan.locate(MAPPER.getFactory(), text, "/version") : new int[] {1, 1};
      throw new TopologyFileException(source, at[0], at[1], (header.hasVersion() ? "\"version\" is not" : "missing"
          + " \"version\": expected") + " a whole number such as " + VERSION);
    }
    int v = header.version();
    if (v > VERSION || v < Migrations.OLDEST) {
      int[] at = StructureScan.locate(MAPPER.getFactory(), text, "/version");
      throw new TopologyFileException(source, at[0], at[1], v > VERSION
          ? "this file is format version " + v + " and needs a newer Patchbay (one that reads version " + v
              + "); this one reads up to version " + VERSION
          : "format version " + v + " is unknown; versions " + Migrations.OLDEST + " to " + VERSION + " can be read");
    }
    return v;
  }

  /** The file's text for a topology: deterministic, so an unchanged model saves byte-identical. */
  public static String toJson(Topology topology) {
    try {
      return WRITER.writeValueAsString(DocumentMapping.toDocument(topology)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write topology " + topology.name(), e);
    }
  }

  /** Writes through a temporary file and a rename, so a failed save leaves the old file whole. */
  public static void save(Topology topology, Path file) throws IOException {
    saveJson(toJson(topology), file);
  }

  /** Writes a topology's text made earlier by {@link #toJson}, the way {@link #save} does. */
  public static void saveJson(String json, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
