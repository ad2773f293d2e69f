package dev.patchbay.backends.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive console through the agent's protocol, against the lab service on a lab folder
 * whose guest's console socket is this test's own listening socket (standing in for QEMU's).
 */
class AgentConsoleTest {
  private static final long WAIT = 60;
  @TempDir
  Path root;
  private ServerSocketChannel qemu;
  private Path runDir;

  @BeforeEach
  void labWithOneGuest() throws Exception {
    Labs labs = new Labs(root);
    Files.createDirectories(labs.topologyFile("lab1").getParent());
    Topology t = new Topology();
    t.add(Guest.of("g1", "GUEST1"), new dev.patchbay.model.topology.Point(0, 0));
    Files.writeString(labs.topologyFile("lab1"), TopologyFiles.toJson(t));
    runDir = root.resolve(".guests").resolve("lab1").resolve("GUEST1");
    Files.createDirectories(runDir);
    Files.writeString(runDir.resolve("serial.log"), "Linux booted\nGUEST1 login: ");
    qemu = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    qemu.bind(UnixDomainSocketAddress.of(runDir.resolve("console.sock")));
  }

  @AfterEach
  void closeSocket() throws Exception {
    qemu.close();
  }

  /** What a console listener was told: output bytes as they came, and why it ended. */
  private static final class Screen implements LabService.ConsoleListener {
    final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    final BlockingQueue<String> ended = new LinkedBlockingQueue<>();

    @Override
    public synchronized void output(byte[] data) {
      shown.writeBytes(data);
      notifyAll();
    }

    @Override
    public void ended(String why) {
      ended.add(why);
    }

    synchronized String awaitShown(String text) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      while (!shown.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < until) {
        wait(1000);
      }
      return shown.toString(StandardCharsets.UTF_8);
    }
  }

  private static String readAtLeast(SocketChannel ch, int n) throws Exception {
    ByteBuffer buf = ByteBuffer.allocate(n);
    while (buf.hasRemaining() && ch.read(buf) >= 0) {
      // reads until n bytes came
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
  }

  @Test
  void typedBytesReachTheGuestAndItsOutputComesBackAfterTheConsolesEnd() throws Exception {
    Screen screen = new Screen();
    try (LocalLabService local = new LocalLabService(new Labs(root));
        AgentClient agent = AgentClient.connect(new PipedAgent(local))) {
      LabService.ConsoleSession session = agent.openConsole("lab1", "GUEST1", screen);
      try (SocketChannel guest = qemu.accept()) {
        assertTrue(screen.awaitShown("login: ").startsWith("Linux booted\nGUEST1 login: "),
            "the console's end comes first, as the terminal's first screen");
        session.send("root\r".getBytes(StandardCharsets.US_ASCII));
        session.send(new byte[] {3, 4, 0x1b, '[', 'A'});
        assertEquals("root\r\u0003\u0004\u001b[A", readAtLeast(guest, 10), "bytes go in as typed, control bytes too");
        guest.write(ByteBuffer.wrap("\u001b[1;32m# \u00e9".getBytes(StandardCharsets.UTF_8)));
        assertTrue(screen.awaitShown("# \u00e9").endsWith("\u001b[1;32m# \u00e9"), "output comes back byte for byte");
        session.close();
        assertEquals(-1, guest.read(ByteBuffer.allocate(16)), "closing the session hangs up on QEMU's socket");
      }
    }
  }

  @Test
  void theConsoleEndsWhenTheGuestHangsUp() throws Exception {
    Screen screen = new Screen();
    try (LocalLabService local = new LocalLabService(new Labs(root));
        AgentClient agent = AgentClient.connect(new PipedAgent(local))) {
      agent.openConsole("lab1", "GUEST1", screen);
      qemu.accept().close();
      String why = screen.ended.poll(WAIT, TimeUnit.SECONDS);
      assertTrue(why != null && why.contains("GUEST1"), "the end is told once, with why: " + why);
      // The guest's console can be opened again once the first has ended.
      LabService.ConsoleSession again = agent.openConsole("lab1", "GUEST1", new Screen());
      again.close();
    }
  }

  @Test
  void onlyAGuestOfTheNamedLabsOwnDesignIsOpened() throws Exception {
    try (LocalLabService local = new LocalLabService(new Labs(root));
        AgentClient agent = AgentClient.connect(new PipedAgent(local))) {
      Files.createDirectories(root.resolve(".guests").resolve("lab1").resolve("STRAY"));
      var notInLab = assertThrows(LabException.class, () -> agent.openConsole("lab1", "STRAY", new Screen()));
      assertEquals(LabException.Reason.NOT_FOUND, notInLab.reason(), "a run folder alone does not make a guest");
      assertTrue(notInLab.getMessage().contains("lab lab1 has no guest named STRAY"), notInLab.getMessage());
      var noLab = assertThrows(LabException.class, () -> agent.openConsole("lab2", "GUEST1", new Screen()));
      assertEquals(LabException.Reason.NOT_FOUND, noLab.reason(), "a lab this agent's labs do not hold");
      for (String bad : new String[] {"../lab1/GUEST1", "..", "GUEST1/../x", ""}) {
        assertEquals(LabException.Reason.REFUSED, assertThrows(LabException.class,
            () -> agent.openConsole("lab1", bad, new Screen())).reason(), bad);
      }
      assertEquals(LabException.Reason.REFUSED, assertThrows(LabException.class,
          () -> agent.openConsole("../lab1", "GUEST1", new Screen())).reason());
    }
  }

  @Test
  void aDisplayIsOnlyForAGuestOfTheLabWhoseDesignTurnedItOn() throws Exception {
    try (LocalLabService local = new LocalLabService(new Labs(root));
        AgentClient agent = AgentClient.connect(new PipedAgent(local))) {
      var off = assertThrows(LabException.class, () -> agent.display("lab1", "GUEST1"));
      assertEquals(LabException.Reason.REFUSED, off.reason());
      assertTrue(off.getMessage().contains("has no display"), off.getMessage());
      assertEquals(LabException.Reason.NOT_FOUND, assertThrows(LabException.class,
          () -> agent.display("lab1", "STRAY")).reason());
      assertEquals(LabException.Reason.REFUSED, assertThrows(LabException.class,
          () -> agent.display("lab1", "../GUEST1")).reason());
    }
  }

  @Test
  void aConsoleSocketThatIsALinkIsNotFollowed() throws Exception {
    Path elsewhere = root.resolve("other.sock");
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      other.bind(UnixDomainSocketAddress.of(elsewhere));
      qemu.close();
      Files.delete(runDir.resolve("console.sock"));
      Files.createSymbolicLink(runDir.resolve("console.sock"), elsewhere);
      try (LocalLabService local = new LocalLabService(new Labs(root))) {
        var e = assertThrows(LabException.class, () -> local.openConsole("lab1", "GUEST1", new Screen()));
        assertTrue(e.getMessage().contains("not a socket"), e.getMessage());
      }
    }
  }

  @Test
  void inputToAConsoleThisClientDidNotOpenIsRefused() throws Exception {
    try (LocalLabService local = new LocalLabService(new Labs(root))) {
      PipedAgent pipe = new PipedAgent(local);
      pipe.writeLine("{\"op\":\"hello\",\"protocol\":" + LabService.PROTOCOL + ",\"id\":1}");
      pipe.readLine();
      pipe.writeLine("{\"op\":\"console-input\",\"lab\":\"lab1\",\"guest\":\"GUEST1\",\"data\":\"bHMK\",\"id\":2}");
      JsonNode answer = AgentCodec.JSON.readTree(pipe.readLine());
      assertFalse(answer.path("ok").asBoolean());
      assertEquals("refused", answer.path("reason").asText());
      assertTrue(answer.path("error").asText().contains("is not open"), answer.toString());
      pipe.writeLine("{\"op\":\"console-open\",\"lab\":\"lab1\",\"guest\":\"GUEST1\",\"id\":3}");
      try (SocketChannel guest = qemu.accept()) {
        JsonNode line = AgentCodec.JSON.readTree(pipe.readLine());
        assertEquals("console-output", line.path("event").asText(), "the console's end comes as an event first");
        assertArrayEquals("Linux booted\nGUEST1 login: ".getBytes(StandardCharsets.UTF_8),
            java.util.Base64.getDecoder().decode(line.path("data").asText()));
        assertTrue(AgentCodec.JSON.readTree(pipe.readLine()).path("ok").asBoolean());
        pipe.writeLine("{\"op\":\"console-input\",\"lab\":\"lab1\",\"guest\":\"GUEST1\",\"data\":\"not base64!\",\"id\":4}");
        assertEquals("refused", AgentCodec.JSON.readTree(pipe.readLine()).path("reason").asText());
      }
      pipe.close();
    }
  }
}
