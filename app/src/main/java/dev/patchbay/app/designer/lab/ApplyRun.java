package dev.patchbay.app.designer.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.app.lab.AgentConnection;
import dev.patchbay.backends.apply.TargetSpec;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One up through the agent: its request, its progress events on the way, and the user's Cancel.
 * The worker waits in {@link #call} for the answer while the FX thread may {@link #cancel}: the
 * connection writes the cancel as a signal line beside the waiting call, naming the up by the id
 * its first event carried; a Cancel pressed before that event goes out with it.
 */
final class ApplyRun {
  private final ObjectNode up;
  private final ApplyProgressViewModel progress;
  private final Consumer<String> onProblem;
  private final AtomicBoolean cancelSent = new AtomicBoolean();
  private volatile AgentConnection agent;
  private volatile JsonNode upId;

  ApplyRun(String lab, ObjectNode topology, TargetSpec where, int confirmSeconds, ApplyProgressViewModel progress,
      Consumer<String> onProblem) {
    this.up = AgentJson.request("up").put("lab", lab).put("target", where.kind().word())
        .put("confirm", confirmSeconds);
    if (where.namespace() != null) {
      up.put("netns", where.namespace());
    }
    up.set("topology", topology);
    this.progress = progress;
    this.onProblem = onProblem;
  }

  /** Where the steps go, for the status line. */
  static String describe(TargetSpec where) {
    return switch (where.kind()) {
      case SANDBOX -> "in a sandbox";
      case HOST -> "on this host";
      case NETNS -> "in network namespace " + where.namespace();
    };
  }

  /** Sends the up and waits for its answer, on the worker; progress events go to the bar. */
  JsonNode call(AgentConnection connection) throws IOException {
    agent = connection;
    return connection.call(up, e -> {
      upId = e.path("id");
      progress.event(e);
      if (progress.cancelAsked()) {
        cancel();
      }
    });
  }

  /** Sends the cancel once, as soon as the up's id is known (any thread). */
  void cancel() {
    JsonNode id = upId;
    if (id == null || !cancelSent.compareAndSet(false, true)) {
      return;
    }
    try {
      agent.cancel(id);
    } catch (IOException e) {
      onProblem.accept("Cannot cancel: " + e.getMessage());
    }
  }
}
