package dev.patchbay.backends.qemu;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An interactive connection to a lab guest's serial console: QEMU's console socket in the guest's
 * run folder ({@link GuestLaunch#withConsoleInput}), bytes typed in, the guest's output handed to a
 * listener from a daemon thread as it comes. QEMU serves one client at a time: a second connection
 * waits, unserved, until the first closes. While connected QEMU stalls the guest's UART when the
 * output is not read, so the reading thread never waits on the listener's consumers for long.
 */
public final class GuestConsole implements AutoCloseable {
  private final SocketChannel channel;
  private final Thread reader;

  /** Told what the guest printed, and once why the console ended. */
  public interface Listener {
    void output(byte[] data);

    void ended(String why);
  }

  private GuestConsole(SocketChannel channel, String guest, Listener listener) {
    this.channel = channel;
    this.reader = new Thread(() -> read(guest, listener), "console-" + guest);
    reader.setDaemon(true);
  }

  /**
   * Connects to the console socket of the guest whose run folder is {@code runDir}; the listener is
   * told nothing until {@link #start}. Neither the folder nor the socket may be a symbolic link: a
   * privileged agent must not be pointed at someone else's socket.
   */
  public static GuestConsole connect(Path runDir, String guest, Listener listener) throws IOException {
    Path socket = runDir.resolve("console.sock");
    if (Files.isSymbolicLink(runDir) || !Files.isDirectory(runDir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("guest " + guest + " is not running (no run folder)");
    }
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("guest " + guest + " has no console socket: it is not running, or it was started by an"
          + " older Patchbay (take the lab down and up again)");
    }
    BasicFileAttributes a = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!a.isOther()) {
      throw new IOException(socket + " is not a socket");
    }
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      ch.close();
      throw new IOException("cannot open guest " + guest + "'s console: " + e.getMessage(), e);
    }
    return new GuestConsole(ch, guest, listener);
  }

  /** Starts handing the guest's output to the listener. */
  public GuestConsole start() {
    reader.start();
    return this;
  }

  private void read(String guest, Listener listener) {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    String why = "guest " + guest + " closed its console (QEMU ended)";
    try {
      while (channel.read(buf) >= 0) {
        listener.output(Arrays.copyOf(buf.array(), buf.position()));
        buf.clear();
      }
    } catch (IOException e) {
      why = channel.isOpen() ? "guest " + guest + "'s console broke: " + e.getMessage() : "console closed";
    }
    listener.ended(why);
  }

  /** Types {@code bytes} into the guest's serial console, as they are. */
  public void send(byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    synchronized (channel) {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing a unix socket that broke already: nothing left to release
    }
  }
}
