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
        buf.clear();
      }
    } catch (IOException e) {
      // closed by close(): nothing more to read
    }
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
