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
  private long nextId;
  private volatile String runningUp;

  private AgentClient(Transport transport) {
    this.transport = transport;
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

  private synchronized JsonNode call(ObjectNode request, Consumer<JsonNode> events) throws LabException {
    String id = Long.toString(++nextId);
    request.put("id", id);
    boolean up = "up".equals(request.path("op").asText());
    if (up) {
      runningUp = id;
    }
    try {
      send(request);
      while (true) {
        String line = transport.readLine();
        if (line == null) {
          throw new LabException(LabException.Reason.UNAVAILABLE, "Patchbay's agent ended: " + transport.whyEnded());
        }
        JsonNode node = AgentCodec.JSON.readTree(line);
        if (node.has("event") && !node.has("ok")) {
          events.accept(node);
        } else if (node.path("ok").asBoolean()) {
          return node;
        } else {
          throw AgentCodec.failure(node);
        }
      }
    } catch (IOException e) {
      throw new LabException(LabException.Reason.UNAVAILABLE, "the pipe to Patchbay's agent broke: " + e.getMessage(), e);
    } finally {
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
