package dev.patchbay.app.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent as a child process: the same jar in its hidden {@code agent} mode, talked to over its
 * standard input and output, one JSON object per line. The designer itself never runs as root: when
 * it is not root, the agent is started through {@code sudo -n}, which fails at once (rather than
 * hanging on a password prompt) if sudo would ask for one.
 */
public final class AgentProcess implements AgentConnection {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final BufferedWriter toAgent;
  private final BufferedReader fromAgent;
  private final AtomicLong ids = new AtomicLong();

  private AgentProcess(Process process) {
    this.process = process;
    this.toAgent = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.fromAgent = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the agent with this JVM and this class path. */
  public static AgentProcess start() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(isRoot()));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    return new AgentProcess(pb.start());
  }

  static List<String> command(boolean root) {
    List<String> cmd = new ArrayList<>();
    if (!root) {
      cmd.addAll(List.of(dev.patchbay.backends.os.Programs.path("sudo"), "-n", "--"));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String state = System.getProperty("patchbay.state");
    if (state != null) {
      cmd.add("-Dpatchbay.state=" + state); // the same labs as this designer's (tests use their own)
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.patchbay.app.Main", "agent"));
    return cmd;
  }

  private static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  @Override
  public JsonNode call(ObjectNode request) throws IOException {
    return call(request, event -> { });
  }

  /** Sends the request, hands every event line to {@code events}, returns the answer (the line with "ok"). */
  @Override
  public synchronized JsonNode call(ObjectNode request, java.util.function.Consumer<JsonNode> events)
      throws IOException {
    request.put("id", ids.incrementAndGet());
    send(request);
    while (true) {
      String line = fromAgent.readLine();
      if (line == null) {
        throw new IOException("Patchbay's agent ended" + (process.isAlive() ? "" : " with exit code "
            + process.exitValue()) + "; it needs root (or sudo without a password, or CAP_NET_ADMIN) to change"
            + " network interfaces");
      }
      JsonNode node = JSON.readTree(line);
      if (node.has("event") && !node.has("ok")) {
        events.accept(node);
      } else {
        return node;
      }
    }
  }

  /** A signal line, written while a call waits for its answer: the agent reads requests on its own thread. */
  @Override
  public void cancel(JsonNode requestId) throws IOException {
    ObjectNode cancel = JSON.createObjectNode().put("op", "cancel");
    cancel.set("id", requestId);
    send(cancel);
  }

  private void send(ObjectNode line) throws IOException {
    synchronized (toAgent) {
      toAgent.write(JSON.writeValueAsString(line));
      toAgent.newLine();
      toAgent.flush();
    }
  }

  @Override
  public synchronized void close() {
    try {
      toAgent.close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (IOException e) {
      process.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }
}
