package dev.patchbay.backends.os;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patchbay's own files are never opened through a link, and a root Patchbay reads only its own. */
class SafeFilesTest {
  @TempDir
  Path dir;

  @Test
  void aLinkInPlaceOfAFileIsNotReadThrough() throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "root only\n");
    Path log = Files.createSymbolicLink(dir.resolve("serial.log"), secret);
    IOException e = assertThrows(IOException.class, () -> SafeFiles.readString(log));
    assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
    assertFalse(e.getMessage().contains("root only"));
  }

  @Test
  void aLinkInPlaceOfAFileIsNotWrittenThrough() throws Exception {
    Path elsewhere = dir.resolve("elsewhere");
    Path planted = Files.createSymbolicLink(dir.resolve("journal.jsonl"), elsewhere);
    assertThrows(IOException.class, () -> SafeFiles.append(planted, "x\n".getBytes(StandardCharsets.UTF_8), true));
    assertFalse(Files.exists(elsewhere), "the link's target must not be created");
  }

  @Test
  void newFilesAreOnlyTheirOwnersAndAppendsAddUp() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    SafeFiles.append(file, "a\n".getBytes(StandardCharsets.UTF_8), true);
    SafeFiles.append(file, "b\n".getBytes(StandardCharsets.UTF_8), false);
    assertArrayEquals("a\nb\n".getBytes(StandardCharsets.UTF_8), SafeFiles.readAllBytes(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void rootDoesNotReadAFileAnotherUserMade() throws Exception {
    assumeTrue(Identity.privileged(), "the owner check applies to a privileged process");
    Path file = dir.resolve("qemu.pid");
    Files.writeString(file, "1\n");
    Files.setAttribute(file, "unix:uid", 65534);
    IOException e = assertThrows(IOException.class, () -> SafeFiles.readString(file));
    assertTrue(e.getMessage().contains("belongs to uid 65534"), e.getMessage());
  }
}
