package dev.patchbay.app.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;

/** One request to Patchbay's privileged agent, one answer ({"ok":true,...} or {"ok":false,"error":...}). */
public interface AgentConnection extends AutoCloseable {
  JsonNode call(ObjectNode request) throws IOException;

  /**
   * As {@link #call(ObjectNode)}; the event lines the agent sends before the answer (an up's
   * {"event":"progress",...} per step) go to {@code events} on the calling thread as they arrive.
   */
  default JsonNode call(ObjectNode request, Consumer<JsonNode> events) throws IOException {
    return call(request);
  }

  /**
   * Asks the agent to stop the up whose request carried {@code requestId} (events carry it too);
   * the up answers later, rolled back. Safe to call from inside {@code events}.
   */
  default void cancel(JsonNode requestId) throws IOException {
    throw new IOException("this agent connection cannot cancel");
  }

  @Override
  void close();
}
