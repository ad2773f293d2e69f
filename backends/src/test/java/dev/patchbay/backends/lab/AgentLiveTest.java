package dev.patchbay.backends.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.Sandbox;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.netlink.Netns;
import dev.patchbay.backends.qemu.LabGuestStarter;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab service through the agent's protocol, end to end in a sandbox: an up of nat-bridge, counter
 * polls that name the lab only (the agent keeps its design), a guest list, and down.
 */
@Tag("live")
class AgentLiveTest {
  @TempDir
  Path state;
  private final String lab = "a" + HexFormat.of().formatHex(random());

  private static byte[] random() {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  @AfterEach
  void removeSandbox() throws Exception {
    try {
      LabGuestStarter.stopAll(state, lab); // up starts the design's guests
    } finally {
      for (String ns : Sandbox.namespaces(lab)) {
        Netns.delete(ns);
      }
    }
  }

  private static Topology sample(String name) throws Exception {
    return TopologyFiles.load(Path.of("..", "samples", name));
  }

  @Test
  void countersNameTheLabOnlyGiveEveryLinkAReadingOrAReasonAndRatesFromTheSecondPoll() throws Exception {
    try (LocalLabService local = new LocalLabService(new Labs(state));
        AgentClient agent = AgentClient.connect(new PipedAgent(local))) {
      Topology t = sample("nat-bridge.json");
      java.util.List<String> steps = new java.util.ArrayList<>();
      LabService.UpAnswer up = agent.up(new LabService.UpRequest(lab, t, TargetSpec.sandbox(), 0, "test"),
          (index, total, step) -> steps.add(step));
      assertEquals(up.plan().steps().size(), steps.size(), "one progress line per step");
      assertTrue(new Labs(state).planFor(t, lab, TargetSpec.sandbox()).isEmpty(), "the lab is applied whole");
      CounterSnapshot first = agent.counters(lab);
      assertEquals(6, first.links().size());
      LinkReading outside = reading(first, "l0");
      assertTrue(!outside.available() && outside.note().contains("outside"), outside.toString());
      assertTrue(reading(first, "l4").source().contains("filter-dump"), "the running guest's NIC is read from QEMU");
      long before = reading(first, "l1").total();
      Process ping = new ProcessBuilder("ip", "netns", "exec", Sandbox.host(lab), "busybox", "ping", "-c", "3",
          "-W", "2", "203.0.113.1").redirectErrorStream(true).start();
      String out = new String(ping.getInputStream().readAllBytes());
      assertEquals(0, ping.waitFor(), out);
      LinkReading uplink = reading(agent.counters(lab), "l1");
      assertTrue(uplink.total() >= before + 6, "3 echo requests and 3 replies crossed eth0: " + uplink);
      assertTrue(uplink.rate() > 0, uplink.toString());
      assertEquals(java.util.Set.of("GUEST1", "GUEST2"), agent.guests(lab).stream().map(LabService.GuestState::name)
          .collect(java.util.stream.Collectors.toSet()));
      assertTrue(agent.labs().stream().anyMatch(l -> l.lab().equals(lab) && l.state().equals("up")));
      var unknown = assertThrows(LabException.class, () -> agent.link(lab, "l99", false));
      assertEquals(LabException.Reason.REFUSED, unknown.reason());
      assertTrue(unknown.getMessage().contains("no link 'l99'"), unknown.getMessage());
      agent.down(lab);
      assertFalse(Sandbox.namespaces(lab).stream().anyMatch(Netns::exists));
      var gone = assertThrows(LabException.class, () -> agent.counters(lab));
      assertEquals(LabException.Reason.NOT_FOUND, gone.reason(), gone.getMessage());
    }
  }

  @Test
  void aNewAgentReadsTheDesignOfALabItDidNotApply() throws Exception {
    try (LocalLabService first = new LocalLabService(new Labs(state))) {
      first.up(new LabService.UpRequest(lab, sample("socket-listen-connect.json"), TargetSpec.sandbox(), 0, "t"),
          LabService.UpListener.NONE);
    }
    try (LocalLabService second = new LocalLabService(new Labs(state));
        AgentClient agent = AgentClient.connect(new PipedAgent(second))) {
      assertFalse(agent.counters(lab).links().isEmpty(), "the design came from the lab's topology.json");
      agent.down(lab);
    }
  }

  private static LinkReading reading(CounterSnapshot s, String id) {
    return s.links().stream().filter(l -> l.linkId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no reading for " + id + " in " + s.links()));
  }
}
