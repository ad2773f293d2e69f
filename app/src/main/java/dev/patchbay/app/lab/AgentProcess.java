package dev.patchbay.app.lab;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.lab.AgentClient;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.backends.os.Identity;
import dev.patchbay.backends.os.Keeper;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The agent as a child process: the same program in its hidden {@code agent} mode, reached over its
 * standard input and output (the lab service's protocol, backends/AGENT.md), so it serves only the
 * designer that started it. The designer never runs as root itself. For the sandbox, an ordinary
 * user's agent runs inside the user's rootless sandbox (the {@link Keeper}'s namespaces) with no
 * privilege at all; this host and its named namespaces need root, which the designer asks for through
 * pkexec (a password dialog, the polkit action the package installs).
 */
public final class AgentProcess implements AgentClient.Transport {
  private static final String MAIN = "dev.patchbay.app.Main";
  private final Process process;
  private final BufferedWriter toAgent;
  private final BufferedReader fromAgent;
  private final Optional<Keeper> keeper;

  private AgentProcess(Process process, Optional<Keeper> keeper) {
    this.process = process;
    this.keeper = keeper;
    this.toAgent = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.fromAgent = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** The transport over an agent process someone else started (a benchmark's own `patchbay agent`). */
  public static AgentProcess over(Process process) {
    return new AgentProcess(process, Optional.empty());
  }

  /** Starts the agent for labs of this kind of target and says hello to it. */
  public static LabService start(TargetSpec.Kind kind) throws LabException {
    try {
      Optional<Keeper> keeper = Identity.effectiveUid() != 0 && kind == TargetSpec.Kind.SANDBOX
          ? Optional.of(Keeper.ensure(Labs.standard().root())) : Optional.empty();
      List<String> command = keeper.isPresent() ? keeper.get().command(MAIN, List.of("agent"))
          : command(Identity.effectiveUid() == 0);
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
      return AgentClient.connect(new AgentProcess(pb.start(), keeper));
    } catch (IOException | RuntimeException e) {
      throw new LabException(LabException.Reason.UNAVAILABLE, "Patchbay's agent cannot start: "
          + dev.patchbay.backends.os.Reasons.of(e), e);
    }
  }

  /** The agent of this host's labs: this JVM as it is for root, else through pkexec, which asks for the password. */
  static List<String> command(boolean root) {
    List<String> cmd = new ArrayList<>();
    if (!root) {
      if (!Programs.installed("pkexec")) {
        throw new IllegalStateException("labs on this host need root, and pkexec, which asks for the password, is not"
            + " installed: apt-get install pkexec (the Patchbay package brings it), or start the designer with sudo");
      }
      cmd.add(Programs.path("pkexec"));
      String launcher = System.getProperty("jpackage.app-path");
      if (launcher != null) {
        // The package's polkit action names its launcher: pkexec asks with the action's own words.
        cmd.addAll(List.of(launcher, "agent"));
        return cmd;
      }
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String state = System.getProperty("patchbay.state");
    if (state != null) {
      cmd.add("-Dpatchbay.state=" + state); // the same labs as this designer's (tests use their own)
    }
    cmd.addAll(List.of("-cp", absolute(System.getProperty("java.class.path")), MAIN, "agent"));
    return cmd;
  }

  /** pkexec starts in / : a relative class path (java -jar app/target/patchbay.jar) must not depend on it. */
  private static String absolute(String classPath) {
    return String.join(java.io.File.pathSeparator, java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .map(e -> Path.of(e).toAbsolutePath().toString()).toList());
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
    if (process.isAlive()) {
      return "it closed its output";
    }
    int code = process.exitValue();
    // pkexec: 126 the user dismissed the password dialog, 127 not authorised or no authentication agent
    return code == 126 ? "the password dialog was dismissed, so nothing was applied to this host"
        : code == 127 ? "pkexec did not authorise it (no polkit authentication agent runs in this session, or the"
            + " user may not administer this machine)"
        : "it exited with code " + code + "; applying to this host needs root, the sandbox does not";
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
    keeper.ifPresent(k -> {
      try {
        k.stopIfIdle(!Labs.standard().list().isEmpty());
      } catch (IOException e) {
        // the keeper stays; the next lab command finds it
      }
    });
  }
}
