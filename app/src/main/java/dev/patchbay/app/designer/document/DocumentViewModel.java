package dev.patchbay.app.designer.document;

import dev.patchbay.model.edit.Command;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open document: its topology, undo history, file and saved state. Every edit goes through
 * {@link #push}; views listen to {@link #addChangeListener} and never to a topology directly, because
 * opening another file swaps the topology underneath them.
 */
public final class DocumentViewModel {
  private final List<Consumer<TopologyChange>> changeListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Topology>> replaceListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> editListeners = new CopyOnWriteArrayList<>();
  private final Consumer<TopologyChange> forwarder = c -> changeListeners.forEach(l -> l.accept(c));
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
  /** Opened from a sample (the gallery's, or a shipped file): saving goes to a new file. */
  private final ReadOnlyBooleanWrapper fromSample = new ReadOnlyBooleanWrapper();
  private CommandStack stack;
  private long savedRevision;

  public DocumentViewModel() {
    replace(new Topology(), null);
  }

  public Topology topology() {
    return stack.topology();
  }

  public CommandStack stack() {
    return stack;
  }

  /** Executes an edit as one undo step. */
  public void push(Command command) {
    stack.push(command);
  }

  public void undo() {
    if (stack.canUndo()) {
      stack.undo();
    }
  }

  public void redo() {
    if (stack.canRedo()) {
      stack.redo();
    }
  }

  /** Starts an empty, unsaved design. */
  public void newDocument() {
    replace(new Topology(), null);
  }

  /** Opens a copy of a topology as a new unsaved document (an import). */
  public void newFrom(Topology template) {
    replace(template, null);
  }

  /** A sample from the gallery as a new unsaved document; saving it asks where (Save As). */
  public void newFromSample(Topology sample) {
    replace(sample, null);
    fromSample.set(true);
  }

  /** Loads the file; on failure the current document stays as it was and the loader's message is thrown. */
  public void open(Path path) throws TopologyFileException {
    Topology loaded = TopologyFiles.load(path);
    replace(loaded, path);
    fromSample.set(dev.patchbay.app.designer.gallery.SampleCatalog.isShipped(path));
  }

  /** Saves to the document's file; false when it has none yet (the caller asks where: Save As). */
  public boolean save() throws IOException {
    Path target = file.get();
    if (target == null) {
      return false;
    }
    saveAs(target);
    return true;
  }

  public void saveAs(Path path) throws IOException {
    TopologyFiles.save(topology(), path);
    file.set(path);
    fromSample.set(false);
    savedRevision = stack.revision();
    refresh();
  }

  private void replace(Topology topology, Path path) {
    if (stack != null) {
      stack.topology().removeListener(forwarder);
    }
    stack = new CommandStack(topology);
    fromSample.set(false);
    savedRevision = stack.revision();
    file.set(path);
    topology.addListener(forwarder);
    stack.addListener(this::refresh);
    refresh();
    replaceListeners.forEach(l -> l.accept(topology));
  }

  private void refresh() {
    dirty.set(stack.revision() != savedRevision);
    canUndo.set(stack.canUndo());
    canRedo.set(stack.canRedo());
    undoLabel.set(stack.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
    redoLabel.set(stack.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
    title.set((dirty.get() ? "*" : "") + documentName() + " - Patchbay");
    editListeners.forEach(Runnable::run);
  }

  /** The file's name, or the design's name for a document never saved. */
  public String documentName() {
    Path p = file.get();
    return p != null ? p.getFileName().toString() : topology().name();
  }

  public void addChangeListener(Consumer<TopologyChange> listener) {
    changeListeners.add(listener);
  }

  /**
   * Called once after each whole command (push, undo, redo) and after saving: a command of 500
   * moves fires 500 changes but one edit, so costly listeners re-check once per gesture.
   */
  public void addEditListener(Runnable listener) {
    editListeners.add(listener);
  }

  /** Called after a new document replaced the old one: views rebuild from scratch. */
  public void addReplaceListener(Consumer<Topology> listener) {
    replaceListeners.add(listener);
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file.get());
  }

  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  public boolean isDirty() {
    return dirty.get();
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /**
   * True while the document is a sample as shipped (from the gallery, or a file with a packaged
   * sample's name and bytes) until it is saved elsewhere: Save and the unsaved-changes question
   * then mean Save As, and the sample stays as it was.
   */
  public boolean isFromSample() {
    return fromSample.get();
  }

  public ReadOnlyBooleanProperty fromSampleProperty() {
    return fromSample.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty undoLabelProperty() {
    return undoLabel.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoLabelProperty() {
    return redoLabel.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }
}
