package dev.patchbay.app.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** One request to Patchbay's privileged agent, one answer ({"ok":true,...} or {"ok":false,"error":...}). */
public interface AgentConnection extends AutoCloseable {
  JsonNode call(ObjectNode request) throws IOException;

  @Override
  void close();
}
