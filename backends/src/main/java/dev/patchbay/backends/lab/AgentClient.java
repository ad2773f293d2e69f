package dev.patchbay.backends.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.verify.VerifyReport;
import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lab service through the agent's pipe: each call is one request line and its answer (AGENT.md),
 * typed on this side as on the agent's. {@link #connect} says hello first, so an agent of another
 * release is refused at once with a sentence instead of misreading its answers later.
 */
public final class AgentClient implements LabService {
  /** The pipe to the agent: lines each way, and why it ended when it did. */
  public interface Transport extends AutoCloseable {
    /** The next line, or null when the agent has ended. */
    String readLine() throws IOException;

    void writeLine(String line) throws IOException;

    /** Why the agent ended, in words, for when {@link #readLine} gave null. */
    String whyEnded();

    @Override
    void close();
  }

  private final Transport transport;
  private final Object writing = new Object();
  private final java.util.concurrent.atomic.AtomicLong nextId = new java.util.concurrent.atomic.AtomicLong();
  private volatile String runningUp;
  /** Requests sent and not answered yet, by id, with where their events go. */
  private final java.util.Map<String, Pending> pending = new java.util.concurrent.ConcurrentHashMap<>();
  /** Open consoles by "lab/guest". */
  private final java.util.Map<String, ConsoleListener> consoles = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String ended;

  private record Pending(java.util.concurrent.CompletableFuture<JsonNode> answer, Consumer<JsonNode> events) {}

  private AgentClient(Transport transport) {
    this.transport = transport;
    Thread reader = new Thread(this::read, "patchbay-agent-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** A client that has said hello and been answered in the same protocol. */
  public static AgentClient connect(Transport transport) throws LabException {
    AgentClient client = new AgentClient(transport);
    try {
      client.call(AgentCodec.request("hello").put("protocol", PROTOCOL), e -> { });
    } catch (LabException e) {
      transport.close();
      throw e;
    }
    return client;
  }

  /**
   * The one reader of the pipe: answers go to their request by id (console requests are answered
   * out of order, beside a long up), an up's progress to its listener, console output to its console.
   */
  private void read() {
    String why;
    try {
      for (String line = transport.readLine(); line != null; line = transport.readLine()) {
        dispatch(AgentCodec.JSON.readTree(line));
      }
      why = "Patchbay's agent ended: " + transport.whyEnded();
    } catch (IOException e) {
      why = "the pipe to Patchbay's agent broke: " + e.getMessage();
    }
    ended = why;
    pending.values().forEach(p -> p.answer().complete(null));
    consoles.values().forEach(c -> c.ended(ended));
    consoles.clear();
  }

  private void dispatch(JsonNode node) {
    String event = node.path("event").asText("");
    if (!event.isEmpty() && !node.has("ok")) {
      String key = node.path("lab").asText() + "/" + node.path("guest").asText();
      switch (event) {
        case "console-output" -> {
          ConsoleListener c = consoles.get(key);
          if (c != null) {
            c.output(java.util.Base64.getDecoder().decode(node.path("data").asText()));
          }
        }
        case "console-ended" -> {
          ConsoleListener c = consoles.remove(key);
          if (c != null) {
            c.ended(node.path("why").asText());
          }
        }
        default -> {
          Pending p = pending.get(node.path("id").asText());
          if (p != null) {
            p.events().accept(node);
          }
        }
      }
      return;
    }
    Pending p = pending.remove(node.path("id").asText());
    if (p != null) {
      p.answer().complete(node);
    }
  }

  private JsonNode call(ObjectNode request, Consumer<JsonNode> events) throws LabException {
    String id = Long.toString(nextId.incrementAndGet());
    request.put("id", id);
    boolean up = "up".equals(request.path("op").asText());
    Pending p = new Pending(new java.util.concurrent.CompletableFuture<>(), events);
    pending.put(id, p);
    if (up) {
      runningUp = id;
    }
    try {
      if (ended != null) {
        throw new LabException(LabException.Reason.UNAVAILABLE, ended);
      }
      send(request);
      JsonNode node = p.answer().get();
      if (node == null) {
        throw new LabException(LabException.Reason.UNAVAILABLE, ended);
      }
      if (!node.path("ok").asBoolean()) {
        throw AgentCodec.failure(node);
      }
      return node;
    } catch (IOException e) {
      throw new LabException(LabException.Reason.UNAVAILABLE, "the pipe to Patchbay's agent broke: " + e.getMessage(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new LabException(LabException.Reason.ERROR, "the agent's answer could not be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException(LabException.Reason.ERROR, "interrupted while waiting for Patchbay's agent", e);
    } finally {
      pending.remove(id);
      if (up) {
        runningUp = null;
      }
    }
  }

  private void send(ObjectNode line) throws IOException {
    synchronized (writing) {
      transport.writeLine(AgentCodec.JSON.writeValueAsString(line));
    }
  }

  @Override
  public UpAnswer up(UpRequest r, UpListener listener) throws LabException {
    ObjectNode request = AgentCodec.request("up").put("lab", r.lab()).put("confirm", r.confirmSeconds())
        .put("file", r.file()).put("allowErrors", r.allowErrors());
    request.set("design", AgentCodec.design(r.design()));
    request.set("target", AgentCodec.target(r.target()));
    return AgentCodec.up(call(request, e -> listener.step(e.path("index").asInt(), e.path("total").asInt(),
        e.path("step").asText())));
  }

  /** Sends the cancel line for the up that is running; safe from any thread, also from the up's listener. */
  @Override
  public void cancel() {
    String id = runningUp;
    if (id == null) {
      return;
    }
    try {
      send(AgentCodec.request("cancel").put("id", id));
    } catch (IOException e) {
      // the agent is gone: the up's call reports that
    }
  }

  @Override
  public Plan plan(String lab, Topology design, TargetSpec target) throws LabException {
    ObjectNode request = AgentCodec.request("plan").put("lab", lab);
    request.set("design", AgentCodec.design(design));
    request.set("target", AgentCodec.target(target));
    return AgentCodec.plan(call(request, e -> { }).path("plan"));
  }

  @Override
  public List<String> down(String lab) throws LabException {
    return AgentCodec.strings(call(AgentCodec.request("down").put("lab", lab), e -> { }).path("report"));
  }

  @Override
  public List<LabSummary> labs() throws LabException {
    return AgentCodec.labs(call(AgentCodec.request("labs"), e -> { }));
  }

  @Override
  public void confirm(String lab) throws LabException {
    call(AgentCodec.request("confirm").put("lab", lab), e -> { });
  }

  @Override
  public CounterSnapshot counters(String lab) throws LabException {
    return AgentCodec.counters(call(AgentCodec.request("counters").put("lab", lab), e -> { }));
  }

  @Override
  public List<GuestState> guests(String lab) throws LabException {
    return AgentCodec.guests(call(AgentCodec.request("guests").put("lab", lab), e -> { }));
  }

  @Override
  public String link(String lab, String linkId, boolean up) throws LabException {
    return call(AgentCodec.request("link").put("lab", lab).put("link", linkId).put("up", up), e -> { })
        .path("result").asText();
  }

  @Override
  public String console(String lab, String guest) throws LabException {
    return call(AgentCodec.request("console").put("lab", lab).put("guest", guest), e -> { }).path("text").asText();
  }

  /** Opens a guest's console in the agent; output and its end come from the reading thread. */
  @Override
  public ConsoleSession openConsole(String lab, String guest, ConsoleListener listener) throws LabException {
    String key = lab + "/" + guest;
    // Registered before the request: the console's first screen comes before the answer.
    if (consoles.putIfAbsent(key, listener) != null) {
      throw new LabException(LabException.Reason.BUSY, "guest " + guest + "'s console in lab " + lab + " is open already");
    }
    try {
      call(AgentCodec.request("console-open").put("lab", lab).put("guest", guest), e -> { });
    } catch (LabException e) {
      consoles.remove(key, listener);
      throw e;
    }
    return new ConsoleSession() {
      @Override
      public void send(byte[] input) throws LabException {
        call(AgentCodec.request("console-input").put("lab", lab).put("guest", guest)
            .put("data", java.util.Base64.getEncoder().encodeToString(input)), e -> { });
      }

      @Override
      public void close() {
        if (consoles.remove(key, listener)) {
          try {
            call(AgentCodec.request("console-close").put("lab", lab).put("guest", guest), e -> { });
          } catch (LabException e) {
            // the agent or the console is gone already: nothing is left open
          }
        }
      }
    };
  }

  @Override
  public String display(String lab, String guest) throws LabException {
    return call(AgentCodec.request("display").put("lab", lab).put("guest", guest), e -> { }).path("socket").asText();
  }

  @Override
  public VerifyReport verify(String lab, Topology design, boolean allowErrors) throws LabException {
    ObjectNode request = AgentCodec.request("verify").put("lab", lab).put("allowErrors", allowErrors);
    request.set("design", AgentCodec.design(design));
    return AgentCodec.verify(call(request, e -> { }).path("report"));
  }

  @Override
  public void close() {
    transport.close();
  }
}
