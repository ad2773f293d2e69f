package dev.patchbay.app.designer;

import dev.patchbay.app.designer.lab.ApplyPlan;
import dev.patchbay.app.designer.lab.LabViewModel;
import dev.patchbay.backends.apply.TargetSpec;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import dev.patchbay.app.designer.lab.LabViewModel.State;
import dev.patchbay.backends.apply.LabName;
import dev.patchbay.model.check.Validator;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.text.Font;

/**
 * The Lab menu: apply the design in a private sandbox or (opted into, with a warning) to this host,
 * after showing the plan; tear it down.
 */
final class LabMenu {
  private LabMenu() {}

  static Menu build(DesignerWindow w) {
    LabViewModel lab = w.lab();
    MenuItem apply = new MenuItem("Apply in Sandbox...");
    apply.setId("menuApply");
    apply.setOnAction(e -> confirmAndApply(w, TargetSpec.sandbox()));
    MenuItem applyHost = new MenuItem("Apply to This Host...");
    applyHost.setId("menuApplyHost");
    applyHost.setOnAction(e -> confirmAndApply(w, TargetSpec.host()));
    for (MenuItem i : new MenuItem[] {apply, applyHost}) {
      i.disableProperty().bind(Bindings.createBooleanBinding(
          () -> lab.stateProperty().get() != State.DESIGN, lab.stateProperty()));
    }
    MenuItem down = new MenuItem("Tear Down");
    down.setId("menuTearDown");
    down.setOnAction(e -> lab.tearDown());
    down.disableProperty().bind(Bindings.createBooleanBinding(
        () -> lab.stateProperty().get() != State.LIVE, lab.stateProperty()));
    MenuItem cut = new MenuItem("Cut Selected Link");
    cut.setId("menuCutLink");
    cut.setOnAction(e -> selectedLinks(w).forEach(id -> lab.setLink(id, false)));
    MenuItem restore = new MenuItem("Restore Selected Link");
    restore.setId("menuRestoreLink");
    restore.setOnAction(e -> selectedLinks(w).forEach(id -> lab.setLink(id, true)));
    for (MenuItem i : new MenuItem[] {cut, restore}) {
      i.disableProperty().bind(Bindings.createBooleanBinding(
          () -> lab.stateProperty().get() != State.LIVE, lab.stateProperty()));
    }
    MenuItem console = new MenuItem("Show Console of Selected Guest");
    console.setId("menuConsole");
    console.setOnAction(e -> showConsole(w));
    console.disableProperty().bind(Bindings.createBooleanBinding(
        () -> lab.stateProperty().get() != State.LIVE, lab.stateProperty()));
    MenuItem verify = new MenuItem("Verify Reachability with Real Packets");
    verify.setId("menuVerify");
    verify.setOnAction(e -> lab.verify(w.document().topology(), verifyLabName(w), w.reachability()::showVerification));
    verify.disableProperty().bind(Bindings.createBooleanBinding(
        () -> lab.stateProperty().get() != State.DESIGN, lab.stateProperty()));
    Menu refresh = new Menu("Counter Refresh");
    javafx.scene.control.ToggleGroup rates = new javafx.scene.control.ToggleGroup();
    for (int hz : new int[] {1, 2, 5, 10}) {
      javafx.scene.control.RadioMenuItem r = new javafx.scene.control.RadioMenuItem(hz + " per second");
      r.setId("menuRefresh" + hz);
      r.setToggleGroup(rates);
      r.setSelected(hz == lab.refreshHzProperty().get());
      r.setOnAction(e -> lab.setRefreshHz(hz));
      refresh.getItems().add(r);
    }
    return new Menu("Lab", null, apply, applyHost, down, new javafx.scene.control.SeparatorMenuItem(), cut, restore, console,
        new javafx.scene.control.SeparatorMenuItem(), verify, refresh);
  }

  /** Verify runs as its own throwaway lab, so it never touches a lab the user applied. */
  static String verifyLabName(DesignerWindow w) {
    String base = LabName.fromFileName(w.document().documentName());
    return (base.length() > LabName.MAX - 7 ? base.substring(0, LabName.MAX - 7).replaceAll("-+$", "") : base) + "-verify";
  }

  /** The selected guest's serial console, refreshed while the window is open. */
  private static void showConsole(DesignerWindow w) {
    var t = w.document().topology();
    var guest = w.canvasViewModel().selection().ids().stream().map(t::element).flatMap(java.util.Optional::stream)
        .filter(e -> e instanceof dev.patchbay.model.topology.Guest).findFirst();
    if (guest.isEmpty()) {
      new Alert(Alert.AlertType.INFORMATION, "Select a guest on the canvas first.").showAndWait();
      return;
    }
    TextArea text = new TextArea();
    text.setId("consoleText");
    text.setEditable(false);
    text.setFont(Font.font("Monospaced", 12));
    text.setPrefSize(760, 460);
    javafx.stage.Stage stage = new javafx.stage.Stage();
    stage.initOwner(w.scene().getWindow());
    stage.setTitle("Console of " + guest.get().name());
    stage.setScene(new javafx.scene.Scene(text));
    javafx.animation.Timeline refresh = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
        javafx.util.Duration.seconds(1), e -> w.lab().console(guest.get().name(), s -> {
          text.setText(s);
          text.positionCaret(s.length());
        })));
    refresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
    stage.setOnHidden(e -> refresh.stop());
    w.lab().console(guest.get().name(), text::setText);
    refresh.play();
    stage.show();
  }

  /** The links among the selection (QMP set_link acts on the NIC or netdev that carries each). */
  private static java.util.List<String> selectedLinks(DesignerWindow w) {
    var t = w.document().topology();
    return w.canvasViewModel().selection().ids().stream().filter(id -> t.link(id).isPresent()).toList();
  }

  /** Shows every step the target will get, like `patchbay plan` (and for the host a warning); applies only on OK. */
  private static void confirmAndApply(DesignerWindow w, TargetSpec where) {
    var t = w.document().topology();
    if (Validator.hasErrors(Validator.standard().check(t))) {
      new Alert(Alert.AlertType.WARNING, "The design has errors (see Problems); fix them before applying.")
          .showAndWait();
      return;
    }
    ApplyPlan shown = ApplyPlan.of(t, where, LabName.fromFileName(w.document().documentName()));
    TextArea plan = new TextArea(shown.planText());
    plan.setId("applyPlanText");
    plan.setEditable(false);
    plan.setFont(Font.font("Monospaced", 12));
    plan.setPrefSize(760, 420);
    boolean host = shown.warning() != null;
    ButtonType go = new ButtonType(host ? "Apply to This Host" : "Apply", ButtonBar.ButtonData.OK_DONE);
    Alert ask = new Alert(host ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
    ask.initOwner(w.scene().getWindow());
    ask.setTitle(shown.title());
    ask.setHeaderText(shown.header());
    if (host) {
      // The risky choice is never the default: Enter cancels.
      ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(go)).setDefaultButton(false);
      ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
      Label warning = new Label(shown.warning());
      warning.setId("applyHostWarning");
      warning.setWrapText(true);
      warning.setMaxWidth(760);
      warning.getStyleClass().add("severity-warning");
      ask.getDialogPane().setContent(new VBox(8, warning, plan));
    } else {
      ask.getDialogPane().setContent(plan);
    }
    if (ask.showAndWait().filter(go::equals).isPresent()) {
      w.lab().apply(t, LabName.fromFileName(w.document().documentName()), where, shown.confirmSeconds());
    }
  }
}
