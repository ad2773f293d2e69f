package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.backends.netlink.TestNamespace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack that once worked: a colleague's file gives a guest the arch "x/../evil.sh", the victim
 * starts the root agent from a folder holding qemu-system-x/ and evil.sh (sudo keeps the working
 * folder), and QEMU was started as "qemu-system-x/../evil.sh": ./evil.sh ran as root. Now programs are
 * found by absolute path only, the value is refused with a sentence, and nothing in the folder runs.
 */
@Tag("live")
class HostileWorkingFolderLiveTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;
  private TestNamespace ns;

  @BeforeEach
  void host() throws Exception {
    ns = TestNamespace.create();
  }

  @AfterEach
  void removeHost() throws Exception {
    ns.close();
  }

  @Test
  void aGuestsArchCannotNameAProgramInTheWorkingFolder() throws Exception {
    Path work = Files.createDirectory(dir.resolve("work"));
    Files.createDirectory(work.resolve("qemu-system-x"));
    Path pwned = dir.resolve("pwned");
    Path evil = work.resolve("evil.sh");
    Files.writeString(evil, "#!/bin/sh\nid > " + pwned + "\n");
    Files.setPosixFilePermissions(evil, PosixFilePermissions.fromString("rwxr-xr-x"));
    ObjectNode topology = (ObjectNode) JSON.readTree(Files.readString(Path.of("../samples/tap-host-only.json")));
    topology.withArray("elements").forEach(e -> {
      if ("guest".equals(e.path("kind").asText())) {
        ((ObjectNode) e).put("arch", "x/../evil.sh");
      }
    });
    ObjectNode up = JSON.createObjectNode().put("id", 2).put("op", "up").put("lab", "hostile");
    up.putObject("target").put("kind", "netns").put("netns", ns.name());
    up.set("design", topology);

    JsonNode answer = agentIn(work, up);
    assertFalse(answer.path("ok").asBoolean(), answer.toString());
    assertTrue(answer.path("error").asText().contains("x/../evil.sh"), answer.toString());
    assertFalse(Files.exists(pwned), "evil.sh ran: " + (Files.exists(pwned) ? Files.readString(pwned) : ""));
  }

  /** Starts the agent with {@code work} as its working folder and asks it one request. */
  private JsonNode agentIn(Path work, ObjectNode request) throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dpatchbay.state=" + dir.resolve("state"), "-cp", System.getProperty("java.class.path"), "dev.patchbay.app.Main",
        "agent");
    Process agent = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (Writer in = new OutputStreamWriter(agent.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))) {
      in.write("{\"op\":\"hello\",\"protocol\":" + dev.patchbay.backends.lab.LabService.PROTOCOL + ",\"id\":1}\n");
      in.write(JSON.writeValueAsString(request) + "\n");
      in.flush();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        JsonNode node = JSON.readTree(line);
        if (node.has("ok") && node.path("id").asInt() == request.path("id").asInt()) {
          return node;
        }
      }
      throw new AssertionError("the agent ended without an answer");
    } finally {
      agent.waitFor(60, TimeUnit.SECONDS);
      agent.destroy();
    }
  }
}
