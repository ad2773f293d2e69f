package dev.patchbay.model.importer.gns3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.patchbay.model.format.FileLimits;
import dev.patchbay.model.importer.ForeignPositions;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.text.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .gns3} file's JSON into a {@link Gns3Project}: 2.x files (revision 5 and later)
 * as they are, 1.x files (revision 4 and older) translated the way GNS3 2.x's own converter does
 * (1.x "QemuVM" is 2.x "qemu"; hub and switch ports were numbered from 1; clouds named their ports
 * "nio_gen_eth:eth0", "nio_tap:tap0", "nio_udp:...").
 */
final class Gns3Reader {
  /** The newest revision read (GNS3 2.2); newer files are read as it, with a warning. */
  static final int NEWEST_REVISION = 9;

  /** Drawings may hold an embedded picture: longer texts than a topology's, still bounded. */
  private static final int MAX_TEXT = 4 * 1024 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(FileLimits.MAX_DEPTH)
              .maxNumberLength(FileLimits.MAX_NUMBER_LENGTH)
              .maxStringLength(MAX_TEXT)
              .maxNameLength(FileLimits.MAX_STRING_LENGTH)
              .maxDocumentLength(FileLimits.MAX_BYTES)
              .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final String file;
  private final List<String> warnings;

  private Gns3Reader(String file, List<String> warnings) {
    this.file = file;
    this.warnings = warnings;
  }

  /** The file's JSON tree, or an ImportException naming the file, line and column. */
  static JsonNode tree(SourceFile source) {
    if (source.bytes().length > FileLimits.MAX_BYTES) {
      throw new ImportException(source.name() + ": " + source.bytes().length + " bytes; a GNS3 project may have at most "
          + FileLimits.MAX_BYTES);
    }
    try {
      JsonNode root = MAPPER.readTree(source.bytes());
      if (root == null || !root.isObject()) {
        throw new ImportException(source.name() + ": not a GNS3 project: expected a JSON object with \"topology\"");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String place = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr() + ":";
      throw new ImportException(source.name() + ":" + place + " not valid JSON: " + Printable.line(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ImportException(source.name() + ": cannot be read: " + Printable.line(e.getMessage()));
    }
  }

  /** Whether the tree looks like a GNS3 project: a "topology" object and a revision or type. */
  static boolean looksLikeProject(JsonNode root) {
    return root.path("topology").isObject()
        && (root.path("revision").isInt() || "topology".equals(root.path("type").asText()));
  }

  static Gns3Project read(SourceFile source, List<String> warnings) {
    JsonNode root = tree(source);
    if (!looksLikeProject(root)) {
      throw new ImportException(source.name() + ": not a GNS3 project: expected \"topology\" and \"revision\" at the top");
    }
    return new Gns3Reader(source.name(), warnings).project(root);
  }

  private Gns3Project project(JsonNode root) {
    int revision = root.path("revision").asInt(0);
    JsonNode topology = root.path("topology");
    boolean old = revision > 0 ? revision <= 4 : !firstNodeHasNodeType(topology);
    if (revision > NEWEST_REVISION) {
      warnings.add(Printable.line(file) + ": written by a newer GNS3 (file revision " + revision + ", version "
          + Printable.quoted(root.path("version").asText("?")) + "); read as revision " + NEWEST_REVISION
          + ", fields this version does not know are ignored");
    }
    String name = root.path("name").asText("GNS3 project");
    String version = root.path("version").asText("");
    String projectId = root.path("project_id").asText("");
    return old ? new Gns3Legacy(file, this).read(topology, name, projectId, revision, version)
        : current(topology, name, projectId, revision, version);
  }

  private static boolean firstNodeHasNodeType(JsonNode topology) {
    JsonNode nodes = topology.path("nodes");
    return !nodes.isArray() || nodes.isEmpty() || nodes.get(0).has("node_type");
  }

  /** GNS3 2.x: nodes with node_type, links with nodes[] of node_id, adapter_number, port_number. */
  private Gns3Project current(JsonNode topology, String name, String projectId, int revision, String version) {
    List<Gns3Project.Node> nodes = new ArrayList<>();
    JsonNode nodeArray = array(topology, "nodes", "topology");
    for (int i = 0; i < nodeArray.size(); i++) {
      JsonNode n = object(nodeArray.get(i), "topology.nodes[" + i + "]");
      String nodeName = text(n, "name", "topology.nodes[" + i + "]");
      String where = "topology.nodes[" + i + "] (" + Printable.quoted(nodeName) + ")";
      JsonNode props = n.path("properties");
      JsonNode mapping = props.has("ports_mapping") ? props.get("ports_mapping") : props.path("ports");
      nodes.add(new Gns3Project.Node(text(n, "node_id", where), text(n, "node_type", where), nodeName,
          coordinate(n, "x", where), coordinate(n, "y", where), props, n.path("custom_adapters"),
          cloudPorts(mapping, where), where));
    }
    List<Gns3Project.Link> links = new ArrayList<>();
    JsonNode linkArray = array(topology, "links", "topology");
    for (int i = 0; i < linkArray.size(); i++) {
      String where = "topology.links[" + i + "]";
      JsonNode ends = array(object(linkArray.get(i), where), "nodes", where);
      if (ends.size() != 2) {
        throw problem(where + ".nodes", "two ends, found " + ends.size());
      }
      links.add(new Gns3Project.Link(end(ends.get(0), where + ".nodes[0]"), end(ends.get(1), where + ".nodes[1]"), where));
    }
    return new Gns3Project(name, projectId, revision, version, nodes, links, Gns3Texts.drawings(topology.path("drawings")));
  }

  private Gns3Project.End end(JsonNode e, String where) {
    object(e, where);
    return new Gns3Project.End(text(e, "node_id", where), number(e, "adapter_number", where, 0),
        number(e, "port_number", where, 0));
  }

  private List<Gns3Project.CloudPort> cloudPorts(JsonNode mapping, String where) {
    List<Gns3Project.CloudPort> ports = new ArrayList<>();
    if (!mapping.isArray()) {
      return ports;
    }
    for (int i = 0; i < mapping.size(); i++) {
      JsonNode p = mapping.get(i);
      String at = where + ".properties.ports_mapping[" + i + "]";
      object(p, at);
      String iface = p.path("interface").asText(p.path("name").asText(""));
      ports.add(new Gns3Project.CloudPort(number(p, "port_number", at, i), p.path("type").asText("ethernet"),
          p.path("name").asText(iface), iface));
    }
    return ports;
  }

  // ---- checked access: a wrong type is an error naming the place ------------------------------

  ImportException problem(String where, String expected) {
    return new ImportException(file + ": " + where + ": expected " + expected);
  }

  JsonNode object(JsonNode n, String where) {
    if (n == null || !n.isObject()) {
      throw problem(where, "an object");
    }
    return n;
  }

  JsonNode array(JsonNode parent, String field, String where) {
    JsonNode a = parent.path(field);
    if (a.isMissingNode() || a.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!a.isArray()) {
      throw problem(where + "." + field, "a list");
    }
    int max = field.equals("nodes") ? FileLimits.MAX_ELEMENTS : FileLimits.MAX_ENTRIES;
    if (a.size() > max) {
      throw problem(where + "." + field, "at most " + max + " entries, found " + a.size());
    }
    return a;
  }

  String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !(v.isTextual() || v.isIntegralNumber())) {
      throw problem(where + "." + field, "a text");
    }
    return v.asText();
  }

  int number(JsonNode n, String field, String where, int absent) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw problem(where + "." + field, "a whole number, found " + Printable.quoted(v.toString()));
    }
    return v.intValue();
  }

  Double coordinate(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || !ForeignPositions.fits(v.doubleValue())) {
      throw problem(where + "." + field, "a scene coordinate (a number within +-1,000,000), found "
          + Printable.quoted(v.toString()));
    }
    return v.doubleValue();
  }
}
