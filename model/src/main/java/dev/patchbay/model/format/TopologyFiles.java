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
import dev.patchbay.model.topology.NewerFields;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads and writes topology files: JSON, pretty-printed with a fixed key order so files diff well.
 *
 * <p>Versions are a major {@code "version"} and a {@code "minor"} (absent: 0). A newer minor only
 * adds fields: this version reads such a file, keeps the fields it does not know in the topology
 * ({@link NewerFields}) and writes them back where they were, so opening and saving loses nothing.
 * In a file of this version or older an unknown field is refused with its location (a typo must
 * not be kept silently), and a newer major version is refused naming the version it needs.
 */
public final class TopologyFiles {
  public static final String FORMAT = "patchbay-topology";
  public static final int VERSION = 1;
  /** The newest minor version of {@link #VERSION} this build knows every field of: 1.1 adds a guest's display. */
  public static final int MINOR = 1;

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
    int minor = checkMinor(header, text, source);
    boolean newer = version == VERSION && minor > MINOR;
    TopologyDocument doc;
    List<NewerFields.Field> kept = List.of();
    try {
      if (version == VERSION && !newer) {
        doc = MAPPER.readValue(text, TopologyDocument.class);
      } else {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(text);
        if (newer) {
          kept = NewerMinor.strip(MAPPER, tree);
        }
        doc = MAPPER.treeToValue(newer ? tree : Migrations.upgrade(tree, version), TopologyDocument.class);
      }
    } catch (JsonProcessingException e) {
      throw JsonErrors.located(source, e);
    }
    Topology t = DocumentMapping.toTopology(doc, source, pointer -> StructureScan.locate(MAPPER.getFactory(), text, pointer));
    if (!kept.isEmpty()) {
      t.keepNewerFields(new NewerFields(minor, kept));
    }
    return t;
  }

  private static int checkMinor(StructureScan.Header header, String text, String source) throws TopologyFileException {
    if (header.hasMinor() && (header.minor() == null || header.minor() < 0)) {
      int[] at = StructureScan.locate(MAPPER.getFactory(), text, "/minor");
      throw new TopologyFileException(source, at[0], at[1], "\"minor\" is not a whole number of 0 or more");
    }
    return header.hasMinor() ? header.minor() : 0;
  }

  /**
   * What a user must be told when a file of a newer minor version was opened: which fields this
   * version keeps without understanding them; empty for every other file.
   */
  public static Optional<String> newerFieldsWarning(Topology t) {
    NewerFields kept = t.newerFields();
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("this file is format version " + VERSION + "." + kept.minor() + " and this Patchbay reads up to "
        + VERSION + "." + MINOR + "; it keeps " + kept.fields().size() + " field(s) it does not understand as they are"
        + " and saves them back: " + kept.fields().stream().map(NewerFields.Field::where).collect(Collectors.joining(", ")));
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
      TopologyDocument doc = DocumentMapping.toDocument(topology);
      if (!topology.newerFields().isEmpty()) {
        ObjectNode tree = MAPPER.valueToTree(doc);
        NewerMinor.restore(MAPPER, tree, topology.newerFields());
        return WRITER.writeValueAsString(tree) + "\n";
      }
      return WRITER.writeValueAsString(doc) + "\n";
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
