package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console connection keeps what the guest's console sent through it, every byte once. */
class ConsoleInputTest {
  @TempDir
  Path dir;

  @Test
  void keepsTheConsoleOutputTheSocketDelivered() throws Exception {
    Path sock = dir.resolve("console.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      try (ConsoleInput console = ConsoleInput.open(sock); SocketChannel qemu = server.accept()) {
        String line = "PB {\"probe\":\"tcp\",\"target\":\"203.0.113.1:7070\",\"ok\":true,\"ms\":670,\"tries\":1}\n";
        for (byte b : line.getBytes(StandardCharsets.US_ASCII)) {
          qemu.write(ByteBuffer.wrap(new byte[] {b}));
        }
        console.send("pb.probes=tcp:203.0.113.1:7070 pb.timeout=40");
        ByteBuffer typed = ByteBuffer.allocate(256);
        while (typed.position() == 0 || typed.get(typed.position() - 1) != '\n') {
          qemu.read(typed);
        }
        assertEquals("pb.probes=tcp:203.0.113.1:7070 pb.timeout=40\n",
            new String(typed.array(), 0, typed.position(), StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!console.delivered().equals(line) && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        assertEquals(line, console.delivered());
      }
    }
  }
}
