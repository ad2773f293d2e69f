package dev.patchbay.app.rootless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Debian package as a user meets it: .ci/package builds it from this build's jar, dpkg installs
 * it, an ordinary user (patchbay-test) runs `patchbay --version` and applies and takes down a sample
 * in the rootless sandbox, and dpkg --purge leaves nothing of it behind.
 */
@Tag("live")
class PackageIT {
  private static final String USER = "patchbay-test";
  private static final List<Path> INSTALLED = List.of(Path.of("/usr/lib/patchbay"), Path.of("/usr/bin/patchbay"),
      Path.of("/usr/share/man/man1/patchbay.1.gz"), Path.of("/usr/share/bash-completion/completions/patchbay"),
      Path.of("/usr/share/polkit-1/actions/dev.patchbay.agent.policy"),
      Path.of("/usr/share/applications/patchbay-patchbay.desktop"), Path.of("/etc/apparmor.d/patchbay"));

  @Test
  void installedRunAsAUserAndPurgedWithNothingLeft() throws Exception {
    assumeTrue(run(List.of("id", USER)).code() == 0, "the test user .ci/setup makes is missing");
    Path root = Path.of("..").toAbsolutePath().normalize();
    Result built = run(List.of(root.resolve(".ci/package").toString()), root, "PATCHBAY_PACKAGE_JAR=1");
    assertEquals(0, built.code(), built.text());
    Path deb;
    try (var files = Files.list(root.resolve("app/target/package"))) {
      deb = files.filter(f -> f.toString().endsWith(".deb")).findFirst().orElseThrow();
    }
    Path sample = Files.createTempFile("pb-package", ".json");
    Files.copy(root.resolve("samples/nat-routing.json"), sample, StandardCopyOption.REPLACE_EXISTING);
    sample.toFile().setReadable(true, false);
    try {
      Result install = run(List.of("dpkg", "-i", deb.toString()));
      assertEquals(0, install.code(), install.text());
      Result version = asUser("patchbay --version");
      assertTrue(version.text().startsWith("patchbay 0."), version.text());
      Result up = asUser("patchbay up " + sample + " --lab pkgtest");
      assertEquals(0, up.code(), up.text());
      assertTrue(asUser("patchbay labs").text().contains("pkgtest"));
      Result down = asUser("patchbay down pkgtest");
      assertEquals(0, down.code(), down.text());
    } finally {
      asUser("patchbay down pkgtest");
      Result purge = run(List.of("dpkg", "--purge", "patchbay"));
      assertEquals(0, purge.code(), purge.text());
      Files.deleteIfExists(sample);
      run(List.of("rm", "-rf", "/home/" + USER + "/.local/state/patchbay", "/home/" + USER + "/.cache/patchbay"));
    }
    for (Path p : INSTALLED) {
      assertFalse(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), p + " was left behind");
    }
    assertFalse(run(List.of("dpkg", "-s", "patchbay")).code() == 0, "the package is gone from dpkg's records");
  }

  private static Result asUser(String command) throws Exception {
    return run(List.of("runuser", "-l", USER, "-c", command));
  }

  private record Result(int code, String text) {}

  private static Result run(List<String> cmd) throws Exception {
    return run(cmd, null);
  }

  private static Result run(List<String> cmd, Path dir, String... env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    for (String e : env) {
      pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    }
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(900, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, out + "\n(no end within 900 s)");
    }
    return new Result(p.exitValue(), out);
  }
}
