package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a scripted QMP server on a unix socket: QEMU's wire format, no QEMU. */
class QmpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private ServerSocketChannel server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private Qmp qmp;

  @BeforeEach
  void serve() throws IOException {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(dir.resolve("qmp.sock")));
    Thread t = new Thread(this::answer, "fake-qemu");
    t.setDaemon(true);
    t.start();
    qmp = Qmp.connect(dir.resolve("qmp.sock"), Duration.ofSeconds(5));
  }

  @AfterEach
  void close() throws IOException {
    qmp.close();
    server.close();
  }

  private void answer() {
    try (SocketChannel ch = server.accept();
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
        OutputStream out = Channels.newOutputStream(ch)) {
      send(out, "{\"QMP\":{\"version\":{\"qemu\":{\"major\":7}},\"capabilities\":[\"oob\"]}}");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode msg = JSON.readTree(line);
        received.add(msg);
        send(out, reply(msg));
      }
    } catch (IOException e) {
      // the client closed
    }
  }

  private static String reply(JsonNode msg) {
    String id = msg.get("id").toString();
    return switch (msg.get("execute").asText()) {
      case "query-status" -> "{\"event\":\"RESUME\",\"timestamp\":{\"seconds\":1,\"microseconds\":2}}\n"
          + "{\"return\":{\"status\":\"running\",\"running\":true},\"id\":" + id + "}";
      case "set_link" -> msg.at("/arguments/name").asText().equals("net-nic0")
          ? "{\"return\":{},\"id\":" + id + "}"
          : "{\"error\":{\"class\":\"DeviceNotFound\",\"desc\":\"Device '" + msg.at("/arguments/name").asText()
              + "' not found\"},\"id\":" + id + "}";
      default -> "{\"return\":{},\"id\":" + id + "}";
    };
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Test
  void handshakeLeavesCapabilitiesModeFirst() {
    assertEquals("qmp_capabilities", received.get(0).get("execute").asText());
  }

  @Test
  void queryStatusReadsTheRunState() {
    assertEquals("running", qmp.queryStatus());
  }

  @Test
  void eventsArrivingBeforeAnAnswerAreKept() {
    qmp.queryStatus();
    assertEquals("RESUME", qmp.events().get(0).get("event").asText());
  }

  @Test
  void setLinkSendsNameAndUp() {
    qmp.setLink("net-nic0", false);
    JsonNode sent = received.get(received.size() - 1);
    assertEquals("set_link", sent.get("execute").asText());
    assertEquals("net-nic0", sent.at("/arguments/name").asText());
    assertEquals(false, sent.at("/arguments/up").asBoolean(true));
  }

  @Test
  void qemuErrorBecomesAnExceptionWithItsClassAndWords() {
    QmpException e = assertThrows(QmpException.class, () -> qmp.setLink("nic9", true));
    assertEquals("DeviceNotFound", e.errorClass());
    assertTrue(e.getMessage().contains("Device 'nic9' not found"), e.getMessage());
  }

  @Test
  void eachCommandCarriesItsOwnId() {
    qmp.queryStatus();
    qmp.queryStatus();
    assertEquals(received.size(), received.stream().map(m -> m.get("id").asText()).distinct().count());
  }

  @Test
  void filterDumpIsAddedAsAnObjectWithSnapLength() {
    qmp.addFilterDump("d0", "net-nic0", Path.of("/tmp/x.pcap"), 96);
    JsonNode a = received.get(received.size() - 1).get("arguments");
    assertEquals("filter-dump", a.get("qom-type").asText());
    assertEquals("net-nic0", a.get("netdev").asText());
    assertEquals(96, a.get("maxlen").asInt());
  }
}
