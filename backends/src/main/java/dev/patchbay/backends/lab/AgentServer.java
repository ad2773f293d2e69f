package dev.patchbay.backends.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The privileged agent's side of the protocol (AGENT.md): one JSON request per line in, one answer
 * per line out (an up's progress lines before its answer), a {@link LabService} behind. The client
 * says which protocol it speaks first ({"op":"hello","protocol":N}); an agent of another protocol is
 * refused with a sentence, and nothing else is served before a hello that matches. Requests run one
 * at a time on a worker thread, so that the reading thread takes a {"op":"cancel","id":N} line to the
 * up that is running.
 */
public final class AgentServer {
  private final LabService service;
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private volatile String runningUp;
  private volatile boolean greeted;
  private final AgentConsoles consoles;
  /** Where console output goes while {@link #serve} runs. */
  private volatile PrintWriter output;

  public AgentServer(LabService service) {
    this.service = service;
    this.consoles = new AgentConsoles(service, event -> {
      PrintWriter out = output;
      if (out != null) {
        write(out, event);
      }
    });
  }

  /** Serves until {@code in} ends (the designer closed the pipe); the last request finishes first. */
  public void serve(BufferedReader in, PrintWriter out) throws IOException {
    output = out;
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "patchbay-agent-worker"));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode request;
        try {
          request = AgentCodec.JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          ObjectNode error = AgentCodec.failure(new LabException(LabException.Reason.REFUSED, "not JSON: "
              + e.getOriginalMessage()), AgentCodec.JSON.createObjectNode());
          worker.execute(() -> write(out, error));
          continue;
        }
        String op = request.path("op").asText();
        if ("cancel".equals(op)) {
          cancel(request.path("id").asText());
        } else if (AgentConsoles.OPS.contains(op)) {
          // Typing must not wait behind an up or a verify on the worker: answered here, out of order.
          write(out, handle(request, event -> write(out, event)));
        } else {
          worker.execute(() -> write(out, handle(request, event -> write(out, event))));
        }
      }
    } finally {
      consoles.closeAll();
      worker.shutdown();
      try {
        worker.awaitTermination(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A cancel names an up by its request id; it may come before that up starts (requests queue). */
  private void cancel(String id) {
    cancelled.add(id);
    if (id.equals(runningUp)) {
      service.cancel();
    }
  }

  private static void write(PrintWriter out, JsonNode line) {
    synchronized (out) {
      try {
        out.println(AgentCodec.JSON.writeValueAsString(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        out.println("{\"ok\":false,\"reason\":\"error\",\"error\":\"the answer could not be written\"}");
      }
      out.flush();
    }
  }

  /** Answers one request; a failure is an answer too ({"ok":false,...}), never an exception. */
  ObjectNode handle(JsonNode request, Consumer<ObjectNode> events) {
    ObjectNode answer = AgentCodec.JSON.createObjectNode();
    answer.set("id", request.path("id"));
    try {
      String op = request.path("op").asText();
      if (!greeted && !op.equals("hello")) {
        throw new LabException(LabException.Reason.UNAVAILABLE, "the client did not say which protocol it speaks:"
            + " send {\"op\":\"hello\",\"protocol\":" + LabService.PROTOCOL + "} first");
      }
      serve(op, request, answer, events);
      answer.put("ok", true);
    } catch (LabException e) {
      AgentCodec.failure(e, answer);
    } catch (RuntimeException e) {
      AgentCodec.failure(LocalLabService.failure(e), answer);
    }
    return answer;
  }

  private void serve(String op, JsonNode r, ObjectNode answer, Consumer<ObjectNode> events) throws LabException {
    switch (op) {
      case "hello" -> hello(r, answer);
      case "up" -> up(r, answer, events);
      case "plan" -> answer.set("plan", AgentCodec.plan(service.plan(AgentCodec.text(r, "lab"),
          AgentCodec.design(r.path("design"), "the designer's request"), AgentCodec.target(r.path("target")))));
      case "down" -> answer.set("report", AgentCodec.strings(service.down(AgentCodec.text(r, "lab"))));
      case "labs" -> AgentCodec.labs(service.labs(), answer);
      case "confirm" -> service.confirm(AgentCodec.text(r, "lab"));
      case "counters" -> AgentCodec.counters(service.counters(AgentCodec.text(r, "lab")), answer);
      case "guests" -> AgentCodec.guests(service.guests(AgentCodec.text(r, "lab")), answer);
      case "link" -> answer.put("result", service.link(AgentCodec.text(r, "lab"), AgentCodec.text(r, "link"),
          r.path("up").asBoolean(true)));
      case "console" -> answer.put("text", service.console(AgentCodec.text(r, "lab"), AgentCodec.text(r, "guest")));
      case "console-open", "console-input", "console-close" -> consoles.serve(op, r, answer);
      case "display" -> answer.put("socket", service.display(AgentCodec.text(r, "lab"), AgentCodec.text(r, "guest")));
      case "verify" -> AgentCodec.verify(service.verify(AgentCodec.text(r, "lab"),
          AgentCodec.design(r.path("design"), "the designer's request"), r.path("allowErrors").asBoolean(false)),
          answer.putObject("report"));
      default -> throw new LabException(LabException.Reason.REFUSED, "unknown op '" + op + "': use hello, up, plan,"
          + " down, labs, confirm, counters, guests, link, console, console-open, console-input, console-close, display or verify");
    }
  }

  private void hello(JsonNode r, ObjectNode answer) throws LabException {
    int theirs = r.path("protocol").asInt(0);
    answer.put("protocol", LabService.PROTOCOL);
    if (theirs != LabService.PROTOCOL) {
      throw new LabException(LabException.Reason.UNAVAILABLE, "Patchbay's agent speaks protocol "
          + LabService.PROTOCOL + " and its client " + (theirs == 0 ? "none it named" : "protocol " + theirs)
          + ": the designer and the agent come from different Patchbay releases; start both from one installation");
    }
    greeted = true;
  }

  private void up(JsonNode r, ObjectNode answer, Consumer<ObjectNode> events) throws LabException {
    String id = r.path("id").asText();
    LabService.UpRequest request = new LabService.UpRequest(AgentCodec.text(r, "lab"),
        AgentCodec.design(r.path("design"), "the designer's request"), AgentCodec.target(r.path("target")),
        r.path("confirm").asInt(0), r.path("file").asText("agent"), r.path("allowErrors").asBoolean(false));
    runningUp = id;
    try {
      if (cancelled.remove(id)) {
        service.cancel(); // cancelled while it waited in the queue: stops before its first step
      }
      AgentCodec.up(service.up(request, (index, total, step) -> {
        ObjectNode e = AgentCodec.JSON.createObjectNode();
        e.set("id", r.path("id"));
        events.accept(e.put("event", "progress").put("index", index).put("total", total).put("step", step));
      }), answer);
    } finally {
      runningUp = null;
      cancelled.remove(id);
    }
  }
}
