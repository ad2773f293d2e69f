package dev.patchbay.app.designer.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson mapper of the designer's agent requests and answers. A holder made on first use:
 * Jackson's ~250 classes would cost the designer's start, and no lab runs before the first frame.
 */
final class AgentJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AgentJson() {}

  /** {@code {"op": op}}, for the caller to add its fields. */
  static ObjectNode request(String op) {
    return MAPPER.createObjectNode().put("op", op);
  }

  /** The design as the agent takes it: the file format's JSON, as a tree. */
  static ObjectNode topology(Topology t) {
    try {
      return (ObjectNode) MAPPER.readTree(TopologyFiles.toJson(t));
    } catch (IOException e) {
      throw new UncheckedIOException("the design's own JSON did not parse", e);
    }
  }
}
