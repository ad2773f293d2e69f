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
 * JSON request per line on stdin, one JSON answer per line on stdout, until stdin closes.
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
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode request;
      try {
        request = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        out.println(JSON.createObjectNode().put("ok", false).put("error", "not JSON: " + e.getOriginalMessage()));
        out.flush();
        continue;
      }
      out.println(JSON.writeValueAsString(agent.handle(request)));
      out.flush();
    }
    return PatchbayCli.OK;
  }
}
