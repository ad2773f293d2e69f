package dev.patchbay.app.lab;

import dev.patchbay.backends.lab.AgentClient;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.backends.os.Programs;
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

/**
 * The agent as a child process: the same jar in its hidden {@code agent} mode, reached over its
 * standard input and output (the lab service's protocol, backends/AGENT.md). The designer itself
 * never runs as root: when it is not root, the agent is started through {@code sudo -n}, which
 * fails at once (rather than hanging on a password prompt) if sudo would ask for one.
 */
public final class AgentProcess implements AgentClient.Transport {
  private final Process process;
  private final BufferedWriter toAgent;
  private final BufferedReader fromAgent;

  /** The transport over an agent process someone else started (a benchmark's own `patchbay agent`). */
  public static AgentProcess over(Process process) {
    return new AgentProcess(process);
  }

  private AgentProcess(Process process) {
    this.process = process;
    this.toAgent = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.fromAgent = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the agent with this JVM and this class path, and says hello to it. */
  public static LabService start() throws LabException {
    ProcessBuilder pb = new ProcessBuilder(command(isRoot()));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      return AgentClient.connect(new AgentProcess(pb.start()));
    } catch (IOException | RuntimeException e) {
      throw new LabException(LabException.Reason.UNAVAILABLE, "Patchbay's agent cannot start: " + e.getMessage(), e);
    }
  }

  static List<String> command(boolean root) {
    List<String> cmd = new ArrayList<>();
    if (!root) {
      cmd.addAll(List.of(Programs.path("sudo"), "-n", "--"));
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
  public String readLine() throws IOException {
    return fromAgent.readLine();
  }

  @Override
  public void writeLine(String line) throws IOException {
    toAgent.write(line);
    toAgent.newLine();
    toAgent.flush();
  }

  @Override
  public String whyEnded() {
    return (process.isAlive() ? "it closed its output" : "it exited with code " + process.exitValue())
        + "; it needs root (or sudo without a password, or CAP_NET_ADMIN) to change network interfaces";
  }

  @Override
  public void close() {
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
