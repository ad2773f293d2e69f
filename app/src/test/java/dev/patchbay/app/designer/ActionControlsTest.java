package dev.patchbay.app.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The controls made from an action take everything from it and forward to it. */
@ExtendWith(ApplicationExtension.class)
class ActionControlsTest {
  private final AtomicInteger runs = new AtomicInteger();

  @Start
  void start(Stage stage) {
    // The builders only need the toolkit; no window is shown.
  }

  @Test
  void eachControlGetsItsOwnIconNode(FxRobot robot) {
    UserAction a = UserAction.define("Fit", "Fit to Window").icon(() -> new Circle(4)).does(runs::incrementAndGet);
    MenuItem[] made = new MenuItem[1];
    ButtonBase[] button = new ButtonBase[1];
    robot.interact(() -> {
      made[0] = ActionControls.menuItem("menu", a);
      button[0] = ActionControls.button(a);
    });
    assertTrue(made[0].getGraphic() instanceof Circle);
    assertTrue(button[0].getGraphic() instanceof Circle);
    assertNotSame(made[0].getGraphic(), button[0].getGraphic(), "a node sits in one place only");
  }

  @Test
  void aDisabledActionsMenuItemIsDisabledAndFiringItDoesNothing(FxRobot robot) {
    SimpleBooleanProperty enabled = new SimpleBooleanProperty(false);
    UserAction a = UserAction.define("Delete", "Delete").enabledWhen(enabled).does(runs::incrementAndGet);
    MenuItem[] made = new MenuItem[1];
    robot.interact(() -> made[0] = ActionControls.menuItem("menu", a));
    assertTrue(made[0].isDisable());
    robot.interact(made[0]::fire);
    assertEquals(0, runs.get());
    robot.interact(() -> enabled.set(true));
    assertFalse(made[0].isDisable());
    robot.interact(made[0]::fire);
    assertEquals(1, runs.get());
  }

  @Test
  void aChecksMenuItemAndToggleButtonShowAndChangeTheOneSetting(FxRobot robot) {
    SimpleBooleanProperty snap = new SimpleBooleanProperty(true);
    UserAction a = UserAction.define("Snap", "Snap to Grid").toggles(snap);
    CheckMenuItem[] item = new CheckMenuItem[1];
    ToggleButton[] button = new ToggleButton[1];
    robot.interact(() -> {
      item[0] = (CheckMenuItem) ActionControls.menuItem("menu", a);
      button[0] = (ToggleButton) ActionControls.button(a);
    });
    assertTrue(item[0].isSelected() && button[0].isSelected());
    robot.interact(button[0]::fire);
    assertFalse(snap.get());
    assertFalse(item[0].isSelected(), "the menu shows what the button set");
    robot.interact(a::perform);
    assertTrue(item[0].isSelected() && button[0].isSelected(), "and both show what a key set");
  }
}
