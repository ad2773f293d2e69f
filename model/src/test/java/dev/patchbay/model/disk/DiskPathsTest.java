package dev.patchbay.model.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiskPathsTest {
  private static final Optional<Path> LABS = Optional.of(Path.of("/labs/one"));

  @Test
  void aRelativeDiskIsReadFromTheTopologysFolder() {
    assertEquals(Optional.of(Path.of("/labs/one/sol11.img")), DiskPaths.resolve(LABS, "sol11.img"));
    assertEquals(Optional.of(Path.of("/labs/one/images/a.qcow2")), DiskPaths.resolve(LABS, "./images/a.qcow2"));
    assertEquals(Optional.of(Path.of("/labs/shared/b.img")), DiskPaths.resolve(LABS, "../shared/b.img"));
  }

  @Test
  void anAbsoluteDiskIsItself() {
    assertEquals(Optional.of(Path.of("/srv/img/x.img")), DiskPaths.resolve(LABS, "/srv/img/x.img"));
    assertEquals(Optional.of(Path.of("/srv/img/x.img")), DiskPaths.resolve(Optional.empty(), "/srv/img/x.img"));
  }

  @Test
  void aRelativeDiskOfAnUnsavedDesignHasNoPlace() {
    assertEquals(Optional.empty(), DiskPaths.resolve(Optional.empty(), "sol11.img"));
    assertEquals(Optional.empty(), DiskPaths.resolve(LABS, " "));
  }

  @Test
  void anImageInsideTheFolderIsNamedRelativelyOthersAbsolutely() {
    assertEquals("./images/a.img", DiskPaths.nameFor(Path.of("/labs/one"), Path.of("/labs/one/images/a.img")));
    assertEquals("/labs/other/a.img", DiskPaths.nameFor(Path.of("/labs/one"), Path.of("/labs/other/a.img")));
    assertEquals(Optional.of("images/a.img"), DiskPaths.relativeName(Path.of("/labs/one"), Path.of("/labs/one/images/a.img")));
    assertEquals(Optional.empty(), DiskPaths.relativeName(Path.of("/labs/one"), Path.of("/labs/onex/a.img")));
  }
}
