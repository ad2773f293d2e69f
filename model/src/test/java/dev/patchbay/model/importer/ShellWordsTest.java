package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void eachLineIsOneCommandLine() {
    assertEquals(List.of(List.of("qemu", "-net", "nic"), List.of("qemu", "-net", "user")),
        ShellWords.lines("qemu -net nic\n\nqemu -net user\n"));
  }

  @Test
  void backslashNewlineContinuesTheLine() {
    assertEquals(List.of(List.of("qemu", "-m", "384", "-net", "user")), ShellWords.lines("qemu -m 384 \\\n  -net user"));
  }

  @Test
  void quotesKeepSpacesAndNothingIsExpanded() {
    assertEquals(List.of(List.of("qemu", "-name", "my lab", "-drive", "file=$HOME/a b.img", "x\"y")),
        ShellWords.lines("qemu -name 'my lab' -drive \"file=$HOME/a b.img\" x\\\"y"));
  }

  @Test
  void commentsAndPromptFreeLinesAreSkipped() {
    assertEquals(List.of(List.of("qemu", "-net", "nic")), ShellWords.lines("# guest A\nqemu -net nic # the NIC\n"));
  }

  @Test
  void semicolonsSeparateCommandsInsteadOfRunningThem() {
    assertEquals(List.of(List.of("qemu", "-net", "nic"), List.of("rm", "-rf", "/")), ShellWords.lines("qemu -net nic; rm -rf /"));
  }

  @Test
  void anUnclosedQuoteSaysWhere() {
    ImportException e = assertThrows(ImportException.class, () -> ShellWords.lines("qemu -name 'lab"));
    assertTrue(e.getMessage().contains("character 12"), e.getMessage());
  }
}
