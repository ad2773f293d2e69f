package dev.patchbay.backends.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent protocol between AgentClient and AgentServer, with a lab service that only records. */
class AgentProtocolTest {
  @TempDir
  Path state;

  /** Every line the client writes, to look at what crosses the pipe. */
  private static final class Recording implements AgentClient.Transport {
    final PipedAgent pipe;
    final List<String> sent = new ArrayList<>();

    Recording(LabService service) throws IOException {
      pipe = new PipedAgent(service);
    }

    @Override
    public String readLine() throws IOException {
      return pipe.readLine();
    }

    @Override
    public synchronized void writeLine(String line) throws IOException {
      sent.add(line);
      pipe.writeLine(line);
    }

    @Override
    public String whyEnded() {
      return pipe.whyEnded();
    }

    @Override
    public void close() {
      pipe.close();
    }
  }

  /** A lab service that answers from memory; its up waits for a cancel when asked to. */
  private static class Fake implements LabService {
    final CountDownLatch upStarted = new CountDownLatch(1);
    volatile boolean cancelled;
    volatile boolean waitForCancel;
    LabException failure;

    @Override
    public UpAnswer up(UpRequest request, UpListener listener) throws LabException {
      listener.step(0, 1, "create tap tap0");
      upStarted.countDown();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (waitForCancel && !cancelled && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      if (cancelled) {
        throw new LabException(LabException.Reason.CANCELLED, "cancelled before step 2 of 2");
      }
      return new UpAnswer(request.lab(), "sandbox", new Plan(List.of(new Step.CreateTap("tap0", null))),
          List.of(new dev.patchbay.backends.apply.Applier.Done(new Step.CreateTap("tap0", null), "done")), 1234L);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public Plan plan(String lab, Topology design, TargetSpec target) {
      return new Plan(List.of(new Step.SetUp("tap0")));
    }

    @Override
    public List<String> down(String lab) throws LabException {
      if (failure != null) {
        throw failure;
      }
      return List.of("deleted tap0");
    }

    @Override
    public List<LabSummary> labs() {
      return List.of(new LabSummary("lab1", "sandbox pb-lab1-host", "2026-12-07T12:00:00Z", "waiting", 99L));
    }

    @Override
    public void confirm(String lab) throws LabException {
      throw new LabException(LabException.Reason.TOO_LATE, "too late: lab " + lab + "'s deadline passed");
    }

    @Override
    public CounterSnapshot counters(String lab) {
      return new CounterSnapshot(Instant.now(), 0.5, List.of(LinkReading.unavailable("l0", "a", "b", "outside")));
    }

    @Override
    public List<GuestState> guests(String lab) {
      return List.of(new GuestState("GUEST1", "running", List.of("warning")));
    }

    @Override
    public String link(String lab, String linkId, boolean up) {
      return "link " + linkId + (up ? " up" : " down");
    }

    @Override
    public String console(String lab, String guest) {
      return "login:";
    }

    @Override
    public ConsoleSession openConsole(String lab, String guest, ConsoleListener listener) throws LabException {
      throw new LabException(LabException.Reason.NOT_FOUND, "this fake has no consoles (AgentConsoleTest has)");
    }

    @Override
    public String display(String lab, String guest) {
      return "/run/" + lab + "/" + guest + "/display.sock";
    }

    @Override
    public VerifyReport verify(String lab, Topology design, boolean allowErrors) {
      return new VerifyReport(lab, List.of(), allowErrors ? List.of("create tap tap0: refused") : List.of());
    }

    @Override
    public void close() {
    }
  }

  @Test
  void everyAnswerArrivesTypedAsTheServiceGaveIt() throws Exception {
    Fake fake = new Fake();
    try (AgentClient agent = AgentClient.connect(new PipedAgent(fake))) {
      var up = agent.up(new LabService.UpRequest("lab1", new Topology(), TargetSpec.sandbox(), 30, "f"),
          LabService.UpListener.NONE);
      assertEquals(List.of(new Step.CreateTap("tap0", null)), up.plan().steps());
      assertEquals(1234L, up.confirmBy());
      assertEquals("done", up.done().get(0).outcome());
      assertEquals(List.of(new Step.SetUp("tap0")), agent.plan("lab1", new Topology(), TargetSpec.sandbox()).steps());
      assertEquals(List.of("deleted tap0"), agent.down("lab1"));
      assertTrue(agent.labs().get(0).awaitingConfirmation());
      assertEquals("outside", agent.counters("lab1").links().get(0).note());
      assertEquals(List.of("warning"), agent.guests("lab1").get(0).stderr());
      assertEquals("link l3 down", agent.link("lab1", "l3", false));
      assertEquals("login:", agent.console("lab1", "GUEST1"));
      assertEquals("/run/lab1/GUEST1/display.sock", agent.display("lab1", "GUEST1"));
      assertEquals("lab1", agent.verify("lab1", new Topology(), false).lab());
      assertEquals(List.of("create tap tap0: refused"), agent.verify("lab1", new Topology(), true).notApplied(),
          "allowErrors goes to the agent, and the steps not applied come back");
    }
  }

  @Test
  void aFailureKeepsItsKindAndSentence() throws Exception {
    Fake fake = new Fake();
    fake.failure = new LabException(LabException.Reason.BUSY, "lab lab1 is busy: patchbay up (pid 7)");
    try (AgentClient agent = AgentClient.connect(new PipedAgent(fake))) {
      var busy = assertThrows(LabException.class, () -> agent.down("lab1"));
      assertEquals(LabException.Reason.BUSY, busy.reason());
      assertEquals("lab lab1 is busy: patchbay up (pid 7)", busy.getMessage());
      assertEquals(LabException.Reason.TOO_LATE, assertThrows(LabException.class, () -> agent.confirm("lab1")).reason());
    }
  }

  @Test
  void aPollNamesTheLabOnlyNotTheDesign() throws Exception {
    Recording pipe = new Recording(new Fake());
    try (AgentClient agent = AgentClient.connect(pipe)) {
      agent.counters("lab1");
      agent.link("lab1", "l3", true);
    }
    String poll = pipe.sent.stream().filter(l -> l.contains("\"counters\"")).findFirst().orElseThrow();
    assertEquals("{\"op\":\"counters\",\"lab\":\"lab1\",\"id\":\"2\"}", poll);
    assertFalse(pipe.sent.stream().filter(l -> l.contains("\"link\"")).findFirst().orElseThrow().contains("design"));
  }

  @Test
  void aCancelReachesTheRunningUpWhichFailsAsCancelled() throws Exception {
    Fake fake = new Fake();
    fake.waitForCancel = true;
    try (AgentClient agent = AgentClient.connect(new PipedAgent(fake))) {
      var e = assertThrows(LabException.class, () -> agent.up(new LabService.UpRequest("lab1", new Topology(),
          TargetSpec.sandbox(), 0, "f"), (i, n, step) -> agent.cancel()));
      assertEquals(LabException.Reason.CANCELLED, e.reason());
      assertTrue(fake.cancelled);
    }
  }

  @Test
  void anAgentOfAnotherProtocolIsRefusedWithASentence() throws Exception {
    PipedAgent pipe = new PipedAgent(new Fake());
    pipe.writeLine("{\"op\":\"hello\",\"protocol\":99,\"id\":1}");
    JsonNode answer = AgentCodec.JSON.readTree(pipe.readLine());
    assertFalse(answer.path("ok").asBoolean());
    assertEquals("unavailable", answer.path("reason").asText());
    assertTrue(answer.path("error").asText().startsWith("Patchbay's agent speaks protocol " + LabService.PROTOCOL + " and its client protocol 99"),
        answer.toString());
    pipe.writeLine("{\"op\":\"labs\",\"id\":2}");
    assertTrue(AgentCodec.JSON.readTree(pipe.readLine()).path("error").asText().contains("did not say which protocol"),
        "nothing is served before a hello that matches");
    pipe.close();
  }

  @Test
  void unknownOpsAndUnsafeLabNamesAreRefusedAsAnswers() throws Exception {
    try (LocalLabService local = new LocalLabService(new Labs(state));
        AgentClient agent = AgentClient.connect(new PipedAgent(local))) {
      var refused = assertThrows(LabException.class, () -> agent.down("x;rm -rf /"));
      assertEquals(LabException.Reason.REFUSED, refused.reason());
      assertTrue(refused.getMessage().contains("lab name 'x;rm -rf /' refused"), refused.getMessage());
      assertEquals(LabException.Reason.NOT_FOUND, assertThrows(LabException.class, () -> agent.down("nosuchlab"))
          .reason());
    }
    PipedAgent pipe = new PipedAgent(new Fake());
    pipe.writeLine("{\"op\":\"hello\",\"protocol\":" + LabService.PROTOCOL + ",\"id\":1}");
    pipe.readLine();
    pipe.writeLine("{\"op\":\"reboot\",\"id\":7}");
    JsonNode answer = AgentCodec.JSON.readTree(pipe.readLine());
    assertEquals("7", answer.path("id").asText());
    assertTrue(answer.path("error").asText().startsWith("unknown op 'reboot'"), answer.toString());
    pipe.close();
  }
}
