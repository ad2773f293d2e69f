package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, hole 8: files an export writes. A link planted where an export writes must never be
 * followed (script export used to make the link's target mode 755), and the scripts never use a
 * /tmp name another user could make first for a VDE switch's socket.
 */
class ExportFilesSecurityTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PatchbayCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path sample(String name) {
    return CliTest.samples().resolve(name);
  }

  /** A file of someone else's, mode 600, that a planted link points at. */
  private Path victim() throws Exception {
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "secret\n");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-------"));
    return victim;
  }

  private static void assertUntouched(Path victim) throws Exception {
    assertEquals("secret\n", Files.readString(victim));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));
  }

  @Test
  void scriptExportRefusesALinkPlantedAsUpShAndLeavesItsTargetAlone() throws Exception {
    Path victim = victim();
    Path out = Files.createDirectories(dir.resolve("scripts"));
    Files.createSymbolicLink(out.resolve("up.sh"), victim);
    Run r = run("export", sample("nat-routing.json").toString(), "--format", "script", "-o", out.toString());
    assertEquals(PatchbayCli.UNREADABLE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(out.resolve("up.sh") + " is a symbolic link"), r.err());
    assertUntouched(victim);
    assertTrue(Files.isSymbolicLink(out.resolve("up.sh")), "the link is left for the user to look at");
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of("up.sh"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }
  }

  @Test
  void scriptsAreNewFilesOfMode755EvenOverOldOnes() throws Exception {
    Path out = Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(out.resolve("down.sh"), "old text that is longer than nothing\n".repeat(1000));
    Run r = run("export", sample("nat-routing.json").toString(), "--format", "script", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    for (String script : List.of("up.sh", "down.sh")) {
      Path p = out.resolve(script);
      assertFalse(Files.isSymbolicLink(p));
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
      assertTrue(Files.readString(p).startsWith("#!/usr/bin/env bash\n") && !Files.readString(p).contains("old text"));
    }
  }

  /** PNG refuses before it draws: no JavaFX toolkit starts in this JVM (it would upset the UI tests after). */
  @ParameterizedTest
  @ValueSource(strings = {"qemu", "ascii", "unicode", "svg", "mermaid", "dot", "gns3", "drawio", "png"})
  void everyFormatThatWritesAFileRefusesALinkInTheWay(String format) throws Exception {
    Path victim = victim();
    Path out = dir.resolve("out." + format);
    Files.createSymbolicLink(out, victim);
    Run r = run("export", sample("nat-bridge.json").toString(), "--format", format, "-o", out.toString());
    assertEquals(PatchbayCli.UNREADABLE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("is a symbolic link"), r.err());
    assertUntouched(victim);
  }

  @Test
  void aTextExportIsAnOrdinaryFileReadableByOthers() throws Exception {
    Path out = dir.resolve("lines.sh");
    assertEquals(0, run("export", sample("nat-bridge.json").toString(), "-f", "qemu", "-o", out.toString()).code());
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }

  /** A design of guests joined by a VDE switch with no socket path: the default, as the designer makes it. */
  private Path vdeDesign() throws Exception {
    String text = Files.readString(sample("vde-switch.json")).replace("\"socketPath\": \"/var/run/qtap-ctl\",", "");
    assertFalse(text.contains("socketPath"), "the sample names its socket folder");
    Path file = dir.resolve("vde-lab.json");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aDefaultVdeSocketLivesInTheLabsPrivateFolderNeverInTmp() throws Exception {
    Path out = dir.resolve("scripts");
    Run r = run("export", vdeDesign().toString(), "--format", "script", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    String up = Files.readString(out.resolve("up.sh"));
    String down = Files.readString(out.resolve("down.sh"));
    assertFalse(up.contains("/tmp") || down.contains("/tmp"), up);
    int folder = up.indexOf("\nprivate_dir /run/patchbay /run/patchbay/vde-lab\n");
    int start = up.indexOf("\nstart vde0 vde_switch -hub -tap qtap -sock /run/patchbay/vde-lab/vde0\n");
    assertTrue(folder > 0 && start > folder, up);
    assertTrue(up.contains("sock=/run/patchbay/vde-lab/vde0"), up);
    assertTrue(down.contains("\nremove_private_dir /run/patchbay/vde-lab/vde0\n"), down);
    Run qemu = run("export", vdeDesign().toString(), "--format", "qemu");
    assertTrue(qemu.out().contains("sock=/run/patchbay/vde-lab/vde0"), qemu.out());
  }

  @Test
  void thePrivateFolderIsRefusedWhenSomeoneElsePlantedALinkOrAFolder() throws Exception {
    Path out = dir.resolve("scripts");
    assertEquals(0, run("export", vdeDesign().toString(), "--format", "script", "-o", out.toString()).code());
    String up = Files.readString(out.resolve("up.sh"));
    String function = up.substring(up.indexOf("private_dir() {"), up.indexOf("\n}\n", up.indexOf("private_dir() {")) + 3);
    Path root = dir.resolve("run");
    assertEquals(0, bash(function + "private_dir " + root + " " + root.resolve("lab")));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("lab"))));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(root.resolve("planted"), elsewhere);
    assertEquals(1, bash(function + "private_dir " + root + " " + root.resolve("planted")));
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
    Path foreign = Files.createDirectories(root.resolve("foreign"));
    Files.setOwner(foreign, foreign.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    assertEquals(1, bash(function + "private_dir " + root + " " + foreign));
  }

  private static int bash(String script) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    p.getInputStream().readAllBytes();
    return p.exitValue();
  }
}
