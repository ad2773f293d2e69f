package dev.patchbay.backends.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad names stop at request building, so no request carrying them can exist to be sent. */
class NamesRefusedTest {
  @ParameterizedTest
  @ValueSource(strings = {"br;reboot", "tap$(id)", "a b", "name/with/slash", "sixteen-bytes-xx", "", "..", "é-utf8-is-16byt"})
  void badNameIsRefusedForEveryKindOfRequest(String name) {
    for (Executable build : new Executable[] {
        () -> NewLink.bridge(name), () -> NewLink.dummy(name), () -> NewLink.veth("pbok", name),
        () -> SetLink.named(name), () -> SetLink.index(3).rename(name), () -> DeleteLink.named(name)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
      assertTrue(e.getMessage().contains("name refused: "), e.getMessage());
    }
  }

  @Test
  void refusalSaysWhatIsWrongWithTheName() {
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> NewLink.bridge("bridge-far-too-long"));
    IllegalArgumentException semicolon = assertThrows(IllegalArgumentException.class,
        () -> NewLink.bridge("br;x"));

    assertEquals("bridge name refused: 'bridge-far-too-long' is 19 bytes; the kernel takes at most 15",
        tooLong.getMessage());
    assertEquals("bridge name refused: 'br;x' contains ';'; use letters, digits, '-', '_' and '.'",
        semicolon.getMessage());
  }

  @Test
  void groupZeroIsNeverDeletedInBulk() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeleteLink.group(0));
    assertTrue(e.getMessage().contains("default group of every interface"));
  }

  @Test
  void aliasWithAControlCharacterIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SetLink.named("pbx").alias("lab\nx"));
  }

  @Test
  void errnoValuesHaveTheirSymbolicNames() {
    assertEquals("EEXIST", Errno.name(17));
    assertEquals("ENOTRECOVERABLE", Errno.name(131));
    assertEquals("errno 524", Errno.name(524));
    assertEquals("EEXIST: File exists", Native.describe(17));
  }
}
