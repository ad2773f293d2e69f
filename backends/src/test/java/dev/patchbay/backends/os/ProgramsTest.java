package dev.patchbay.backends.os;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs are found by absolute path in the system's folders, never through PATH or the working folder. */
class ProgramsTest {
  @TempDir
  Path dir;

  @Test
  void aProgramIsGivenByItsAbsolutePathInTheSystemFolders() {
    assertTrue(Programs.path("nft").matches("/usr/s?bin/nft"), Programs.path("nft"));
    assertTrue(Programs.path("qemu-system-x86_64").startsWith("/usr/"), Programs.path("qemu-system-x86_64"));
  }

  @Test
  void aNameThatIsAPathIsNoProgramName() {
    // A guest's arch "x/../evil.sh" once made "qemu-system-x/../evil.sh": ./evil.sh ran as root.
    var e = assertThrows(IllegalArgumentException.class, () -> Programs.path("qemu-system-x/../evil.sh"));
    assertTrue(e.getMessage().contains("not a program name"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Programs.path("../x"));
    assertThrows(IllegalArgumentException.class, () -> Programs.path(""));
  }

  @Test
  void aProgramInTheWorkingFolderOrOnPathOnlyIsNotFound() throws Exception {
    Path fake = dir.resolve("pb-only-here");
    Files.writeString(fake, "#!/bin/sh\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertTrue(Programs.find("pb-only-here", List.of(dir)).isPresent(), "the lookup itself works");
    assertTrue(Programs.find("pb-only-here").isEmpty(), "but only the system folders are searched");
  }

  @Test
  void aMissingProgramSaysWhichPackageHasIt() {
    var e = assertThrows(Programs.MissingProgramException.class, () -> Programs.path("qemu-system-sparc64"));
    assertTrue(e.getMessage().contains("qemu-system-sparc64 is not installed"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install qemu-system-sparc"), e.getMessage());
  }

  @Test
  void rootRefusesAProgramAnotherUserCouldReplace() throws Exception {
    assumeTrue(Identity.privileged(), "the check applies to a privileged process");
    Path bin = dir.resolve("bin");
    Files.createDirectory(bin);
    Path program = bin.resolve("pb-tool");
    Files.writeString(program, "#!/bin/sh\n");
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setAttribute(program, "unix:uid", 65534);
    var e = assertThrows(Programs.MissingProgramException.class, () -> Programs.path("pb-tool", List.of(bin)));
    assertTrue(e.getMessage().contains("belongs to uid 65534"), e.getMessage());
  }
}
