package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.CanvasStyles;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.app.designer.look.Appearance;
import dev.patchbay.app.designer.look.ThemeChoice;
import dev.patchbay.app.designer.look.ThemeStyles;
import dev.patchbay.app.designer.look.ThemeViewModel;
import dev.patchbay.model.check.rules.StandardRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.effect.DropShadow;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** View > Theme and what it does to the window: sheets, canvas colours, selection, text sizes. */
@ExtendWith(ApplicationExtension.class)
class ThemeUiTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/theme-" + ProcessHandle.current().pid());
  /** What the stubbed desktop says: dark at start. */
  private final AtomicReference<Optional<Appearance>> desktop = new AtomicReference<>(Optional.of(Appearance.DARK));
  private DesignerWindow window;

  @Start
  void start(Stage stage) {
    ThemeViewModel theme = ThemeViewModel.remembered(prefs.node("theme"), desktop::get);
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs), theme);
    stage.show();
  }

  @AfterEach
  void lightAgainAndDropPrefs(FxRobot robot) throws Exception {
    robot.interact(() -> ThemeStyles.apply(window.scene(), Appearance.LIGHT)); // the sheet is application-wide
    prefs.removeNode();
  }

  @Test
  void systemFollowsTheDesktopAtStart(FxRobot robot) {
    assertEquals(ThemeChoice.SYSTEM, window.theme().choiceProperty().get(), "nothing chosen yet: follow the desktop");
    assertEquals(Appearance.DARK, window.theme().appearanceProperty().get());
    assertTrue(hasDarkSheet(), "the dark sheet is on the scene");
    assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
    assertTrue(luminance(canvasBackground()) < 0.2, "a dark canvas: " + canvasBackground());
  }

  @Test
  void choosingLightInTheViewMenuSwitchesSheetsCanvasAndIsRemembered(FxRobot robot) {
    RadioMenuItem light = (RadioMenuItem) menuItem("menuThemeLight");
    chooseInMenu(robot, "#menuThemeLight");
    assertEquals(Appearance.LIGHT, window.theme().appearanceProperty().get());
    assertFalse(hasDarkSheet(), "the dark sheet is off the scene");
    assertTrue(Application.getUserAgentStylesheet().contains("primer-light"), Application.getUserAgentStylesheet());
    assertTrue(luminance(canvasBackground()) > 0.9, "a light canvas: " + canvasBackground());
    assertTrue(light.isSelected());
    assertFalse(((RadioMenuItem) menuItem("menuThemeSystem")).isSelected(), "one choice at a time");
    assertEquals("LIGHT", prefs.node("theme").get("theme", null), "kept in the user's preferences");

    chooseInMenu(robot, "#menuThemeDark");
    assertTrue(hasDarkSheet());
    assertTrue(luminance(canvasBackground()) < 0.2, "dark again: " + canvasBackground());
  }

  @Test
  void choosingSystemReadsTheDesktopAgain(FxRobot robot) {
    chooseInMenu(robot, "#menuThemeLight");
    desktop.set(Optional.empty()); // a desktop that does not say: light
    chooseInMenu(robot, "#menuThemeSystem");
    assertEquals(Appearance.LIGHT, window.theme().appearanceProperty().get());
    chooseInMenu(robot, "#menuThemeDark");
    desktop.set(Optional.of(Appearance.DARK));
    chooseInMenu(robot, "#menuThemeSystem");
    assertEquals(Appearance.DARK, window.theme().appearanceProperty().get());
    assertTrue(hasDarkSheet());
  }

  @Test
  void aSelectedGuestAndWireStandApartFromUnselectedOnesInBothThemes(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("nat-bridge.json")));
    waitUntil(() -> window.canvas().node("guest1") != null && window.canvas().node("guest2") != null);
    String wire = window.document().topology().links().iterator().next().id();
    robot.interact(() -> {
      window.canvasViewModel().selection().select("guest1");
      window.canvasViewModel().selection().toggle(wire);
    });
    for (Appearance a : Appearance.values()) {
      robot.interact(() -> window.theme().choose(a == Appearance.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT));
      robot.interact(() -> window.scene().getRoot().applyCss());
      Shape selected = box("guest1");
      Shape other = box("guest2");
      assertTrue(selected.getPseudoClassStates().contains(CanvasStyles.SELECTED), "the selected box is marked");
      assertFalse(other.getPseudoClassStates().contains(CanvasStyles.SELECTED));
      Color mark = (Color) selected.getStroke();
      assertTrue(distance(mark, (Color) other.getStroke()) > 0.35,
          a + ": the selection's outline " + mark + " is far from a guest's " + other.getStroke());
      assertTrue(selected.getStrokeWidth() >= other.getStrokeWidth() + 1, a + ": and thicker");
      DropShadow glow = assertInstanceOf(DropShadow.class, selected.getEffect(), a + ": a glow around it");
      assertTrue(distance(opaque(glow.getColor()), mark) < 0.05, a + ": in the selection's colour: " + glow.getColor());
      Shape selectedWire = (Shape) window.canvas().link(wire).lookup(".wire");
      String another = window.document().topology().links().stream().map(l -> l.id()).filter(id -> !id.equals(wire))
          .findFirst().orElseThrow();
      Shape otherWire = (Shape) window.canvas().link(another).lookup(".wire");
      assertEquals(mark, selectedWire.getStroke(), a + ": a selected wire in the same colour");
      assertTrue(distance((Color) selectedWire.getStroke(), (Color) otherWire.getStroke()) > 0.35, a + ": unlike other wires");
    }
  }

  @Test
  void darkLeavesNoLightPanelBehindTheControls(FxRobot robot) throws Exception {
    robot.interact(() -> window.files().open(SAMPLES.resolve("nat-bridge.json")));
    waitUntil(() -> window.canvas().node("guest1") != null);
    robot.interact(() -> window.canvasViewModel().selection().select("guest1")); // the property sheet appears
    robot.interact(() -> window.scene().getRoot().applyCss());
    List<String> light = new ArrayList<>();
    walk(window.scene().getRoot(), n -> {
      if (n instanceof Region r && r.getBackground() != null) {
        for (BackgroundFill f : r.getBackground().getFills()) {
          if (f.getFill() instanceof Color c && c.getOpacity() > 0.5 && luminance(c) > 0.6
              && r.getWidth() * r.getHeight() > 2000) {
            light.add(r + " " + r.getStyleClass() + " " + c);
          }
        }
      }
    });
    assertEquals(List.of(), light);
    javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
    robot.interact(() -> shot[0] = window.scene().snapshot(null));
    Node palette = robot.lookup(".palette-scroll").query();
    javafx.geometry.Bounds b = palette.localToScene(palette.getBoundsInLocal());
    Color belowTheItems = shot[0].getPixelReader().getColor((int) b.getCenterX(), (int) (b.getMaxY() - 10));
    assertTrue(luminance(belowTheItems) < 0.2, "the window shows dark below the palette's items: " + belowTheItems);
  }

  /** View > Theme > the item, clicked as a person would. */
  private static void chooseInMenu(FxRobot robot, String item) {
    robot.clickOn("View");
    robot.clickOn("Theme");
    robot.clickOn(item);
  }

  private boolean hasDarkSheet() {
    return window.scene().getStylesheets().stream().anyMatch(s -> s.endsWith(ThemeStyles.DARK_SHEET.substring(1)));
  }

  private Color canvasBackground() {
    Background b = window.canvas().getBackground();
    return (Color) b.getFills().get(0).getFill();
  }

  private Shape box(String id) {
    return (Shape) window.canvas().node(id).lookup(".box");
  }

  private MenuItem menuItem(String id) {
    MenuBar bar = (MenuBar) window.scene().lookup("#menuBar");
    List<MenuItem> all = new ArrayList<>();
    bar.getMenus().forEach(m -> collect(m, all));
    return all.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow(() -> new AssertionError("no " + id));
  }

  private static void collect(Menu m, List<MenuItem> into) {
    for (MenuItem i : m.getItems()) {
      into.add(i);
      if (i instanceof Menu sub) {
        collect(sub, into);
      }
    }
  }

  static void walk(Node n, java.util.function.Consumer<Node> visit) {
    if (!n.isVisible()) {
      return;
    }
    visit.accept(n);
    if (n instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> walk(c, visit));
    }
  }

  private static Color opaque(Color c) {
    return Color.color(c.getRed(), c.getGreen(), c.getBlue());
  }

  private static double distance(Color a, Color b) {
    double dr = a.getRed() - b.getRed();
    double dg = a.getGreen() - b.getGreen();
    double db = a.getBlue() - b.getBlue();
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }

  private static double luminance(Color c) {
    return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
  }
}
