package dev.patchbay.app.rootless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rootless sandbox as an ordinary user runs it: patchbay.jar, as the user .ci/setup makes
 * (patchbay-test), with no privilege at all: up of the NAT-routing sample, its counters, a link cut
 * that stops a ping and its restore, verify of a sample, down with nothing left; the keeper survives
 * the command that started it; another user can drive neither the labs nor the keeper.
 */
@Tag("live")
class RootlessSandboxIT {
  private static final String USER = "patchbay-test";
  private Path dir;
  private Path state;

  @BeforeEach
  void copyTheProgramWhereTheUserCanReadIt() throws Exception {
    assumeTrue(run(List.of("id", USER)).code() == 0, "the test user .ci/setup makes is missing");
    dir = Files.createTempDirectory("pb-rootless");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.copy(Path.of("target", "patchbay.jar"), dir.resolve("patchbay.jar"), StandardCopyOption.REPLACE_EXISTING);
    for (String sample : List.of("nat-routing.json", "tap-host-only.json")) {
      Files.copy(samples().resolve(sample), dir.resolve(sample), StandardCopyOption.REPLACE_EXISTING);
    }
    state = dir.resolve("state");
    Files.createDirectory(state, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    run(List.of("chown", USER + ":", state.toString())).check();
  }

  @AfterEach
  void removeEverythingTheUserMade() throws Exception {
    if (dir == null) {
      return;
    }
    patchbay("down", "rootless");
    Path keeper = state.resolve(".keeper").resolve("pid");
    if (Files.exists(keeper)) { // left only if the test failed before down stopped it: by its PID
      ProcessHandle.of(Long.parseLong(Files.readString(keeper).strip())).ifPresent(ProcessHandle::destroy);
    }
    run(List.of("rm", "-rf", dir.toString()));
  }

  private static Path samples() {
    String p = System.getProperty("patchbay.samples");
    return p != null ? Path.of(p) : Path.of("..", "samples");
  }

  private Result patchbay(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("runuser", "-u", USER, "--", "env", "-C", dir.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dpatchbay.state=" + state, "-jar",
        dir.resolve("patchbay.jar").toString()));
    cmd.addAll(List.of(args));
    return run(cmd);
  }

  /** A ping from the lab's host namespace, inside the user's keeper, as the user. */
  private boolean ping(String address) throws Exception {
    String keeper = Files.readString(state.resolve(".keeper").resolve("pid")).strip();
    return run(List.of("runuser", "-u", USER, "--", "nsenter", "--target", keeper, "--user", "--mount",
        "--preserve-credentials", "--", "nsenter", "--net=" + state.resolve(".netns").resolve("pb-rootless-host"),
        "busybox", "ping", "-c", "1", "-W", "2", address)).code() == 0;
  }

  @Test
  void anOrdinaryUserRunsALabWithoutPrivilege() throws Exception {
    Result up = patchbay("up", "nat-routing.json", "--lab", "rootless");
    assertEquals(0, up.code(), up.text());
    long keeper = Long.parseLong(Files.readString(state.resolve(".keeper").resolve("pid")).strip());
    assertTrue(ProcessHandle.of(keeper).map(ProcessHandle::isAlive).orElse(false), "the keeper outlives up");
    assertTrue(patchbay("labs").text().contains("rootless"), "labs lists the lab");

    assertTrue(waitUntil(() -> ping("192.168.0.10")), "GUEST1 answers through tap0");
    String stats = patchbay("stats", "rootless").text();
    assertTrue(stats.matches("(?s).*l2 +guest1:nic0 <-> tap0 +[1-9][0-9]* +[1-9].*"), "the NIC's frames are counted: " + stats);
    assertEquals(0, patchbay("link", "rootless", "l2", "down").code());
    assertTrue(waitUntil(() -> !ping("192.168.0.10")), "a cut link stops the ping");
    assertEquals(0, patchbay("link", "rootless", "l2", "up").code());
    assertTrue(waitUntil(() -> ping("192.168.0.10")), "a restored link carries it again");

    Result stranger = run(List.of("runuser", "-u", "nobody", "--", Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-Dpatchbay.state=" + state, "-jar", dir.resolve("patchbay.jar").toString(), "down",
        "rootless"));
    assertNotEquals(0, stranger.code(), "another user cannot take the lab down: " + stranger.text());
    assertTrue(patchbay("labs").text().contains("rootless"), "the lab is still up");
    assertNotEquals(0, run(List.of("runuser", "-u", "nobody", "--", "nsenter", "--target", Long.toString(keeper),
        "--user", "--preserve-credentials", "true")).code(), "nor enter the user's keeper");

    Result down = patchbay("down", "rootless");
    assertEquals(0, down.code(), down.text());
    assertTrue(waitUntil(() -> run(List.of("pgrep", "-u", USER)).code() != 0), "nothing of the user's runs any more");
    assertFalse(Files.exists(state.resolve("rootless")), "the lab's folder is gone");
  }

  @Test
  void anOrdinaryUserVerifiesADesignAndTheHostNeedsRoot() throws Exception {
    Result verify = patchbay("verify", "tap-host-only.json", "--lab", "rootless");
    assertEquals(0, verify.code(), verify.text());
    assertTrue(verify.text().contains("0 differ"), verify.text());
    Result host = patchbay("up", "nat-routing.json", "--target", "host");
    assertEquals(2, host.code(), host.text());
    assertTrue(host.text().contains("applying to this host needs root: run sudo patchbay up"), host.text());
  }

  private static boolean waitUntil(ThrowingCondition condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return condition.holds();
  }

  @FunctionalInterface
  private interface ThrowingCondition {
    boolean holds() throws Exception;
  }

  private record Result(int code, String text) {
    Result check() throws IOException {
      if (code != 0) {
        throw new IOException(text);
      }
      return this;
    }
  }

  private static Result run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, out + "\n(no end within 600 s)");
    }
    return new Result(p.exitValue(), out);
  }
}
