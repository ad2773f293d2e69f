package dev.patchbay.app.designer.lab;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Lab > Tear Down: names the lab and what goes before anything is removed (guests stop, and what
 * they hold in memory is lost). Cancel is the default: Enter keeps the lab running.
 */
public final class TearDownDialog {
  private TearDownDialog() {}

  /** Asks, and tears the lab down on Tear Down; nothing happens on Cancel or when no lab is live. */
  public static void confirmAndTearDown(Window owner, LabViewModel lab) {
    lab.tearDownQuestion().ifPresent(q -> {
      if (ask(owner, q)) {
        lab.tearDown();
      }
    });
  }

  private static boolean ask(Window owner, TearDownQuestion q) {
    ButtonType go = new ButtonType("Tear Down", ButtonBar.ButtonData.OK_DONE);
    Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
    ask.initOwner(owner);
    ask.setTitle("Tear Down");
    ask.setHeaderText(q.title());
    TextArea text = new TextArea(q.text());
    text.setId("tearDownText");
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefSize(620, 220);
    ask.getDialogPane().setContent(text);
    ask.getDialogPane().setId("tearDownDialog");
    ((Button) ask.getDialogPane().lookupButton(go)).setDefaultButton(false);
    ((Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    return ask.showAndWait().filter(go::equals).isPresent();
  }
}
