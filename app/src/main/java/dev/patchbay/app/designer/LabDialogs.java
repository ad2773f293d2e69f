package dev.patchbay.app.designer;

import dev.patchbay.model.text.Counted;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.lab.ApplyPlan;
import dev.patchbay.app.designer.lab.LabViewModel;
import dev.patchbay.app.designer.reach.ReachabilityViewModel;
import dev.patchbay.model.net.LabName;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.check.rules.StandardRules;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Window;

/**
 * What the Lab actions show before they act: the plan before an apply (and for this host a
 * warning), a guest's console; and which of the selection they act on.
 */
final class LabDialogs {
  private final DocumentViewModel document;
  private final CanvasViewModel canvas;
  private final LabViewModel lab;
  private final ReachabilityViewModel reach;
  private final Window owner;
  private final dev.patchbay.app.designer.disk.DiskImagesViewModel disks;
  private final dev.patchbay.app.designer.console.ConsoleWindow consoles;

  LabDialogs(DocumentViewModel document, CanvasViewModel canvas, LabViewModel lab, ReachabilityViewModel reach,
      Window owner, dev.patchbay.app.designer.disk.DiskImagesViewModel disks) {
    this.disks = disks;
    this.document = document;
    this.canvas = canvas;
    this.lab = lab;
    this.reach = reach;
    this.owner = owner;
    this.consoles = new dev.patchbay.app.designer.console.ConsoleWindow(owner, lab::openConsole,
        javafx.application.Platform::runLater);
  }

  /** Sets every link among the selection up or down (QMP set_link acts on the NIC or netdev that carries each). */
  void setSelectedLinks(boolean up) {
    var t = document.topology();
    canvas.selection().ids().stream().filter(id -> t.link(id).isPresent()).toList()
        .forEach(id -> lab.setLink(id, up));
  }

  /**
   * Verify runs as its own throwaway lab, so it never touches a lab the user applied. A design with
   * errors or warnings is verified only when the user goes ahead past them: then what can be
   * applied is, and the packets show what the findings mean.
   */
  void verify() {
    String base = LabName.fromFileName(document.documentName());
    String name = (base.length() > LabName.MAX - 7 ? base.substring(0, LabName.MAX - 7).replaceAll("-+$", "") : base)
        + "-verify";
    var t = document.topology();
    var findings = dev.patchbay.app.designer.lab.VerifyFindings.of(t);
    if (findings.isEmpty()) {
      lab.verify(t, name, reach::showVerification);
    } else if (askToVerifyAnyway(findings)) {
      lab.verify(t, name, true, reach::showVerification);
    }
  }

  private boolean askToVerifyAnyway(java.util.List<String> findings) {
    ButtonType go = new ButtonType("Verify Anyway", ButtonBar.ButtonData.OK_DONE);
    Alert ask = new Alert(Alert.AlertType.WARNING, "", go, ButtonType.CANCEL);
    ask.initOwner(owner);
    ask.setTitle("Verify with Real Packets");
    ask.setHeaderText("The design has " + Counted.of(findings.size(), "finding") + ". Verify anyway? What can be applied is,"
        + " and the report names what could not be.");
    TextArea list = new TextArea(String.join("\n", findings));
    list.setId("verifyFindings");
    list.setEditable(false);
    list.setWrapText(true);
    list.setPrefSize(680, 240);
    ask.getDialogPane().setContent(list);
    return ask.showAndWait().filter(go::equals).isPresent();
  }

  /** The selected guest's serial console, in the console window's tab of that guest, for typing. */
  void showConsole() {
    selectedGuest().ifPresent(g -> consoles.show(g.name()));
  }

  /** The first selected guest, or empty after saying that one must be selected. */
  private java.util.Optional<dev.patchbay.model.topology.Guest> selectedGuest() {
    var t = document.topology();
    var guest = canvas.selection().ids().stream().map(t::element).flatMap(java.util.Optional::stream)
        .filter(e -> e instanceof dev.patchbay.model.topology.Guest)
        .map(e -> (dev.patchbay.model.topology.Guest) e).findFirst();
    if (guest.isEmpty()) {
      new Alert(Alert.AlertType.INFORMATION, "Select a guest on the canvas first.").showAndWait();
    }
    return guest;
  }

  /** The selected guest's screen in the desktop's VNC viewer, or why not (no display, no viewer). */
  void showDisplay() {
    var guest = selectedGuest();
    if (guest.isEmpty()) {
      return;
    }
    String name = guest.get().name();
    Thread ask = new Thread(() -> {
      String said;
      try {
        java.nio.file.Path socket = java.nio.file.Path.of(lab.displaySocket(name));
        var command = dev.patchbay.app.designer.console.DisplayViewer.command(socket,
            dev.patchbay.app.designer.console.DisplayViewer::installed);
        if (command.isPresent()) {
          new ProcessBuilder(command.get()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
          return;
        }
        said = dev.patchbay.app.designer.console.DisplayViewer.missing(socket);
      } catch (dev.patchbay.backends.lab.LabException | java.io.IOException e) {
        said = "No display for " + name + ": " + e.getMessage();
      }
      String shown = said;
      javafx.application.Platform.runLater(() -> {
        Alert a = new Alert(Alert.AlertType.INFORMATION, shown);
        a.initOwner(owner);
        a.setHeaderText("Display of " + name);
        a.show();
      });
    }, "patchbay-display");
    ask.setDaemon(true);
    ask.start();
  }

  /** Asks first (the lab by name, what goes), then takes the running lab down. */
  void tearDown() {
    dev.patchbay.app.designer.lab.TearDownDialog.confirmAndTearDown(owner, lab);
  }

  /** Shows every step the target will get, like `patchbay plan` (and for the host a warning); applies only on OK. */
  void apply(TargetSpec where) {
    var t = document.topology();
    if (Validator.hasErrors(StandardRules.validator().check(t))) {
      new Alert(Alert.AlertType.WARNING, "The design has errors (see Problems); fix them before applying.")
          .showAndWait();
      return;
    }
    var missing = disks.missing();
    if (!missing.isEmpty() && !askToProbe(missing)) {
      return;
    }
    t = disks.forLaunch(missing);
    String labName = LabName.fromFileName(document.documentName());
    ApplyPlan shown = ApplyPlan.of(t, where, labName);
    if (askToApply(shown)) {
      lab.apply(t, labName, where, shown.confirmSeconds());
    }
  }

  /** Like up without --probe-missing it refuses, unless the user has the probe guest boot instead. */
  private boolean askToProbe(java.util.List<dev.patchbay.model.disk.MissingImages.Missing> missing) {
    ButtonType probe = new ButtonType("Boot Probe Guest Instead", ButtonBar.ButtonData.OTHER);
    Alert ask = new Alert(Alert.AlertType.WARNING, String.join("\n", missing.stream()
        .map(dev.patchbay.model.disk.MissingImages.Missing::describe).toList())
        + "\n\nRelink the image (Edit > Relink Disk Image...), or boot Patchbay's probe guest in its place.",
        probe, ButtonType.CANCEL);
    ask.initOwner(owner);
    ask.setHeaderText("Not applied: a disk image is missing");
    ask.getDialogPane().setId("missingImages");
    // Booting something else than drawn is never the default: Enter cancels.
    ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(probe)).setDefaultButton(false);
    ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    return ask.showAndWait().filter(probe::equals).isPresent();
  }

  private boolean askToApply(ApplyPlan shown) {
    TextArea plan = new TextArea(shown.planText());
    plan.setId("applyPlanText");
    plan.setEditable(false);
    plan.setFont(Font.font("Monospaced", 12));
    plan.setPrefSize(760, 420);
    boolean host = shown.warning() != null;
    ButtonType go = new ButtonType(host ? "Apply to This Host" : "Apply", ButtonBar.ButtonData.OK_DONE);
    Alert ask = new Alert(host ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
    ask.initOwner(owner);
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
    return ask.showAndWait().filter(go::equals).isPresent();
  }
}
