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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An agent served on a thread of this JVM, reached as the designer reaches the real one. Its
 * answers come through a queue of lines, not a pipe: a PipedInputStream fails with "Write end dead"
 * once the last thread that wrote to it has ended, and the agent writes console output from each
 * console's own thread, which ends with the console.
 */
final class PipedAgent implements AgentClient.Transport {
  private static final String END = new String("end of the agent's output");
  private final Writer toAgent;
  private final Thread server;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  PipedAgent(LabService service) throws IOException {
    PipedOutputStream requests = new PipedOutputStream();
    PipedInputStream agentIn = new PipedInputStream(requests, 1 << 16);
    this.toAgent = new OutputStreamWriter(requests, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(agentIn, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new LineQueue(lines));
    this.server = new Thread(() -> {
      try (out) {
        new AgentServer(service).serve(in, out);
      } catch (IOException e) {
        // the test closed the pipe
      } finally {
        lines.add(END);
      }
    }, "piped-agent");
    server.setDaemon(true);
    server.start();
  }

  /** Cuts what the agent writes into lines. */
  static final class LineQueue extends Writer {
    private final BlockingQueue<String> lines;
    private final StringBuilder line = new StringBuilder();

    LineQueue(BlockingQueue<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          lines.add(line.toString());
          line.setLength(0);
        } else if (buf[i] != '\r') {
          line.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  @Override
  @SuppressWarnings("StringEquality")
  public String readLine() throws IOException {
    try {
      String line = lines.take();
      if (line == END) {
        lines.add(END);
        return null;
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the agent's answer", e);
    }
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
