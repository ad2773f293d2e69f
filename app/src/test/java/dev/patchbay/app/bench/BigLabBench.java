package dev.patchbay.app.bench;

import static dev.patchbay.app.bench.CanvasBench.frames;
import static dev.patchbay.app.bench.CanvasBench.onFx;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.NodeView;
import dev.patchbay.app.designer.find.FindViewModel;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;

/**
 * Edit > Find in the 2,000-node window: a guest's address typed and Enter, timed as the frame it
 * happens in (finding, selecting, centring the view, and painting it), at 100% and where Fit puts the
 * whole design. Each find is checked: the guest selected and in the middle of the view.
 */
final class BigLabBench {
  private static final int RUNS = 21;

  private BigLabBench() {}

  static List<Row> find(DesignerWindow window) throws Exception {
    List<Guest> guests = window.document().topology().elements().stream().filter(e -> e instanceof Guest)
        .map(Guest.class::cast).toList();
    List<Guest> targets = new ArrayList<>();
    for (int i = 0; i < RUNS + 5; i++) {
      targets.add(guests.get((i * 97) % guests.size()));
    }
    double zoom = window.canvas().zoomFactor();
    double[] full = finds(window, targets);
    onFx(window.canvas()::fitToWindow);
    frames(i -> { }, 10);
    double fit = window.canvas().zoomFactor();
    double[] whole = finds(window, targets);
    return List.of(
        Row.of("Find (an address, Enter) to the centred selection, " + guests.size() + " guests, at "
            + Math.round(zoom * 100) + "%", full, "ms", 100, "one frame: the search of every element's name, "
            + "addresses and MACs, selecting the guest, centring the view and painting it; after 5 warm-up finds"),
        Row.of("the same where Fit shows the whole design (" + String.format(java.util.Locale.ROOT, "%.1f", fit * 100)
            + "%, an overview)", whole, "ms", 100, "as above"));
  }

  /** Each target found by its first NIC's address in one frame; the first 5 are warm-ups. */
  private static double[] finds(DesignerWindow window, List<Guest> targets) throws Exception {
    FindViewModel find = window.find();
    double[] ms = new double[targets.size() - 5];
    for (int r = 0; r < targets.size(); r++) {
      Guest g = targets.get(r);
      String address = g.nics().get(0).ip().address().split("/")[0];
      double t = frames(i -> {
        find.queryProperty().set(address);
        find.next();
      }, 1)[0];
      check(window, g);
      if (r >= 5) {
        ms[r - 5] = t;
      }
    }
    return ms;
  }

  private static void check(DesignerWindow window, Element found) {
    CanvasView canvas = window.canvas();
    NodeView n = canvas.node(found.id());
    Bounds view = canvas.viewArea();
    double dx = view.getCenterX() - (n.getLayoutX() + n.getPrefWidth() / 2);
    double dy = view.getCenterY() - (n.getLayoutY() + n.getPrefHeight() / 2);
    if (!window.canvasViewModel().selection().ids().equals(Set.of(found.id())) || Math.hypot(dx, dy) > 2) {
      throw new IllegalStateException("Find did not select and centre " + found.id());
    }
  }
}
