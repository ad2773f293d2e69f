package dev.patchbay.backends.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("live")
class AgentLiveTest {
  @TempDir
  Path state;
  private final String lab = LabFixture.uniqueLab();

  @AfterEach
  void removeSandbox() throws Exception {
    LabFixture.deleteSandbox(lab);
  }

  private ObjectNode request(String op) {
    return Journal.JSON.createObjectNode().put("id", 7).put("op", op).put("lab", lab);
  }

  private ObjectNode upRequest() throws Exception {
    ObjectNode up = request("up");
    up.set("topology", Journal.JSON.readTree(Files.readString(LabFixture.SAMPLES.resolve("002-p2-nat-bridge.json"))));
    return up;
  }

  @Test
  void statsReportOnlyTheLabsMarkedLinks() throws Exception {
    Agent agent = new Agent(new Labs(state));
    JsonNode up = agent.handle(upRequest());
    assertTrue(up.path("ok").asBoolean(), up.toString());
    JsonNode stats = agent.handle(request("stats"));
    assertEquals(java.util.Set.of("tap0", "tap1", "br0"), fieldNames(stats.path("links")), stats.toString());
    assertFalse(stats.path("links").has("eth0"), "the sandbox's uplink is not the lab's");
    assertTrue(agent.handle(request("down")).path("ok").asBoolean());
    assertFalse(LabFixture.anyLeft(lab));
  }

  @Test
  void anUnknownOpIsAnsweredWithAnErrorNotAnException() {
    JsonNode answer = new Agent(new Labs(state)).handle(request("reboot"));
    assertFalse(answer.path("ok").asBoolean());
    assertEquals(7, answer.path("id").asInt());
    assertTrue(answer.path("error").asText().contains("unknown op 'reboot'"));
  }

  @Test
  void aLabNameWithShellCharactersIsRefused() {
    JsonNode answer = new Agent(new Labs(state)).handle(request("down").put("lab", "x;rm -rf /"));
    assertFalse(answer.path("ok").asBoolean());
    assertTrue(answer.path("error").asText().contains("lab name 'x;rm -rf /' refused"), answer.toString());
  }

  private static java.util.Set<String> fieldNames(JsonNode node) {
    java.util.Set<String> out = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
