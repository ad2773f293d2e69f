package dev.patchbay.backends.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A QEMU Machine Protocol client over the guest's unix socket: the capabilities handshake, commands
 * matched to their answers by id, and asynchronous events. One reader thread parses QEMU's
 * newline-separated JSON; commands may be sent from any thread.
 */
public final class Qmp implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Qmp.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ANSWER = Duration.ofSeconds(10);

  private final SocketChannel channel;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<JsonNode> greeting = new CompletableFuture<>();
  private final AtomicLong ids = new AtomicLong();
  private final Object writeLock = new Object();
  private volatile boolean closed;

  private Qmp(SocketChannel channel) {
    this.channel = channel;
    Thread reader = new Thread(this::readLoop, "qmp-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Connects, retrying until the deadline while QEMU has not created the socket yet, and leaves
   * capabilities negotiation mode.
   */
  public static Qmp connect(Path socket, Duration timeout) throws IOException {
    return connect(socket, timeout, () -> true);
  }

  /** As {@link #connect(Path, Duration)}, giving up at once when {@code alive} says QEMU has ended. */
  public static Qmp connect(Path socket, Duration timeout, java.util.function.BooleanSupplier alive)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
        Qmp qmp = new Qmp(ch);
        qmp.handshake();
        return qmp;
      } catch (IOException e) {
        ch.close();
        if (!alive.getAsBoolean()) {
          throw new IOException("QEMU ended before its QMP socket " + socket + " answered", e);
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("no QMP socket at " + socket + " after " + timeout.toMillis() + " ms: "
              + e.getMessage(), e);
        }
        pause();
      }
    }
  }

  private static void pause() throws IOException {
    try {
      TimeUnit.MILLISECONDS.sleep(50);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for QMP", ie);
    }
  }

  private void handshake() throws IOException {
    JsonNode hello = await(greeting, "greeting");
    if (!hello.has("QMP")) {
      throw new IOException("not a QMP greeting: " + hello);
    }
    execute("qmp_capabilities", Map.of());
  }

  /** Runs a command and returns its "return" value; QEMU's "error" becomes a {@link QmpException}. */
  public JsonNode execute(String command, Map<String, ?> arguments) {
    String id = "pb-" + ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("execute", command).put("id", id);
    if (!arguments.isEmpty()) {
      msg.set("arguments", JSON.valueToTree(arguments));
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      send(msg);
      JsonNode reply = await(answer, command);
      if (reply.has("error")) {
        JsonNode err = reply.get("error");
        throw new QmpException(command + ": " + err.path("desc").asText(), err.path("class").asText());
      }
      return reply.path("return");
    } catch (IOException e) {
      throw new QmpException(command + ": " + e.getMessage(), e);
    } finally {
      pending.remove(id);
    }
  }

  private void send(ObjectNode msg) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap((JSON.writeValueAsString(msg) + "\n").getBytes(StandardCharsets.UTF_8));
    synchronized (writeLock) {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    }
  }

  private static JsonNode await(CompletableFuture<JsonNode> f, String what) throws IOException {
    try {
      return f.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException("QEMU did not answer " + what + " within " + ANSWER.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw new IOException("QMP connection lost while waiting for " + what + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + what, e);
    }
  }

  /**
   * Reads with the channel itself: Channels' stream adapters lock the channel for a blocking read
   * and would stall every write behind it.
   */
  private void readLoop() {
    ByteBuffer buf = ByteBuffer.allocate(8192);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      while (channel.read(buf) >= 0) {
        buf.flip();
        while (buf.hasRemaining()) {
          byte b = buf.get();
          if (b == '\n') {
            dispatch(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(b);
          }
        }
        buf.clear();
      }
      failAll(new IOException("QEMU closed the QMP socket"));
    } catch (IOException e) {
      failAll(e);
    }
  }

  private void dispatch(String text) {
    if (text.isBlank()) {
      return;
    }
    try {
      JsonNode msg = JSON.readTree(text);
      if (msg.has("QMP")) {
        greeting.complete(msg);
      } else if (msg.has("event")) {
        events.add(msg);
        eventListeners.forEach(l -> l.accept(msg));
      } else if (msg.has("id")) {
        CompletableFuture<JsonNode> f = pending.get(msg.get("id").asText());
        if (f != null) {
          f.complete(msg);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "unreadable QMP message: " + text, e);
    }
  }

  private void failAll(IOException e) {
    if (!closed) {
      LOG.fine(() -> "QMP reader ends: " + e.getMessage());
    }
    greeting.completeExceptionally(e);
    pending.values().forEach(f -> f.completeExceptionally(e));
  }

  /** Events received so far (e.g. POWERDOWN, SHUTDOWN, NIC_RX_FILTER_CHANGED), oldest first. */
  public List<JsonNode> events() {
    return List.copyOf(events);
  }

  public void onEvent(Consumer<JsonNode> listener) {
    eventListeners.add(listener);
  }

  /** The run state: "running", "paused", "shutdown", ... */
  public String queryStatus() {
    return execute("query-status", Map.of()).path("status").asText();
  }

  /** Cuts or restores a link; the name is the NIC's netdev id (its peer NIC follows). */
  public void setLink(String name, boolean up) {
    execute("set_link", Map.of("name", name, "up", up));
  }

  public void systemPowerdown() {
    execute("system_powerdown", Map.of());
  }

  /** Asks QEMU to exit; the answer may race the socket closing, which counts as done. */
  public void quit() {
    try {
      execute("quit", Map.of());
    } catch (QmpException e) {
      if (e.errorClass() != null) {
        throw e;
      }
    }
  }

  /** Starts recording every frame of the netdev, both directions, into a pcap file. */
  public void addFilterDump(String id, String netdev, Path file, int snapLength) {
    execute("object-add", Map.of("qom-type", "filter-dump", "id", id, "netdev", netdev,
        "file", file.toString(), "maxlen", snapLength));
  }

  public void deleteObject(String id) {
    execute("object-del", Map.of("id", id));
  }

  @Override
  public void close() throws IOException {
    closed = true;
    channel.close();
  }
}
