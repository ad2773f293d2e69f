package dev.patchbay.app.designer.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThemeViewModelTest {
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/theme-vm-" + ProcessHandle.current().pid());

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }

  private static DesktopAppearance says(String what) {
    return () -> what.equals("unknown") ? Optional.empty() : Optional.of(Appearance.valueOf(what));
  }

  @ParameterizedTest(name = "the desktop says {0}: System is {1}")
  @CsvSource({"LIGHT, LIGHT", "DARK, DARK", "unknown, LIGHT"})
  void systemResolvesFromTheDesktop(String desktop, Appearance expected) {
    ThemeViewModel vm = new ThemeViewModel(ThemeChoice.SYSTEM, c -> { }, says(desktop));
    assertEquals(expected, vm.appearanceProperty().get());
  }

  @ParameterizedTest(name = "{0} whatever the desktop says")
  @CsvSource({"LIGHT, DARK, LIGHT", "DARK, LIGHT, DARK", "DARK, unknown, DARK"})
  void aFixedChoiceIgnoresTheDesktop(ThemeChoice choice, String desktop, Appearance expected) {
    assertEquals(expected, new ThemeViewModel(choice, c -> { }, says(desktop)).appearanceProperty().get());
  }

  @Test
  void aChoiceIsRememberedAndComesBackInTheNextWindow() {
    ThemeViewModel first = ThemeViewModel.remembered(prefs, says("LIGHT"));
    assertEquals(ThemeChoice.SYSTEM, first.choiceProperty().get(), "nothing chosen yet: follow the desktop");
    first.choose(ThemeChoice.DARK);
    assertEquals("DARK", prefs.get("theme", null));
    ThemeViewModel next = ThemeViewModel.remembered(prefs, says("LIGHT"));
    assertEquals(ThemeChoice.DARK, next.choiceProperty().get());
    assertEquals(Appearance.DARK, next.appearanceProperty().get());
  }

  @Test
  void anUnknownStoredValueFollowsTheDesktop() {
    prefs.put("theme", "SOLARIZED");
    ThemeViewModel vm = ThemeViewModel.remembered(prefs, says("DARK"));
    assertEquals(ThemeChoice.SYSTEM, vm.choiceProperty().get());
    assertEquals(Appearance.DARK, vm.appearanceProperty().get());
  }

  @Test
  void choosingSystemAgainReadsTheDesktopAgain() {
    AtomicReference<Optional<Appearance>> desktop = new AtomicReference<>(Optional.of(Appearance.LIGHT));
    AtomicInteger reads = new AtomicInteger();
    ThemeViewModel vm = new ThemeViewModel(ThemeChoice.SYSTEM, c -> { }, () -> {
      reads.incrementAndGet();
      return desktop.get();
    });
    vm.choose(ThemeChoice.LIGHT);
    desktop.set(Optional.of(Appearance.DARK));
    int before = reads.get();
    vm.choose(ThemeChoice.SYSTEM);
    assertEquals(Appearance.DARK, vm.appearanceProperty().get());
    assertEquals(before + 1, reads.get(), "one reading per choice");
  }

  @Test
  void theMenusChoicesAreExclusiveAndChoose() {
    List<ThemeChoice> remembered = new ArrayList<>();
    ThemeViewModel vm = new ThemeViewModel(ThemeChoice.SYSTEM, remembered::add, says("LIGHT"));
    assertTrue(vm.chosen(ThemeChoice.SYSTEM).get());
    vm.chosen(ThemeChoice.DARK).set(true); // what a radio item does when clicked
    assertEquals(ThemeChoice.DARK, vm.choiceProperty().get());
    assertEquals(Appearance.DARK, vm.appearanceProperty().get());
    assertFalse(vm.chosen(ThemeChoice.SYSTEM).get());
    assertFalse(vm.chosen(ThemeChoice.LIGHT).get());
    vm.choose(ThemeChoice.LIGHT);
    assertTrue(vm.chosen(ThemeChoice.LIGHT).get());
    assertFalse(vm.chosen(ThemeChoice.DARK).get());
    assertEquals(List.of(ThemeChoice.DARK, ThemeChoice.LIGHT), remembered);
  }
}
