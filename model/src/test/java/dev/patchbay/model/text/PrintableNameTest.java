package dev.patchbay.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.net.InterfaceName;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names in messages: readable as typed, with only control and invisible characters escaped. */
class PrintableNameTest {
  @Test
  void aPlainNameIsShownAsItIs() {
    assertEquals("GUEST1", Printable.name("GUEST1"));
    assertEquals("vm-1.lab_2", Printable.name("vm-1.lab_2"));
    assertEquals("Straße", Printable.name("Straße"), "letters of any script are plain");
  }

  @Test
  void aNameWithASpaceIsQuotedAndKeepsItsSpace() {
    assertEquals("'my guest'", Printable.name("my guest"));
  }

  @Test
  void controlAndInvisibleCharactersAreEscapedInsideTheQuotes() {
    assertEquals("'a\\nb'", Printable.name("a\nb"));
    assertEquals("'a\\tb'", Printable.name("a\tb"));
    assertEquals("'evil\\u202etxt'", Printable.name("evil\u202etxt"));
  }

  @Test
  void anInterfaceNameWithASpaceSaysSoInWords() {
    String why = InterfaceName.problem("tap 1").orElseThrow();
    assertEquals("'tap 1' contains a space, which the kernel refuses in interface names", why);
    assertFalse(why.contains("\\u0020"), why);
  }

  @Test
  void anInterfaceNameWithANewlineShowsItEscaped() {
    String why = InterfaceName.problem("tap\n1").orElseThrow();
    assertFalse(why.contains("\n"), why);
    assertTrue(why.contains("a newline (\\n)"), why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\tb", "a\u001bb", "a\u202eb", "a\u200bb", "a\u2028b"})
  void aNameWithAControlOrInvisibleCharacterHasALineProblem(String name) {
    assertTrue(Printable.lineProblem(name).isPresent(), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my guest", "Straße", "虚拟机", "vm-1"})
  void aNameOfVisibleCharactersAndSpacesHasNone(String name) {
    assertEquals(Optional.empty(), Printable.lineProblem(name));
  }

  @Test
  void theProblemSaysWhichCharacterAndWhere() {
    assertEquals(Optional.of("holds a tab (\\t) at character 2"), Printable.lineProblem("a\tb"));
  }
}
