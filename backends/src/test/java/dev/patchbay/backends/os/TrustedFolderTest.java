package dev.patchbay.backends.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A privileged Patchbay keeps its state only in folders no other user can change. */
class TrustedFolderTest {
  private static final int NOBODY = 65534;
  @TempDir
  Path dir;

  @BeforeEach
  void asRoot() {
    assumeTrue(Identity.privileged(), "the checks apply to a privileged process (CI runs the tests as root)");
  }

  @Test
  void aMissingFolderUnderRootsOwnIsMadeWithMode700() throws Exception {
    Path state = TrustedFolder.open(dir.resolve("state").resolve("labs"), "the state folder");
    assertTrue(Files.isDirectory(state));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
  }

  @Test
  void anotherUsersFolderIsRefused() throws Exception {
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", NOBODY);
    IOException e = assertThrows(IOException.class, () -> TrustedFolder.open(theirs, "the lab state folder"));
    assertTrue(e.getMessage().contains("belongs to uid 65534"), e.getMessage());
    assertTrue(e.getMessage().startsWith("the lab state folder " + theirs), e.getMessage());
  }

  @Test
  void aFolderInsideAnotherUsersFolderIsRefusedBeforeAnythingIsMade() throws Exception {
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", NOBODY);
    assertThrows(IOException.class, () -> TrustedFolder.open(theirs.resolve("labs"), "the lab state folder"));
    assertFalse(Files.exists(theirs.resolve("labs")), "nothing is created in a folder another user controls");
  }

  @Test
  void aFolderEveryoneMayWriteToIsRefused() throws Exception {
    Path open = Files.createDirectory(dir.resolve("open"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
    IOException e = assertThrows(IOException.class, () -> TrustedFolder.open(open.resolve("labs"), "the state folder"));
    assertTrue(e.getMessage().contains("can be changed by other users (mode 777)"), e.getMessage());
  }

  @Test
  void aLinkToAnotherUsersFolderIsRefused() throws Exception {
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", NOBODY);
    Path link = Files.createSymbolicLink(dir.resolve("labs"), theirs);
    assertThrows(IOException.class, () -> TrustedFolder.open(link, "the state folder"));
  }

  @Test
  void aStickyFolderLikeTmpIsFineAsAParentButNotAsTheStateItself() throws Exception {
    Path sticky = Files.createDirectory(dir.resolve("tmp"));
    Files.setAttribute(sticky, "unix:mode", 01777);
    assertTrue(Files.isDirectory(TrustedFolder.open(sticky.resolve("ours"), "the state folder")));
    assertThrows(IOException.class, () -> TrustedFolder.open(sticky, "the state folder"));
  }
}
