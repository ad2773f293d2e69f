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
    try {
      dev.patchbay.backends.qemu.LabGuestStarter.stopAll(state, lab); // up starts the design's guests
    } finally {
      LabFixture.deleteSandbox(lab);
    }
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
  void countersGiveEveryLinkAReadingOrAReasonAndRatesFromTheSecondPoll() throws Exception {
    Agent agent = new Agent(new Labs(state));
    ObjectNode up = upRequest();
    assertTrue(agent.handle(up).path("ok").asBoolean());
    ObjectNode ask = request("counters");
    ask.set("topology", up.get("topology"));
    JsonNode first = agent.handle(ask);
    assertTrue(first.path("ok").asBoolean(), first.toString());
    assertEquals(6, first.path("links").size(), first.toString());
    JsonNode outside = link(first, "l0");
    assertTrue(outside.path("total").isNull() && outside.path("note").asText().contains("outside"), outside.toString());
    JsonNode nic = link(first, "l4");
    assertTrue(nic.path("source").asText().contains("filter-dump"), "the running guest's NIC is read from QEMU: " + nic);
    long before = link(first, "l1").path("total").asLong();
    Process ping = new ProcessBuilder("ip", "netns", "exec", "pb-" + lab + "-host", "busybox", "ping", "-c", "3",
        "-W", "2", "203.0.113.1").redirectErrorStream(true).start();
    String out = new String(ping.getInputStream().readAllBytes());
    assertEquals(0, ping.waitFor(), out);
    JsonNode second = agent.handle(ask);
    JsonNode uplink = link(second, "l1");
    assertTrue(uplink.path("total").asLong() >= before + 6, "3 echo requests and 3 replies crossed eth0: " + uplink);
    assertTrue(uplink.path("rate").asDouble() > 0, uplink.toString());
    assertTrue(agent.handle(request("down")).path("ok").asBoolean());
    assertFalse(LabFixture.anyLeft(lab));
  }

  private static JsonNode link(JsonNode answer, String id) {
    for (JsonNode l : answer.path("links")) {
      if (l.path("linkId").asText().equals(id)) {
        return l;
      }
    }
    throw new AssertionError("no reading for " + id + " in " + answer);
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
