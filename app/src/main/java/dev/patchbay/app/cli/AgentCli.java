package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.lab.AgentServer;
import dev.patchbay.backends.lab.LocalLabService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden {@code agent}: the privileged process the (unprivileged) designer talks to over a pipe, the
 * lab service's protocol (backends/AGENT.md) on stdin and stdout, until stdin closes.
 */
@Command(name = "agent", hidden = true)
public final class AgentCli implements Callable<Integer> {
  @Override
  public Integer call() throws IOException {
    try (LocalLabService service = new LocalLabService(Labs.standard().withWatcher(RevertWatchCli::startDetached))) {
      // The protocol's own stream, not the terminal's: JSON lines, UTF-8, never rewritten for display.
      new AgentServer(service).serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    }
    return PatchbayCli.OK;
  }
}
