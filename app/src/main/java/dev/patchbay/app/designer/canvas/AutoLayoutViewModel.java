package dev.patchbay.app.designer.canvas;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.edit.CompoundCommand;
import dev.patchbay.model.edit.MoveCommand;
import dev.patchbay.model.importer.AutoLayout;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Arrange > Auto Layout: every element laid out by the model's {@link AutoLayout}, as one undo
 * step. The topology is read on the FX thread, the layout (a second or more for thousands of
 * elements) runs on {@code background}, and the moves land through {@code fx}; an edit made in the
 * meantime wins, and the layout is dropped with a word in the status bar.
 */
public final class AutoLayoutViewModel {
  /** What the undo menu says. */
  public static final String DESCRIPTION = "Auto layout";
  private static final Logger LOG = Logger.getLogger(AutoLayoutViewModel.class.getName());
  private final DocumentViewModel document;
  private final Executor background;
  private final Executor fx;
  private final Consumer<String> status;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private Runnable laidOut = () -> { };

  public AutoLayoutViewModel(DocumentViewModel document, Executor background, Executor fx, Consumer<String> status) {
    this.document = document;
    this.background = background;
    this.fx = fx;
    this.status = status;
  }

  /** True while a layout is being computed: the action waits for it rather than starting another. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /**
   * Runs after a layout landed (the canvas fits the design to the window: everything moved, and
   * the 2,000 elements of a large design were spread far outside the view they were in).
   */
  public void setOnLaidOut(Runnable then) {
    laidOut = then;
  }

  public void layOut() {
    Topology t = document.topology();
    if (running.get() || t.elements().isEmpty()) {
      return;
    }
    long revision = document.stack().revision();
    Supplier<Map<String, Point>> layout = AutoLayout.arranged(t);
    running.set(true);
    status.accept("Laying out " + t.elements().size() + " elements...");
    background.execute(() -> {
      try {
        Map<String, Point> to = layout.get();
        fx.execute(() -> land(t, revision, to));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "automatic layout failed", e);
        fx.execute(() -> {
          running.set(false);
          status.accept("Auto layout failed; the design is unchanged");
        });
      }
    });
  }

  private void land(Topology t, long revision, Map<String, Point> to) {
    running.set(false);
    if (document.topology() != t || document.stack().revision() != revision) {
      status.accept("Auto layout dropped: the design changed while it was laid out; choose it again");
      return;
    }
    Map<String, Point> from = new LinkedHashMap<>();
    to.keySet().forEach(id -> from.put(id, Positions.of(t, id)));
    if (from.equals(to)) {
      status.accept("Already laid out");
      return;
    }
    document.push(new CompoundCommand(DESCRIPTION, List.of(new MoveCommand(from, to, false))));
    status.accept("Laid out " + to.size() + " elements");
    laidOut.run();
  }
}
