package dev.patchbay.model.importer.clab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.text.Printable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML file as a tree of text values, read from Jackson's YAML parser with anchors and aliases
 * expanded under a bound. Jackson hands an alias ({@code *srl}) over as the anchor's name, so a file
 * using anchors (and merge keys, {@code <<: *srl}, common in containerlab files) would otherwise be
 * read wrong without a word; expanding them here counts every node an alias brings, so a
 * "billion laughs" file stops at {@link #MAX_NODES} instead of filling the memory.
 */
final class YamlTree {
  /** Far more than any lab: a 1,000-node topology with settings is some 20,000 nodes. */
  static final int MAX_NODES = 200_000;
  private static final int MAX_DEPTH = 64;
  /** A 2,000-node topology is some 200 KB; SnakeYAML reads about a MB a second, so this bounds the wait too. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final YAMLParser parser;
  private final String file;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private final Map<String, Integer> sizes = new HashMap<>();
  private int count;

  private YamlTree(YAMLParser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  /** The first document of the file; a file with a second document is refused. */
  static JsonNode read(SourceFile source) {
    if (source.bytes().length > MAX_BYTES) {
      throw new ImportException(source.name() + ": " + source.bytes().length + " bytes is more than a containerlab"
          + " topology needs (at most " + MAX_BYTES + "); refused");
    }
    LoaderOptions options = new LoaderOptions();
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowDuplicateKeys(false);
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    try (YAMLParser p = factory.createParser(source.bytes())) {
      YamlTree tree = new YamlTree(p, source.name());
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ImportException(source.name() + ": the file is empty; expected a containerlab topology");
      }
      JsonNode root = tree.value(first);
      if (p.nextToken() != null) {
        throw tree.error("a second YAML document ('---'); a containerlab topology is one document");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ImportException(source.name() + place(e.getLocation()) + ": not valid YAML: "
          + Printable.line(problem(e)));
    } catch (IOException e) {
      throw new ImportException(source.name() + ": cannot be read: " + Printable.line(String.valueOf(e.getMessage())));
    }
  }

  private JsonNode value(JsonToken token) throws IOException {
    if (parser.isCurrentAlias()) {
      return alias(parser.getText());
    }
    String anchor = parser.getCurrentAnchor();
    int before = count;
    count(1);
    JsonNode n = switch (token) {
      case START_OBJECT -> mapping();
      case START_ARRAY -> list();
      case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
      default -> JsonNodeFactory.instance.textNode(parser.getText());
    };
    if (anchor != null) {
      anchors.put(anchor, n);
      sizes.put(anchor, count - before);
    }
    return n;
  }

  private JsonNode alias(String name) {
    JsonNode target = anchors.get(name);
    if (target == null) {
      throw error("the alias *" + Printable.line(name) + " names no anchor (&" + Printable.line(name) + ") above it");
    }
    count(sizes.get(name));
    return target;
  }

  private ObjectNode mapping() throws IOException {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      JsonLocation at = parser.currentLocation();
      JsonNode v = value(parser.nextToken());
      if (key.equals("<<")) {
        merge(merged, v);
      } else if (out.has(key)) {
        throw new ImportException(file + place(at) + ": the key " + Printable.quoted(key) + " appears twice here");
      } else {
        out.set(key, v);
      }
    }
    // Keys of the mapping itself win over merged ones, as YAML's merge key says.
    merged.fields().forEachRemaining(e -> {
      if (!out.has(e.getKey())) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  private void merge(ObjectNode into, JsonNode v) {
    if (v.isObject()) {
      v.fields().forEachRemaining(e -> {
        if (!into.has(e.getKey())) {
          into.set(e.getKey(), e.getValue());
        }
      });
    } else if (v.isArray()) {
      v.forEach(m -> merge(into, m));
    } else {
      throw error("a merge key (<<) needs a mapping or a list of mappings");
    }
  }

  private ArrayNode list() throws IOException {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      out.add(value(t));
    }
    return out;
  }

  private void count(int n) {
    count += n;
    if (count > MAX_NODES) {
      throw error("more than " + MAX_NODES + " values once aliases are expanded (an alias bomb?); refused");
    }
  }

  private ImportException error(String what) {
    return new ImportException(file + place(parser.currentLocation()) + ": " + what);
  }

  private static String place(JsonLocation at) {
    return at == null || at.getLineNr() < 1 ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** SnakeYAML's context and problem ("while parsing a block mapping; expected <block end>, ..."), not its excerpts. */
  private static String problem(JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
      String context = m.getContext() == null ? "" : m.getContext() + "; ";
      return context + (m.getProblem() == null ? "" : m.getProblem());
    }
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
