package dev.patchbay.app.designer.ui;

import static dev.patchbay.app.designer.ui.UiWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.CanvasStyles;
import dev.patchbay.app.designer.canvas.NoteView;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Notes on the canvas of NAT behind a bridge: drawn, moved, edited, added and deleted, each one undo step. */
@ExtendWith(ApplicationExtension.class)
class CanvasNotesUiTest {
  private static final Path SAMPLE = Path.of(System.getProperty("patchbay.samples", "../samples"), "nat-bridge.json");
  private static final String NOT_IMPORTED =
      "Not imported from the GNS3 project (Patchbay cannot run these):\n- R1 (dynamips router)\n- serial link R1-R2";
  private final Preferences prefs = Preferences.userRoot().node("dev/patchbay/test/notes-" + ProcessHandle.current().pid());
  private DesignerWindow window;
  @TempDir
  Path dir;

  @Start
  void start(Stage stage) {
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(5), new RecentFiles(prefs));
    stage.show();
  }

  /** The sample with a note of the user's and the one an import leaves, saved and opened as a file. */
  @BeforeEach
  void open(FxRobot robot) throws Exception {
    Topology t = TopologyFiles.load(SAMPLE);
    t.putNote(new Note("n1", "uplink is the lab's only way out", 620, 160));
    t.putNote(new Note(Importers.NOTE_ID, NOT_IMPORTED, 300, -40));
    Path file = dir.resolve("with-notes.json");
    TopologyFiles.save(t, file);
    robot.interact(() -> window.files().open(file));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void dropPrefs() throws Exception {
    prefs.removeNode();
  }


  private Note note(String id) {
    return window.document().topology().note(id).orElseThrow();
  }

  @Test
  void aNoteIsDrawnAtItsPlaceWithItsText(FxRobot robot) {
    NoteView v = robot.lookup("#note-n1").queryAs(NoteView.class);
    assertEquals(620, v.getLayoutX());
    assertEquals(160, v.getLayoutY());
    assertEquals("uplink is the lab's only way out", v.shownText());
    assertTrue(v.getStyleClass().contains("note"));
    assertFalse(v.getStyleClass().contains("note-not-imported"));
    assertEquals(NoteView.WIDTH, v.getWidth(), 0.5, "a fixed width: long text wraps");
  }

  @Test
  void theImportsNoteIsAWarningWithItsFirstLineAsTitle(FxRobot robot) {
    NoteView v = robot.lookup("#note-not-imported").queryAs(NoteView.class);
    assertTrue(v.getStyleClass().contains("note-not-imported"));
    assertEquals("Not imported from the GNS3 project (Patchbay cannot run these):", v.titleText());
    assertEquals("- R1 (dynamips router)\n- serial link R1-R2", v.shownText());
    assertTrue(v.isVisible() && v.localToScreen(v.getLayoutBounds()) != null);
  }

  @Test
  void fittingTheWindowShowsTheNotesToo(FxRobot robot) {
    NoteView v = robot.lookup("#note-not-imported").queryAs(NoteView.class);
    javafx.geometry.Bounds shown = window.canvas().localToScreen(window.canvas().getLayoutBounds());
    javafx.geometry.Bounds note = v.localToScreen(v.getLayoutBounds());
    assertTrue(shown.contains(note.getMinX(), note.getMinY()), "the note above every element is in view: " + note + " in " + shown);
  }

  @Test
  void draggingANoteMovesItInOneUndoStep(FxRobot robot) throws Exception {
    Note before = note("n1");
    robot.drag("#note-n1").moveBy(0, 30).moveBy(0, 30).drop();
    waitUntil(() -> note("n1").y() != before.y());
    assertEquals(0, note("n1").y() % 20, "snapped to the grid");
    assertEquals(before.text(), note("n1").text());
    NoteView v = window.canvas().note("n1");
    assertEquals(note("n1").y(), v.getLayoutY(), "drawn where the model has it");
    assertEquals(0, v.getTranslateY(), "the drag's translation is dropped");
    robot.interact(window.document()::undo);
    assertEquals(before, note("n1"));
    assertEquals(before.y(), v.getLayoutY());
  }

  @Test
  void escapeDuringANoteDragPutsItBackAndRecordsNothing(FxRobot robot) throws Exception {
    Note before = note("n1");
    String undo = window.document().undoLabelProperty().get();
    NoteView v = window.canvas().note("n1");
    double startY = v.localToScene(0, 0).getY();
    robot.drag("#note-n1").moveBy(0, 60);
    double midDrag = v.localToScene(0, 0).getY() - startY;
    robot.push(KeyCode.ESCAPE);
    robot.release(javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(midDrag > 0, "the note followed the mouse while dragging");
    assertEquals(startY, v.localToScene(0, 0).getY(), 1e-9);
    assertEquals(before, note("n1"));
    assertEquals(undo, window.document().undoLabelProperty().get());
  }

  @Test
  void aMarqueeSelectsTheNotesItTouches(FxRobot robot) throws Exception {
    NoteView v = window.canvas().note("n1");
    Point2D from = v.localToScreen(-10, -10);
    Point2D to = v.localToScreen(30, 10);
    robot.drag(robot.point(from), javafx.scene.input.MouseButton.PRIMARY).dropTo(robot.point(to));
    waitUntil(() -> !window.canvasViewModel().selection().isEmpty());
    assertEquals(Set.of("n1"), window.canvasViewModel().selection().snapshot());
  }

  @Test
  void aNoteAndANodeDraggedTogetherMoveInOneUndoStep(FxRobot robot) throws Exception {
    Note noteBefore = note("n1");
    Point nodeBefore = window.document().topology().position("guest1").orElseThrow();
    robot.clickOn("#node-guest1");
    robot.press(KeyCode.SHIFT).clickOn("#note-n1").release(KeyCode.SHIFT);
    waitUntil(() -> window.canvasViewModel().selection().ids().size() == 2);
    robot.drag("#node-guest1").moveBy(40, 0).moveBy(40, 0).drop();
    waitUntil(() -> note("n1").x() != noteBefore.x());
    assertNotEquals(nodeBefore, window.document().topology().position("guest1").orElseThrow());
    assertEquals(note("n1").x() - noteBefore.x(),
        window.document().topology().position("guest1").orElseThrow().x() - nodeBefore.x(), 20.0);
    robot.interact(window.document()::undo);
    assertEquals(noteBefore, note("n1"));
    assertEquals(nodeBefore, window.document().topology().position("guest1").orElseThrow());
  }

  @Test
  void deleteRemovesTheSelectedNoteAndUndoBringsItBack(FxRobot robot) throws Exception {
    robot.clickOn("#note-not-imported");
    waitUntil(() -> window.canvasViewModel().selection().contains(Importers.NOTE_ID));
    assertTrue(window.canvas().note(Importers.NOTE_ID).getPseudoClassStates().contains(CanvasStyles.SELECTED));
    assertTrue(window.problemsViewModel().summaryProperty().get().contains("warning"),
        "the not-imported finding is listed: " + window.problemsViewModel().summaryProperty().get());
    robot.type(KeyCode.DELETE);
    waitUntil(() -> window.document().topology().note(Importers.NOTE_ID).isEmpty());
    assertNull(window.canvas().note(Importers.NOTE_ID));
    assertTrue(robot.lookup("#note-not-imported").tryQuery().isEmpty());
    assertTrue(window.document().topology().note("n1").isPresent(), "only the selected note goes");
    assertTrue(window.canvasViewModel().selection().isEmpty());
    robot.interact(window.document()::undo);
    assertEquals(NOT_IMPORTED, note(Importers.NOTE_ID).text());
    assertNotNull(robot.lookup("#note-not-imported").tryQuery().orElse(null));
  }

  @Test
  void aClickOnTheNotImportedFindingSelectsAndShowsTheNote(FxRobot robot) throws Exception {
    robot.interact(() -> window.canvas().setPanOffset(new Point2D(-3000, -3000)));
    robot.interact(() -> window.canvas().reveal(java.util.List.of(Importers.NOTE_ID)));
    assertEquals(Set.of(Importers.NOTE_ID), window.canvasViewModel().selection().snapshot());
    NoteView v = window.canvas().note(Importers.NOTE_ID);
    javafx.geometry.Bounds shown = window.canvas().localToScreen(window.canvas().getLayoutBounds());
    javafx.geometry.Bounds note = v.localToScreen(v.getLayoutBounds());
    assertTrue(shown.contains(note.getCenterX(), note.getCenterY()), note + " in " + shown);
  }

  @Test
  void addNoteMakesASelectedNoteInOneUndoStep(FxRobot robot) throws Exception {
    int before = window.document().topology().notes().size();
    robot.interact(() -> window.actions().get("AddNote").perform());
    assertEquals(before + 1, window.document().topology().notes().size());
    String id = window.canvasViewModel().selection().snapshot().iterator().next();
    assertNotNull(window.canvas().note(id), "drawn");
    assertTrue(window.actions().get("EditNote").enabledWhen().get(), "a lone selected note can be edited");
    robot.interact(window.document()::undo);
    assertEquals(before, window.document().topology().notes().size());
    assertNull(window.canvas().note(id));
  }

  @Test
  void doubleClickEditsTheTextInOneUndoStep(FxRobot robot) throws Exception {
    robot.doubleClickOn("#note-n1");
    waitUntil(() -> robot.lookup("#noteText").tryQuery().isPresent());
    TextArea area = robot.lookup("#noteText").queryAs(TextArea.class);
    assertEquals("uplink is the lab's only way out", area.getText());
    robot.interact(() -> area.setText("eth0 is the only way out"));
    javafx.scene.Parent up = area.getParent();
    while (!(up instanceof DialogPane)) {
      up = up.getParent();
    }
    DialogPane pane = (DialogPane) up;
    robot.clickOn(pane.lookupButton(ButtonType.OK));
    waitUntil(() -> note("n1").text().equals("eth0 is the only way out"));
    assertEquals("eth0 is the only way out", window.canvas().note("n1").shownText());
    robot.interact(window.document()::undo);
    assertEquals("uplink is the lab's only way out", note("n1").text());
    assertEquals("uplink is the lab's only way out", window.canvas().note("n1").shownText());
  }

  @Test
  void anOverviewDrawsNotesAsPlainBlocks(FxRobot robot) {
    robot.interact(() -> window.canvas().zoomBy(0.3 / window.canvas().zoomFactor(), new Point2D(300, 200)));
    WaitForAsyncUtils.waitForFxEvents();
    NoteView v = window.canvas().note("n1");
    assertTrue(v.getPseudoClassStates().contains(CanvasStyles.OVERVIEW));
    robot.interact(() -> window.canvas().zoomBy(1 / window.canvas().zoomFactor(), new Point2D(300, 200)));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(v.getPseudoClassStates().contains(CanvasStyles.OVERVIEW));
  }

  @Test
  void selectAllTakesNotesAndDeleteTakesThemWithTheElementsInOneStep(FxRobot robot) throws Exception {
    robot.interact(() -> window.canvasViewModel().selectAll());
    assertTrue(window.canvasViewModel().selection().snapshot().containsAll(Set.of("n1", Importers.NOTE_ID)));
    robot.interact(() -> window.canvasViewModel().deleteSelection());
    assertTrue(window.document().topology().notes().isEmpty());
    assertTrue(window.document().topology().elements().isEmpty());
    robot.interact(window.document()::undo);
    assertEquals(2, window.document().topology().notes().size());
    assertEquals(8, window.document().topology().elements().size());
  }
}
