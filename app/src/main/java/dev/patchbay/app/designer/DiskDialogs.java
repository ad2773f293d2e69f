package dev.patchbay.app.designer;

import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.disk.DiskImagesViewModel;
import dev.patchbay.model.topology.Guest;
import java.io.File;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Relink: which guest (the selection), which file (a chooser), and what came of it (status bar or a dialog). */
final class DiskDialogs {
  private final CanvasViewModel canvas;
  private final DiskImagesViewModel disks;
  private final Window owner;

  DiskDialogs(CanvasViewModel canvas, DiskImagesViewModel disks, Window owner) {
    this.canvas = canvas;
    this.disks = disks;
    this.owner = owner;
  }

  /** True while exactly one guest is selected. */
  ObservableBooleanValue oneGuestSelected() {
    return Bindings.createBooleanBinding(() -> selectedGuest().isPresent(), canvas.selection().ids());
  }

  private Optional<Guest> selectedGuest() {
    var ids = canvas.selection().ids();
    if (ids.size() != 1) {
      return Optional.empty();
    }
    return canvas.document().topology().element(ids.iterator().next())
        .filter(Guest.class::isInstance).map(Guest.class::cast);
  }

  /** Edit > Relink Disk Image...: choose the image; the hash is checked, other missing images in that folder follow. */
  void relink() {
    Optional<Guest> guest = selectedGuest();
    if (guest.isEmpty()) {
      return;
    }
    FileChooser c = new FileChooser();
    c.setTitle("Disk image for " + guest.get().name());
    c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Disk images", "*.img", "*.qcow2", "*.raw",
        "*.vmdk", "*.vdi", "*.iso"), new FileChooser.ExtensionFilter("All files", "*"));
    disks.images().topologyFolder().map(java.nio.file.Path::toFile).filter(File::isDirectory)
        .ifPresent(c::setInitialDirectory);
    File f = c.showOpenDialog(owner);
    if (f != null) {
      relinkTo(guest.get(), f);
    }
  }

  /** Hashing a large image takes seconds: it runs off the FX thread, the edit itself on it. */
  private void relinkTo(Guest guest, File f) {
    canvas.statusProperty().set("Checking " + f.getName() + "...");
    java.util.concurrent.CompletableFuture.supplyAsync(() -> disks.prepare(guest.id(), f.toPath()))
        .whenComplete((p, e) -> javafx.application.Platform.runLater(() -> show(e == null ? disks.apply(p)
            : new DiskImagesViewModel.Outcome(false, "Cannot check " + f + ": " + e.getMessage()))));
  }

  private void show(DiskImagesViewModel.Outcome o) {
    canvas.statusProperty().set(o.message());
    if (!o.done()) {
      Alert a = new Alert(Alert.AlertType.WARNING, o.message(), ButtonType.OK);
      a.initOwner(owner);
      a.setHeaderText("Not the image the bundle was packed with");
      a.getDialogPane().setId("relinkRefused");
      a.show();
    }
  }
}
