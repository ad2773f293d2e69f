package dev.patchbay.app.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** One definition of an action: what it is called, when it may run, and what running it does. */
class UserActionTest {
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void performRunsTheHandlerOnlyWhileTheActionIsEnabled() {
    SimpleBooleanProperty enabled = new SimpleBooleanProperty(false);
    UserAction a = UserAction.define("Delete", "Delete").enabledWhen(enabled).does(runs::incrementAndGet);
    a.perform();
    assertEquals(0, runs.get(), "a key or a stale control never runs a disabled action");
    enabled.set(true);
    a.perform();
    assertEquals(1, runs.get());
  }

  @Test
  void disabledWhenFollowsEnabledWhen() {
    SimpleBooleanProperty enabled = new SimpleBooleanProperty(true);
    UserAction a = UserAction.define("Copy", "Copy").enabledWhen(enabled).does(runs::incrementAndGet);
    assertFalse(a.disabledWhen().get());
    enabled.set(false);
    assertTrue(a.disabledWhen().get());
  }

  @Test
  void anActionWithoutAConditionIsAlwaysEnabled() {
    UserAction a = UserAction.define("Paste", "Paste").does(runs::incrementAndGet);
    assertTrue(a.enabledWhen().get());
    a.perform();
    assertEquals(1, runs.get());
  }

  @Test
  void anActionThatAsksFirstIsLabelledWithAnEllipsisButNamedWithout() {
    UserAction a = UserAction.define("SaveAs", "Save As").asks().does(runs::incrementAndGet);
    assertEquals("Save As...", a.label().get());
    assertEquals("Save As", a.name());
  }

  @Test
  void aLiveLabelFollowsItsSource() {
    SimpleStringProperty undo = new SimpleStringProperty("Undo");
    UserAction a = UserAction.define("Undo", "Undo").label(undo).does(runs::incrementAndGet);
    undo.set("Undo Add guest");
    assertEquals("Undo Add guest", a.label().get());
    assertEquals("Undo", a.name(), "the name a toolbar shows stays short");
  }

  @Test
  void theShortcutIsParsedOnceFromItsWrittenForm() {
    UserAction a = UserAction.define("Undo", "Undo").keys("Shortcut+Z").does(runs::incrementAndGet);
    assertEquals(KeyCombination.keyCombination("Shortcut+Z"), a.accelerator().orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> UserAction.define("X", "X").keys("Shortcut+"));
  }

  @Test
  void aCheckFlipsItsSettingWhenPerformed() {
    SimpleBooleanProperty snap = new SimpleBooleanProperty(true);
    UserAction a = UserAction.define("Snap", "Snap to Grid").toggles(snap);
    assertFalse(a.isChoice());
    a.perform();
    assertFalse(snap.get());
    a.perform();
    assertTrue(snap.get());
  }

  @Test
  void aChoiceIsChosenWhenPerformedAndStaysChosen() {
    SimpleBooleanProperty chosen = new SimpleBooleanProperty(false);
    UserAction a = UserAction.define("Refresh5", "5 per second").chooses(chosen);
    assertTrue(a.isChoice());
    a.perform();
    a.perform();
    assertTrue(chosen.get());
  }
}
