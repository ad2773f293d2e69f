package dev.patchbay.app.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Each action is defined once: every menu item, toolbar button, context-menu item and key made
 * from it shows its label and shortcut and is enabled by its one condition.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerActionsTest {
  private final Preferences prefs =
      Preferences.userRoot().node("dev/patchbay/test/actions-" + ProcessHandle.current().pid());
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }

  private List<MenuItem> menuBarItems() {
    MenuBar bar = (MenuBar) window.scene().lookup("#menuBar");
    List<MenuItem> items = new ArrayList<>();
    bar.getMenus().forEach(m -> collect(m, items));
    return items;
  }

  private static void collect(Menu menu, List<MenuItem> into) {
    for (MenuItem i : menu.getItems()) {
      if (i instanceof Menu sub) {
        collect(sub, into);
      } else if (ActionControls.actionOf(i) != null) {
        into.add(i);
      }
    }
  }

  private List<ButtonBase> toolbarButtons() {
    ToolBar bar = (ToolBar) window.scene().lookup("#toolBar");
    return bar.getItems().stream().filter(ButtonBase.class::isInstance).map(ButtonBase.class::cast).toList();
  }

  private List<MenuItem> contextItems() {
    return window.contextMenus().actionItems();
  }

  @Test
  void everyActionIsInTheMenusOrTheKeyMapExactlyOnce() {
    List<UserAction> placed = new ArrayList<>(menuBarItems().stream().map(ActionControls::actionOf).toList());
    placed.addAll(window.keys().keyMap().values());
    for (UserAction a : window.actions().all()) {
      assertEquals(1, placed.stream().filter(p -> p == a).count(), a + " appears once");
    }
    assertEquals(window.actions().all().size(), placed.size(), "nothing is placed that the catalogue lacks");
  }

  @Test
  void aMenuItemShowsItsActionsIdLabelAndShortcut() {
    for (MenuItem i : menuBarItems()) {
      UserAction a = ActionControls.actionOf(i);
      assertSame(a, window.actions().get(a.id()));
      assertEquals("menu" + a.id(), i.getId());
      assertEquals(a.label().get(), i.getText());
      assertEquals(a.accelerator(), Optional.ofNullable(i.getAccelerator()), a.id());
    }
  }

  @Test
  void aToolbarButtonShowsTheSameActionAsItsMenuItem() {
    Map<String, UserAction> inMenus = new HashMap<>();
    menuBarItems().forEach(i -> inMenus.put(i.getId().substring("menu".length()), ActionControls.actionOf(i)));
    assertEquals(10, toolbarButtons().size(), "files, undo, redo, delete, zoom, fit and snap");
    for (ButtonBase b : toolbarButtons()) {
      UserAction a = ActionControls.actionOf(b);
      assertSame(inMenus.get(a.id()), a, b.getId() + " is the menu's action");
      assertEquals("tool" + a.id(), b.getId());
      assertEquals(a.name(), b.getText());
      String tip = b.getTooltip().getText();
      assertTrue(tip.startsWith(a.label().get()), tip);
      a.accelerator().ifPresent(k -> assertTrue(tip.contains(k.getDisplayText()), tip + " gives " + k.getDisplayText()));
    }
  }

  @Test
  void theKeyMapBindsEachKeyToItsActionsShortcut() {
    assertEquals(9, window.keys().keyMap().size(), "Escape and eight arrow keys");
    window.keys().keyMap().forEach((k, a) -> assertEquals(Optional.of(k), a.accelerator()));
  }

  @Test
  void noKeyIsBoundToTwoActions() {
    Set<KeyCombination> seen = new HashSet<>(window.keys().keyMap().keySet());
    for (MenuItem i : menuBarItems()) {
      if (i.getAccelerator() != null) {
        assertTrue(seen.add(i.getAccelerator()), i.getAccelerator().getName() + " is bound twice");
      }
    }
    long withKeys = window.actions().all().stream().filter(a -> a.accelerator().isPresent()).count();
    assertEquals(withKeys, seen.size(), "every shortcut is bound, in a menu or in the key map");
  }

  @Test
  void theContextMenuShowsTheSameActionsAsTheMenuBar() {
    List<MenuItem> context = contextItems();
    assertTrue(context.size() >= 20, "the menus of the canvas, an element, a wire and a note: " + context.size());
    for (MenuItem i : context) {
      UserAction a = ActionControls.actionOf(i);
      assertSame(window.actions().get(a.id()), a);
      assertEquals("context" + a.id(), i.getId());
      assertEquals(a.label().get(), i.getText());
      assertEquals(a.accelerator(), Optional.ofNullable(i.getAccelerator()));
    }
  }

  @Test
  void everyControlOfAnActionIsEnabledWhenItsOneConditionHolds(FxRobot robot) {
    assertEveryControlFollowsItsAction();
    robot.interact(() -> window.canvasViewModel().addElement(ElementKind.HUB, new Point(100, 100)));
    assertTrue(window.actions().get("Delete").enabledWhen().get(), "the new hub is selected");
    assertEveryControlFollowsItsAction();
    robot.interact(() -> window.canvasViewModel().selection().clear());
    assertEveryControlFollowsItsAction();
  }

  @Test
  void choosingARefreshRateInTheLabMenuSetsTheLabsRateAndUnchoosesTheOthers(FxRobot robot) {
    List<RadioMenuItem> rates = menuBarItems().stream().filter(RadioMenuItem.class::isInstance)
        .map(RadioMenuItem.class::cast).filter(i -> i.getId().startsWith("menuRefresh")).toList();
    assertEquals(List.of("menuRefresh1", "menuRefresh2", "menuRefresh5", "menuRefresh10"),
        rates.stream().map(MenuItem::getId).toList());
    assertTrue(rates.get(0).isSelected(), "1 per second at start");
    robot.interact(() -> rates.get(2).setSelected(true)); // what a click on the item does
    assertEquals(5, window.lab().refreshHzProperty().get());
    assertEquals(List.of(false, false, true, false), rates.stream().map(RadioMenuItem::isSelected).toList());
    robot.interact(() -> window.lab().setRefreshHz(10));
    assertTrue(rates.get(3).isSelected(), "the menu follows a rate set elsewhere");
    assertFalse(rates.get(2).isSelected());
  }

  private void assertEveryControlFollowsItsAction() {
    Stream.concat(menuBarItems().stream(), contextItems().stream()).forEach(i -> {
      UserAction a = ActionControls.actionOf(i);
      assertNotNull(a);
      assertEquals(!a.enabledWhen().get(), i.isDisable(), i.getId());
    });
    for (ButtonBase b : toolbarButtons()) {
      assertEquals(!ActionControls.actionOf(b).enabledWhen().get(), b.isDisable(), b.getId());
    }
  }
}
