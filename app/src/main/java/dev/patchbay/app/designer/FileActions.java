package dev.patchbay.app.designer;

import dev.patchbay.model.text.Counted;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.document.ImportViewModel;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.app.designer.export.PngExport;
import dev.patchbay.app.designer.gallery.SampleCatalog;
import dev.patchbay.app.designer.gallery.SampleGalleryDialog;
import dev.patchbay.app.designer.textio.TextDialogs;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.Importers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File menu work: choosers, dialogs and the unsaved-changes question around the document model. */
public final class FileActions {
  private static final Logger LOG = Logger.getLogger(FileActions.class.getName());
  private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
  private static final ButtonType SAVE_AS = new ButtonType("Save As...", ButtonBar.ButtonData.YES);
  private static final ButtonType DISCARD = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
  private final DocumentViewModel document;
  private final RecentFiles recent;
  private final Window owner;
  private final Runnable recentChanged;
  private java.util.function.Consumer<String> status = s -> { };
  private final ImportViewModel importer = new ImportViewModel(
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "patchbay-import");
        t.setDaemon(true);
        return t;
      }), javafx.application.Platform::runLater);

  public FileActions(DocumentViewModel document, RecentFiles recent, Window owner, Runnable recentChanged) {
    this.document = document;
    this.recent = recent;
    this.owner = owner;
    this.recentChanged = recentChanged;
  }

  /** Reads dropped and chosen files off the FX thread and decides between opening and importing. */
  public ImportViewModel importer() {
    return importer;
  }

  /** Where "Opened ..." and "Saved ..." go (the status bar). */
  public void setStatus(java.util.function.Consumer<String> sink) {
    status = sink;
  }

  public void newDocument() {
    if (!confirmDiscard()) {
      return;
    }
    Optional<SampleCatalog.Sample> choice = new SampleGalleryDialog(owner, SampleCatalog.all()).choose();
    choice.ifPresent(s -> {
      if (s == SampleGalleryDialog.EMPTY) {
        document.newDocument();
        return;
      }
      try {
        document.newFromSample(s.load());
      } catch (TopologyFileException e) {
        error("Cannot open sample " + s.fileName(), e.getMessage());
      }
    });
  }

  /** Opens an imported topology as a new, unsaved design (after asking about unsaved changes). */
  public void openImported(dev.patchbay.model.topology.Topology imported) {
    if (confirmDiscard()) {
      document.newFrom(imported);
      status.accept("Imported " + Counted.of(imported.elements().size(), "element") + "; save to keep them");
    }
  }

  /** File > Import > From another tool: one filter per format Patchbay imports, and all files. */
  public void importFromOtherTool() {
    FileChooser c = new FileChooser();
    c.setTitle("Import from another tool");
    for (Importer i : Importers.all()) {
      c.getExtensionFilters().add(new FileChooser.ExtensionFilter(i.title(), i.extensions()));
    }
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
    List<File> chosen = c.showOpenMultipleDialog(owner);
    if (chosen != null && !chosen.isEmpty()) {
      importer.importFiles(chosen.stream().map(File::toPath).toList(), this::show);
    }
  }

  /** Files dropped on the window: a Patchbay design opens, another tool's files are imported. */
  public void openDropped(List<Path> dropped) {
    importer.route(dropped, this::show);
  }

  private void show(ImportViewModel.Outcome outcome) {
    if (outcome instanceof ImportViewModel.Outcome.Open o) {
      openRecent(o.file());
    } else if (outcome instanceof ImportViewModel.Outcome.Bundle b && confirmDiscard()) {
      unpackInto(b.zip().toFile());
    } else if (outcome instanceof ImportViewModel.Outcome.Failed f) {
      error(f.header(), f.message());
    } else if (outcome instanceof ImportViewModel.Outcome.Done d && confirmDiscard()) {
      document.newFrom(d.imported().topology());
      status.accept(ImportViewModel.summary(d));
      ImportViewModel.report(d.imported()).ifPresent(r -> info("importReport", "Imported from the " + d.from(), r));
    }
  }

  /** File > Import > QEMU command lines. */
  public void importQemu() {
    TextDialogs.importQemu(owner, this::openImported);
  }

  /** File > Import > From this host or a network namespace. */
  public void importHost() {
    TextDialogs.importHost(owner, this::openImported);
  }

  /** File > Export > Diagram as text: a preview that follows the design. */
  public void exportAscii() {
    TextDialogs.asciiPreview(owner, document::topology, document.documentName());
  }

  public void chooseAndOpen() {
    if (!confirmDiscard()) {
      return;
    }
    File f = chooser("Open design").showOpenDialog(owner);
    if (f != null) {
      open(f.toPath());
    }
  }

  /**
   * File > Open Bundle...: a bundle, then the folder to unpack it into (kept files are only
   * overwritten after asking), then the topology opens; the status bar says how the images fared.
   */
  public void openBundle() {
    if (!confirmDiscard()) {
      return;
    }
    FileChooser c = new FileChooser();
    c.setTitle("Open bundle");
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Patchbay bundle", "*.zip"));
    File zip = c.showOpenDialog(owner);
    if (zip != null) {
      unpackInto(zip);
    }
  }

  /** Asks for the folder to unpack the bundle into, then unpacks and opens it. */
  private void unpackInto(File zip) {
    javafx.stage.DirectoryChooser d = new javafx.stage.DirectoryChooser();
    d.setTitle("Unpack " + zip.getName() + " into");
    d.setInitialDirectory(zip.getAbsoluteFile().getParentFile());
    File dir = d.showDialog(owner);
    if (dir != null) {
      unpackAndOpen(zip.toPath(), dir.toPath(), false);
    }
  }

  /** Unpacks and opens the topology; asks before overwriting files the folder already has. */
  public boolean unpackAndOpen(Path zip, Path dir, boolean overwrite) {
    try {
      var u = new dev.patchbay.app.bundle.BundleUnpacker(dev.patchbay.app.bundle.BundleLimits.STANDARD)
          .unpack(zip, dir, overwrite);
      boolean opened = open(u.topology());
      if (opened) {
        status.accept("Unpacked " + zip.getFileName() + " into " + dir
            + (u.images().isEmpty() ? "" : ": " + String.join("; ", u.images())));
      }
      return opened;
    } catch (dev.patchbay.app.bundle.BundleException e) {
      if (e.wouldOverwrite() && !overwrite && askOverwrite(e.getMessage())) {
        return unpackAndOpen(zip, dir, true);
      }
      error("Cannot open bundle " + zip.getFileName(), e.getMessage());
      return false;
    }
  }

  private boolean askOverwrite(String why) {
    ButtonType overwrite = new ButtonType("Overwrite", ButtonBar.ButtonData.OK_DONE);
    Alert ask = new Alert(Alert.AlertType.CONFIRMATION, why, overwrite, ButtonType.CANCEL);
    ask.initOwner(owner);
    ask.setHeaderText("The folder already has files of this bundle");
    return ask.showAndWait().filter(overwrite::equals).isPresent();
  }

  /** A file from Open Recent (after asking about unsaved changes). */
  public void openRecent(Path path) {
    if (confirmDiscard()) {
      open(path);
    }
  }

  /** Opens a file; a broken one leaves the current document as it was and shows where it broke. */
  public boolean open(Path path) {
    try {
      document.open(path);
      recent.remember(path);
      recentChanged.run();
      status.accept("Opened " + path);
      TopologyFiles.newerFieldsWarning(document.topology())
          .ifPresent(w -> info("newerFieldsDialog", "Opened a file from a newer Patchbay", w));
      return true;
    } catch (TopologyFileException e) {
      error("Cannot open " + path.getFileName(), e.getMessage());
      return false;
    }
  }

  /** Saves to the document's file, or asks where when it has none yet or it is a shipped sample. */
  public boolean save() {
    Optional<Path> file = document.file();
    return file.isPresent() && !document.isFromSample() ? saveTo(file.get()) : saveAs();
  }

  public boolean saveAs() {
    File f = chooser("Save design").showSaveDialog(owner);
    return f != null && saveTo(f.toPath());
  }

  public boolean saveTo(Path path) {
    try {
      document.saveAs(path);
      recent.remember(path);
      recentChanged.run();
      status.accept("Saved " + path);
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "save failed", e);
      error("Cannot save " + path.getFileName(), e.getMessage());
      return false;
    }
  }

  public void exportPng() {
    FileChooser c = new FileChooser();
    c.setTitle("Export PNG");
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
    File f = c.showSaveDialog(owner);
    if (f != null) {
      try {
        PngExport.write(document.topology(), f.toPath());
      } catch (IOException e) {
        error("Cannot export " + f.getName(), e.getMessage());
      }
    }
  }

  /** File > Export > SVG image: the vector drawing, to a file the user picks. */
  public void exportSvg() {
    File f = exportChooser("Export SVG", "SVG image", "svg").showSaveDialog(owner);
    if (f != null) {
      exportSvgTo(dev.patchbay.app.designer.export.ExportFiles.withExtension(f.toPath(), "svg"));
    }
  }

  /** Writes the SVG; a failure (a folder that is gone, no permission) is shown, not just logged. */
  public boolean exportSvgTo(Path file) {
    try {
      dev.patchbay.app.designer.export.ExportFiles.writeSvg(document.topology(), file);
      status.accept("Exported " + file);
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "SVG export failed", e);
      error("Cannot export " + file.getFileName(), e.getMessage());
      return false;
    }
  }

  private FileChooser exportChooser(String title, String what, String extension) {
    FileChooser c = new FileChooser();
    c.setTitle(title);
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, "*." + extension));
    c.setInitialFileName(dev.patchbay.app.designer.export.ExportFiles.suggestedName(document.documentName(), extension));
    document.file().map(Path::toAbsolutePath).map(Path::getParent).map(Path::toFile).ifPresent(c::setInitialDirectory);
    return c;
  }

  /** Closes the window once unsaved changes are saved or discarded. */
  public void quit() {
    if (confirmDiscard()) {
      owner.hide();
    }
  }

  /** True when the document may be replaced: saved, discarded, or unchanged. */
  public boolean confirmDiscard() {
    if (!document.isDirty()) {
      return true;
    }
    // A sample stays as shipped: the changes go to a file of the user's, so the offer is Save As.
    boolean sample = document.isFromSample();
    Alert ask = new Alert(Alert.AlertType.CONFIRMATION, sample
        ? "This design was opened from the sample \"" + document.topology().name() + "\", which stays as it was."
            + " Save your changes to a file of your own?"
        : "Save changes to " + document.documentName() + "?", sample ? SAVE_AS : SAVE, DISCARD, ButtonType.CANCEL);
    ask.initOwner(owner);
    ask.setHeaderText("The design has unsaved changes");
    ask.getDialogPane().setId("unsavedDialog");
    Optional<ButtonType> answer = ask.showAndWait();
    if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
      return false;
    }
    return answer.get() == DISCARD || save();
  }

  private FileChooser chooser(String title) {
    FileChooser c = new FileChooser();
    c.setTitle(title);
    c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Patchbay design", "*.json"));
    document.file().map(Path::toAbsolutePath).map(Path::getParent).map(Path::toFile).ifPresent(c::setInitialDirectory);
    return c;
  }

  /** A report the user reads and closes; long lists scroll. */
  private void info(String id, String header, String text) {
    javafx.scene.control.TextArea body = new javafx.scene.control.TextArea(text);
    body.setEditable(false);
    body.setWrapText(true);
    // Lines wrap: count the rows the text takes at this width, not its lines.
    body.setPrefColumnCount(80);
    body.setPrefRowCount(Math.max(4, Math.min(16, text.lines().mapToInt(l -> 1 + l.length() / 80).sum())));
    Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
    a.initOwner(owner);
    a.setHeaderText(header);
    a.getDialogPane().setContent(body);
    a.getDialogPane().setId(id);
    a.setResizable(true);
    a.show();
  }

  private void error(String header, String message) {
    Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
    a.initOwner(owner);
    a.setHeaderText(header);
    a.getDialogPane().setId("errorDialog");
    a.show();
  }
}
