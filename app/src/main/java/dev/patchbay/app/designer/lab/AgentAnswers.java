package dev.patchbay.app.designer.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The agent's answers turned into what the designer shows: counter snapshots and guest states. */
final class AgentAnswers {

  private AgentAnswers() {}

  /** A "counters" answer: one reading per link. */
  static CounterSnapshot snapshot(JsonNode answer) throws IOException {
    List<LinkReading> links = new ArrayList<>();
    for (JsonNode l : answer.path("links")) {
      links.add(AgentJson.MAPPER.treeToValue(l, LinkReading.class));
    }
    return new CounterSnapshot(Instant.now(), answer.path("elapsedSeconds").asDouble(), links);
  }

  /** A "guests" answer: each guest's [state, QEMU's last stderr lines], by guest name. */
  static Map<String, String[]> guestStates(JsonNode answer) {
    Map<String, String[]> out = new HashMap<>();
    answer.path("guests").fields().forEachRemaining(e -> {
      List<String> stderr = new ArrayList<>();
      e.getValue().path("stderr").forEach(l -> stderr.add(l.asText()));
      out.put(e.getKey(), new String[] {e.getValue().path("state").asText(), String.join("\n", stderr)});
    });
    return out;
  }
}
