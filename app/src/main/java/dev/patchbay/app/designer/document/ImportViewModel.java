package dev.patchbay.app.designer.document;

import dev.patchbay.model.text.Counted;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.importer.FileImport;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.importer.Skipped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Files given to the designer (dropped on the window, or chosen in File > Import): read off the FX
 * thread under the file limits, then either a Patchbay design to open or another tool's files to
 * import. The one place that decides which; the view only shows the {@link Outcome}.
 */
public final class ImportViewModel {
  /** What became of the files. */
  public sealed interface Outcome {
    /** A Patchbay design: open it as File > Open does. */
    record Open(Path file) implements Outcome {}

    /** Imported: a new, unsaved design, with what was left out and assumed. */
    record Done(Imported imported, String from) implements Outcome {}

    /** A Patchbay bundle (patchbay pack): unpack it into a folder the user chooses, then open it. */
    record Bundle(Path zip) implements Outcome {}

    /** Nothing changed; {@code message} names the file and what is wrong. */
    record Failed(String header, String message) implements Outcome {}
  }

  private final Executor background;
  private final Executor fx;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  /** {@code background} reads and imports; {@code fx} hands the outcome back (Platform::runLater). */
  public ImportViewModel(Executor background, Executor fx) {
    this.background = background;
    this.fx = fx;
  }

  /** True while files are being read and imported. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Dropped files: a Patchbay design opens, anything an importer recognises is imported. */
  public void route(List<Path> files, Consumer<Outcome> then) {
    run(files, then, true);
  }

  /** Files chosen in File > Import > From another tool: imported by detection (a Patchbay design opens). */
  public void importFiles(List<Path> files, Consumer<Outcome> then) {
    run(files, then, false);
  }

  private void run(List<Path> files, Consumer<Outcome> then, boolean mayOpen) {
    if (files.isEmpty()) {
      return;
    }
    busy.set(true);
    background.execute(() -> {
      Outcome o = decide(files, mayOpen);
      fx.execute(() -> {
        busy.set(false);
        then.accept(o);
      });
    });
  }

  static Outcome decide(List<Path> files, boolean mayOpen) {
    String name = files.get(0).getFileName().toString();
    if (mayOpen && isBundle(files.get(0))) {
      return new Outcome.Bundle(files.get(0));
    }
    try {
      List<SourceFile> sources = FileImport.sources(files);
      SourceFile first = sources.get(0);
      Optional<Importer> format = Importers.detect(first);
      // A design chosen for import opens too; an unrecognised .json only when dropped, so the loader says where it breaks.
      if (FileImport.isPatchbayFile(first) || (mayOpen && format.isEmpty() && first.lowerName().endsWith(".json"))) {
        return new Outcome.Open(files.get(0));
      }
      if (format.isEmpty()) {
        return new Outcome.Failed("Cannot open " + name, first.name() + " is neither a Patchbay design nor a file"
            + " of a tool Patchbay imports (" + Importers.all().stream().map(Importer::title)
            .collect(Collectors.joining(", ")) + ").");
      }
      return new Outcome.Done(FileImport.importSources(sources, null), format.get().title());
    } catch (TopologyFileException | ImportException e) {
      return new Outcome.Failed("Cannot import " + name, e.getMessage());
    } catch (RuntimeException e) {
      // An importer's bug must not leave the designer waiting: say which file, keep the design.
      return new Outcome.Failed("Cannot import " + name, name + ": the importer failed (" + e + ")");
    }
  }

  /**
   * Whether the file is a zip holding a bundle manifest. Decided from the zip's directory before
   * anything is read whole: a bundle with its images can be far larger than an importer reads.
   */
  static boolean isBundle(Path file) {
    if (!java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      return zip.getEntry(dev.patchbay.model.disk.BundleManifest.FILE_NAME) != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** The report shown after an import: what was left out, then what was assumed; empty when neither. */
  public static Optional<String> report(Imported imported) {
    List<String> lines = new ArrayList<>();
    if (!imported.skipped().isEmpty()) {
      lines.add("Not imported (also in the note \"" + Importers.NOTE_ID + "\" and in Problems):");
      imported.skipped().stream().map(Skipped::line).forEach(l -> lines.add("  - " + l));
    }
    if (!imported.warnings().isEmpty()) {
      lines.add("Warnings:");
      imported.warnings().forEach(w -> lines.add("  - " + w));
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
  }

  /** One line for the status bar. */
  public static String summary(Outcome.Done done) {
    Imported i = done.imported();
    return "Imported " + Counted.of(i.topology().elements().size(), "element") + " from the " + done.from()
        + (i.skipped().isEmpty() ? "" : "; " + Counted.of(i.skipped().size(), "thing") + " not imported, see the note")
        + "; save to keep them";
  }
}
