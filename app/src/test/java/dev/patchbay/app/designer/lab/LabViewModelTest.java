package dev.patchbay.app.designer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.app.lab.AgentConnection;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class LabViewModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An agent that answers from a script and remembers what it was asked. */
  static final class ScriptedAgent implements AgentConnection {
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> cancels = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();
    volatile boolean upFails;
    /** Progress events an up sends before its answer. */
    volatile int upSteps = 0;
    /** An up waits after its first event until it is cancelled, then answers rolled back. */
    volatile boolean upWaitsForCancel;
    /** An up answers this deadline (epoch ms) when not null: its changes can cut the host off. */
    volatile Long confirmBy;
    /** What "labs" says of lab1: "waiting", "confirmed" or "gone" (reverted by the watcher). */
    volatile String labState = "waiting";
    /** "counters" answers an error, as for a lab that is gone. */
    volatile boolean countersFail;

    @Override
    public JsonNode call(ObjectNode request) {
      return call(request, e -> { });
    }

    @Override
    public void cancel(JsonNode requestId) {
      cancels.add(requestId);
    }

    @Override
    public JsonNode call(ObjectNode request, java.util.function.Consumer<JsonNode> events) {
      request.put("id", ids.incrementAndGet());
      requests.add(request.deepCopy());
      ObjectNode a = JSON.createObjectNode();
      switch (request.path("op").asText()) {
        case "up" -> {
          if (upFails) {
            return a.put("ok", false).put("error", "step 2 of 9 (create bridge br0) failed: EPERM: Operation not permitted");
          }
          for (int i = 0; i < upSteps; i++) {
            events.accept(JSON.createObjectNode().put("id", request.path("id").asLong()).put("event", "progress")
                .put("index", i).put("total", upSteps).put("step", "create tap tap" + i));
            if (upWaitsForCancel) {
              awaitCancel();
              return a.put("ok", false).put("cancelled", true)
                  .put("error", "cancelled before step 2 of " + upSteps + " (create tap tap1); undid steps 1..1 in reverse");
            }
          }
          a.put("ok", true).put("where", "sandbox pb-lab1-host");
          if (confirmBy != null) {
            a.put("needsConfirmation", true).put("confirmBy", confirmBy);
          }
        }
        case "labs" -> {
          a.put("ok", true);
          if (!labState.equals("gone")) {
            a.putArray("labs").addObject().put("lab", "lab1").put("awaitingConfirmation", labState.equals("waiting"));
          } else {
            a.putArray("labs");
          }
        }
        case "counters" -> {
          if (countersFail) {
            return a.put("ok", false).put("error", "no lab named lab1");
          }
          a.put("ok", true).put("elapsedSeconds", 1.0);
          a.putArray("links").addObject().put("linkId", "l2").put("a", "tap0").put("b", "br0")
              .put("aToB", 5).put("bToA", 7).put("total", 12).put("bytes", 1200).put("errors", 0)
              .put("drops", 0).put("rate", 3.0).put("source", "kernel counters of tap0");
        }
        case "guests" -> {
          a.put("ok", true);
          a.putObject("guests").putObject("GUEST1").put("state", "running").putArray("stderr");
        }
        case "console" -> a.put("ok", true).put("text", "\nPB-READY\n");
        case "verify" -> {
          a.put("ok", true);
          ObjectNode report = a.putObject("report").put("disagreements", 0).put("untested", 0);
          report.putArray("cells").addObject().put("from", "guest1").put("to", "lan").put("observed", "yes")
              .put("agrees", true).put("probe", "guest guest1 tcp:10.0.0.2:7070");
        }
        case "link" -> a.put("ok", true).put("result", "link " + request.path("link").asText()
            + (request.path("up").asBoolean() ? " up" : " down"));
        default -> a.put("ok", true);
      }
      return a;
    }

    @Override
    public void close() {}

    private void awaitCancel() {
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (cancels.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no cancel within 20 s");
        }
        Thread.onSpinWait();
      }
    }

    long count(String op) {
      return requests.stream().filter(r -> r.path("op").asText().equals(op)).count();
    }
  }

  private static Topology sample() throws Exception {
    String p = System.getProperty("patchbay.samples");
    return TopologyFiles.load((p != null ? Path.of(p) : Path.of("..", "samples")).resolve("002-p2-nat-bridge.json"));
  }

  static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Test
  void applySendsTheDesignThenCountersReachTheCanvasAndTearDownLeavesLiveMode() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    LiveCountersViewModel counters = new LiveCountersViewModel();
    LabViewModel vm = new LabViewModel(() -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run, counters);
    vm.apply(sample(), "lab1");
    waitUntil(() -> counters.snapshotProperty().get() != null);
    assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get());
    JsonNode up = agent.requests.get(0);
    assertEquals("sandbox", up.path("target").asText());
    assertEquals("patchbay-topology", up.path("topology").path("format").asText(), "the design itself is sent");
    assertEquals(12L, counters.snapshotProperty().get().link("l2").orElseThrow().total());
    vm.tearDown();
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertNull(counters.snapshotProperty().get(), "back to plain wires");
    assertEquals(1, agent.count("down"));
    long polls = agent.count("counters");
    assertTrue(polls >= 1);
    vm.close();
  }

  @Test
  void aRefusedApplySaysWhyAndStaysInDesign() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    agent.upFails = true;
    LabViewModel vm = new LabViewModel(() -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    vm.apply(sample(), "lab1");
    waitUntil(() -> vm.statusProperty().get().startsWith("Cannot apply"));
    assertEquals(LabViewModel.State.DESIGN, vm.stateProperty().get());
    assertTrue(vm.statusProperty().get().contains("EPERM"), vm.statusProperty().get());
    assertEquals(0, agent.count("counters"));
    vm.close();
  }

  @Test
  void tenPerSecondPollsTenTimesFasterAndMoreThanTenIsRefused() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    LabViewModel vm = new LabViewModel(() -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    vm.apply(sample(), "lab1");
    waitUntil(() -> agent.count("counters") >= 1);
    vm.setRefreshHz(10);
    long start = System.nanoTime();
    long from = agent.count("counters");
    waitUntil(() -> agent.count("counters") >= from + 10);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds < 5, "10 polls at 10 Hz took " + seconds + " s; at 1 Hz they take about 10 s");
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> vm.setRefreshHz(20));
    vm.close();
  }

  @Test
  void cuttingALinkAsksTheAgentAndDrawsItDashedUntilRestored() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    LiveCountersViewModel counters = new LiveCountersViewModel();
    LabViewModel vm = new LabViewModel(() -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run, counters);
    vm.apply(sample(), "lab1");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.LIVE);
    vm.setLink("l4", false);
    waitUntil(() -> vm.isCut("l4"));
    JsonNode asked = agent.requests.stream().filter(r -> r.path("op").asText().equals("link")).findFirst().orElseThrow();
    assertEquals("l4", asked.path("link").asText());
    assertTrue(!asked.path("up").asBoolean() && asked.path("topology").has("links"));
    vm.setLink("l4", true);
    waitUntil(() -> !vm.isCut("l4"));
    vm.close();
  }

  @Test
  void runningGuestsStatesAndConsolesComeFromTheAgent() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    LabViewModel vm = new LabViewModel(() -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    vm.apply(sample(), "lab1");
    waitUntil(() -> vm.guestStates().containsKey("GUEST1"));
    assertEquals("running", vm.guestStates().get("GUEST1")[0]);
    java.util.concurrent.atomic.AtomicReference<String> console = new java.util.concurrent.atomic.AtomicReference<>();
    vm.console("GUEST1", console::set);
    waitUntil(() -> console.get() != null);
    assertTrue(console.get().contains("PB-READY"));
    vm.tearDown();
    waitUntil(() -> vm.guestStates().isEmpty());
    vm.close();
  }

  @Test
  void verifyReportsEveryCellAndReturnsToDesign() throws Exception {
    ScriptedAgent agent = new ScriptedAgent();
    LabViewModel vm = new LabViewModel(() -> agent, Executors.newSingleThreadScheduledExecutor(), Runnable::run,
        new LiveCountersViewModel());
    java.util.concurrent.atomic.AtomicReference<JsonNode> report = new java.util.concurrent.atomic.AtomicReference<>();
    vm.verify(sample(), "lab1-verify", report::set);
    waitUntil(() -> report.get() != null);
    assertEquals(LabViewModel.State.DESIGN, vm.stateProperty().get());
    assertEquals("Verified: 1 cells, 0 disagree, 0 untested", vm.statusProperty().get());
    vm.close();
  }

  @Test
  void thePlanShownBeforeApplyingListsTheSteps() throws Exception {
    String plan = ApplyPlan.of(sample(), TargetSpec.sandbox(), "my-lab").planText();
    assertTrue(plan.contains("create bridge br0") && plan.contains("masquerade 192.168.0.0/24"), plan);
  }

  @Test
  void thePlanShownForALabLoadsItsNatIntoTheLabsOwnTable() throws Exception {
    String plan = ApplyPlan.of(sample(), TargetSpec.host(), "my-lab").planText();
    assertTrue(plan.contains("load nft table ip patchbay_my_lab: masquerade 192.168.0.0/24"), plan);
  }
}
