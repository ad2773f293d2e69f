package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutLinksTest {
  @TempDir
  Path labs;

  @Test
  void aLabWithNoCutHasNone() throws Exception {
    assertEquals(Set.of(), CutLinks.read(labs, "lab1"));
  }

  @Test
  void cutsAndRestoresAreReadBackByAnotherReader() throws Exception {
    CutLinks.record(labs, "lab1", "l1", true);
    CutLinks.record(labs, "lab1", "l3", true);
    CutLinks.record(labs, "lab1", "l1", false);
    CutLinks.record(labs, "lab1", "l3", true);

    assertEquals(Set.of("l3"), CutLinks.read(labs, "lab1"));
    assertEquals(Set.of(), CutLinks.read(labs, "lab2"), "each lab has its own");
  }
}
