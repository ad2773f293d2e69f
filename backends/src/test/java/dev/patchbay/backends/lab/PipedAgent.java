package dev.patchbay.backends.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** An agent served on a thread of this JVM, reached through pipes as the designer reaches the real one. */
final class PipedAgent implements AgentClient.Transport {
  private final BufferedReader fromAgent;
  private final Writer toAgent;
  private final Thread server;

  PipedAgent(LabService service) throws IOException {
    PipedOutputStream requests = new PipedOutputStream();
    PipedInputStream agentIn = new PipedInputStream(requests, 1 << 16);
    PipedInputStream answers = new PipedInputStream(1 << 20);
    PipedOutputStream agentOut = new PipedOutputStream(answers);
    this.toAgent = new OutputStreamWriter(requests, StandardCharsets.UTF_8);
    this.fromAgent = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
    BufferedReader in = new BufferedReader(new InputStreamReader(agentIn, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(agentOut, StandardCharsets.UTF_8));
    this.server = new Thread(() -> {
      try (out) {
        new AgentServer(service).serve(in, out);
      } catch (IOException e) {
        // the test closed the pipe
      }
    }, "piped-agent");
    server.setDaemon(true);
    server.start();
  }

  @Override
  public String readLine() throws IOException {
    return fromAgent.readLine();
  }

  @Override
  public void writeLine(String line) throws IOException {
    toAgent.write(line + "\n");
    toAgent.flush();
  }

  @Override
  public String whyEnded() {
    return "the test's agent thread ended";
  }

  @Override
  public void close() {
    try {
      toAgent.close();
      server.join(60_000);
    } catch (IOException e) {
      // already closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
