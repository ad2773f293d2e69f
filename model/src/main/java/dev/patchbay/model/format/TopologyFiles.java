package dev.patchbay.model.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;

/**
 * Reads and writes topology files: JSON, pretty-printed with a fixed key order so files diff well.
 *
 * <p>Unknown fields are refused with their location rather than dropped, so that opening a file
 * from a newer Patchbay and saving it can never lose what the newer version wrote.
 */
public final class TopologyFiles {
  public static final String FORMAT = "patchbay-topology";
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private TopologyFiles() {}

  public static Topology load(Path file) throws TopologyFileException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new TopologyFileException(file.toString(), 0, 0, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw new TopologyFileException(file.toString(), 0, 0, "cannot read the file: " + e);
    }
    return parse(text, file.toString());
  }

  /** Reads a topology from text; {@code source} names it in messages (a path, or "clipboard"). */
  public static Topology parse(String text, String source) throws TopologyFileException {
    if (text.isBlank()) {
      throw new TopologyFileException(source, 1, 1, "the file is empty; expected a JSON object");
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw located(source, e);
    }
    if (!(tree instanceof ObjectNode root)) {
      throw new TopologyFileException(source, 1, 1, "expected a JSON object with \"format\": \"" + FORMAT + "\"");
    }
    int version = checkHeader(root, source);
    TopologyDocument doc;
    try {
      doc = version == VERSION
          ? MAPPER.readValue(text, TopologyDocument.class)
          : MAPPER.treeToValue(Migrations.upgrade(root, version), TopologyDocument.class);
    } catch (JsonProcessingException e) {
      throw located(source, e);
    }
    return DocumentMapping.toTopology(doc, source);
  }

  private static int checkHeader(ObjectNode root, String source) throws TopologyFileException {
    JsonNode format = root.get("format");
    if (format == null || !FORMAT.equals(format.asText())) {
      throw new TopologyFileException(source, 1, 1,
          "not a Patchbay topology: expected \"format\": \"" + FORMAT + "\" at the top");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToInt()) {
      throw new TopologyFileException(source, 1, 1, "missing \"version\": expected a whole number such as " + VERSION);
    }
    int v = version.intValue();
    if (v > VERSION) {
      throw new TopologyFileException(source, 0, 0, "this file is format version " + v
          + " and needs a newer Patchbay (one that reads version " + v + "); this one reads up to version " + VERSION);
    }
    if (v < Migrations.OLDEST) {
      throw new TopologyFileException(source, 0, 0, "format version " + v + " is unknown; versions "
          + Migrations.OLDEST + " to " + VERSION + " can be read");
    }
    return v;
  }

  private static TopologyFileException located(String source, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 0 : loc.getLineNr();
    int column = loc == null ? 0 : loc.getColumnNr();
    return new TopologyFileException(source, Math.max(line, 0), Math.max(column, 0), describe(e));
  }

  private static String describe(JsonProcessingException e) {
    String path = e instanceof JsonMappingException m ? path(m) : "";
    String where = path.isEmpty() ? "" : " at " + path;
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
          .map(Object::toString).sorted().collect(Collectors.joining(", "));
      return "unknown field \"" + u.getPropertyName() + "\"" + where + (known.isEmpty() ? "" : "; known fields: " + known);
    }
    if (e instanceof InvalidTypeIdException t) {
      return "unknown element kind \"" + t.getTypeId() + "\"" + where
          + "; expected one of guest, hub, tap, bridge, uplink, socket, vde, user, lan, internet";
    }
    String msg = e.getOriginalMessage();
    int cut = msg.indexOf(" at [Source");
    msg = cut >= 0 ? msg.substring(0, cut) : msg;
    msg = msg.replaceAll("\\(start marker at \\[Source[^)]*\\)", "").replaceAll("\\s+", " ").trim();
    if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
      msg = iae.getMessage();
    }
    return msg + where;
  }

  private static String path(JsonMappingException m) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      }
    }
    return sb.toString();
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
