package dev.patchbay.backends.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.netlink.TestNamespace;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real probe guest of a lab (QEMU under TCG, in a namespace of this test's own), its console
 * opened through the agent's protocol: a command typed in is run by the guest's shell and its
 * answer comes back as console output.
 */
@Tag("guests")
class ConsoleThroughAgentGuestsTest {
  /** Boot under TCG on a busy 2-core machine: generous. */
  private static final long BOOT_SECONDS = 240;
  @TempDir
  Path state;

  /** What the guest printed, waited on until a text shows. */
  private static final class Screen implements LabService.ConsoleListener {
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

    @Override
    public synchronized void output(byte[] data) {
      shown.writeBytes(data);
      notifyAll();
    }

    @Override
    public synchronized void ended(String why) {
      shown.writeBytes(("\n[ended: " + why + "]").getBytes(StandardCharsets.UTF_8));
      notifyAll();
    }

    synchronized int length() {
      return shown.size();
    }

    /** Waits until {@code text} shows after byte {@code from}; false if it never did by then. */
    synchronized boolean awaitAfter(int from, String text, long seconds) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!after(from).contains(text)) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }

    synchronized String after(int from) {
      byte[] all = shown.toByteArray();
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
  }

  /** QEMU's own VNC server answers on the guest's private socket with the RFB greeting. */
  private static void assertDisplaySpeaksVnc(String socket) throws Exception {
    Path path = Path.of(socket);
    assertTrue(path.endsWith("CONSOLE1/display.sock"), socket);
    assertTrue(java.nio.file.Files.getPosixFilePermissions(path).equals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")), "only the lab's owner may see the screen");
    try (var ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(path))) {
      java.nio.ByteBuffer greeting = java.nio.ByteBuffer.allocate(12);
      while (greeting.hasRemaining() && ch.read(greeting) >= 0) {
        // RFB's greeting is 12 bytes: "RFB 003.008\n"
      }
      assertTrue(new String(greeting.array(), StandardCharsets.US_ASCII).startsWith("RFB 003."),
          new String(greeting.array(), StandardCharsets.US_ASCII));
    }
  }

  @Test
  void aCommandTypedThroughTheAgentRunsInTheGuestAndItsAnswerComesBackAndItsDisplaySpeaksVnc() throws Exception {
    String lab = "c" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    Topology t = new Topology();
    t.add(Guest.of("g1", "CONSOLE1").withDisplay("vnc"), new Point(0, 0));
    try (TestNamespace ns = TestNamespace.create();
        LocalLabService local = new LocalLabService(new Labs(state));
        AgentClient agent = AgentClient.connect(new PipedAgent(local))) {
      agent.up(new LabService.UpRequest(lab, t, TargetSpec.netns(ns.name()), 0, "test"), LabService.UpListener.NONE);
      try {
        assertDisplaySpeaksVnc(agent.display(lab, "CONSOLE1"));
        Screen screen = new Screen();
        try (LabService.ConsoleSession console = agent.openConsole(lab, "CONSOLE1", screen)) {
          assertTrue(screen.awaitAfter(0, "CONSOLE1:/# ", BOOT_SECONDS),
              "the probe guest's shell prompt on its console: " + screen.after(0));
          int before = screen.length();
          console.send("echo $((6 * 7))-from-the-guest\r".getBytes(StandardCharsets.US_ASCII));
          assertTrue(screen.awaitAfter(before, "42-from-the-guest", BOOT_SECONDS),
              "the shell's answer, not the typed line's echo: " + screen.after(before));
          int answered = screen.length();
          // ^C typed while the shell still edits the line would be a character of the line: it goes in
          // once the command runs, which "started" (printed by the command, not echoed) says.
          console.send("echo sta''rted; sleep 600\r".getBytes(StandardCharsets.US_ASCII));
          assertTrue(screen.awaitAfter(answered, "\nstarted", BOOT_SECONDS), screen.after(answered));
          console.send(new byte[] {3});
          assertTrue(screen.awaitAfter(answered, "CONSOLE1:/# ", BOOT_SECONDS),
              "Ctrl+C as a byte interrupts the command and the prompt comes back: " + screen.after(answered));
        }
      } finally {
        try {
          agent.down(lab);
        } finally {
          // Also when the agent broke: no guest of this test outlives it.
          dev.patchbay.backends.qemu.LabGuestStarter.stopAll(state, lab);
        }
      }
    }
  }
}
