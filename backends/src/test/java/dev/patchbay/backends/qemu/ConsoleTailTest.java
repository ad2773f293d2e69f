package dev.patchbay.backends.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A crash report's console tail: the last non-blank lines, serial line ends and all. */
class ConsoleTailTest {
  @Test
  void keepsTheLastNonBlankLinesWithoutTheirLineEnds() {
    String console = "\r\nPB {\"event\":\"nic\"}\r\n\r\n[ 1.2] Kernel panic - not syncing: Attempted to kill init!\r\n"
        + "[ 1.3] ---[ end Kernel panic ]---\r\n\r\n";
    assertEquals(List.of("[ 1.2] Kernel panic - not syncing: Attempted to kill init!", "[ 1.3] ---[ end Kernel panic ]---"),
        GuestProcess.tail(console, 2));
    assertEquals(3, GuestProcess.tail(console, 25).size());
    assertEquals(List.of(), GuestProcess.tail("", 25));
  }
}
