package dev.patchbay.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.backends.apply.Agent;
import dev.patchbay.backends.apply.Labs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Hidden {@code agent}: the privileged process the (unprivileged) designer talks to over a pipe, one
 * JSON request per line on stdin, one JSON answer per line on stdout (an up's progress lines come
 * before its answer), until stdin closes. Requests run one at a time on a worker thread, so that
 * this thread keeps reading and a {"op":"cancel"} line reaches the up that is running.
 */
@Command(name = "agent", hidden = true)
public final class AgentCli implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Agent agent = new Agent(Labs.standard().withWatcher(RevertWatchCli::startDetached));
    PrintWriter out = spec.commandLine().getOut();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode request;
        try {
          request = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          String error = "not JSON: " + e.getOriginalMessage();
          worker.execute(() -> write(out, JSON.createObjectNode().put("ok", false).put("error", error)));
          continue;
        }
        if ("cancel".equals(request.path("op").asText())) {
          agent.cancel(request.path("id"));
        } else {
          worker.execute(() -> write(out, agent.handle(request, event -> write(out, event))));
        }
      }
    } finally {
      worker.shutdown();
      awaitQuietly(worker);
    }
    return PatchbayCli.OK;
  }

  private static void write(PrintWriter out, JsonNode line) {
    try {
      out.println(JSON.writeValueAsString(line));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.println("{\"ok\":false,\"error\":\"answer not writable\"}");
    }
    out.flush();
  }

  /** Lets the last request finish before the agent exits (stdin closed: the designer is gone). */
  private static void awaitQuietly(java.util.concurrent.ExecutorService worker) {
    try {
      worker.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
