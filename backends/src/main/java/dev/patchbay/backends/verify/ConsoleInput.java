package dev.patchbay.backends.verify;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Types lines into a probe guest's serial console through QEMU's console socket (see
 * {@code GuestLaunch.withConsoleInput}); the guest's init reads each as a further round of probes.
 * Keep it open until the guest has answered: QEMU hands the guest's 16-byte UART only what fits and
 * drops what is still unread when the other end hangs up. While it is open QEMU also copies the
 * guest's console output into it, and stalls the guest's console once that is not read, so a
 * daemon thread reads it away (the serial log has the same text).
 */
final class ConsoleInput implements AutoCloseable {
  private final Path socket;
  private final SocketChannel channel;
  /** A probe round's output is a few KiB; more than this is not probe output and is not kept. */
  private static final int MAX_KEPT = 1 << 20;
  private final java.io.ByteArrayOutputStream delivered = new java.io.ByteArrayOutputStream();

  private ConsoleInput(Path socket, SocketChannel channel) {
    this.socket = socket;
    this.channel = channel;
    Thread drain = new Thread(this::drain, "console-drain");
    drain.setDaemon(true);
    drain.start();
  }

  private void drain() {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    try {
      while (channel.read(buf) >= 0) {
        keep(buf);
        buf.clear();
      }
    } catch (IOException e) {
      // closed by close(): nothing more to read
    }
  }

  private synchronized void keep(ByteBuffer buf) {
    if (delivered.size() + buf.position() <= MAX_KEPT) {
      delivered.write(buf.array(), 0, buf.position());
    }
  }

  /**
   * The guest's console output since this connection opened, as the socket delivered it: every
   * byte once. QEMU's serial.log can hold a byte twice: when a write to this socket fails (EAGAIN,
   * the reader briefly starved) QEMU logs the whole buffer anyway (qemu_chr_write_buffer), and the
   * UART then sends the same byte again, logged again, which garbles a PB line there.
   */
  synchronized String delivered() {
    return delivered.toString(StandardCharsets.ISO_8859_1);
  }

  static ConsoleInput open(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
      return new ConsoleInput(socket, ch);
    } catch (IOException e) {
      ch.close();
      throw new IOException("cannot open the guest console " + socket + ": " + e.getMessage(), e);
    }
  }

  void send(String line) throws IOException {
    if (line.contains("\n") || line.contains("\r")) {
      throw new IllegalArgumentException("a console line holds no line break: " + line);
    }
    ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw new IOException("cannot type into the guest console " + socket + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
