package dev.patchbay.app.bench;

import dev.patchbay.app.designer.DesignerWindow;
import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.gesture.MoveGesture;
import dev.patchbay.app.designer.document.RecentFiles;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.prefs.Preferences;
import com.sun.javafx.perf.PerformanceTracker;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.stage.Stage;

/**
 * Frames of the real designer window on a real (Xvfb) display: the time between consecutive pulses
 * while every pulse pans, zooms or drags. With {@code javafx.animation.fullspeed} pulses follow each
 * other as fast as the FX thread and the renderer allow, and a pulse waits for the previous frame's
 * rendering, so the interval is the frame's whole cost (event work, CSS, layout and painting).
 */
final class CanvasBench {
  static final int NODES = 2000;
  private static final int WARMUP = 60;
  private static final int FRAMES = 240;
  private Stage stage;
  private DesignerWindow window;

  private CanvasBench() {}

  static List<Row> run() throws Exception {
    return run(true);
  }

  /**
   * {@code all} false leaves out the zoom and drag rows (section "biglab": the empty-canvas
   * references, panning in an overview and in full detail, and Find).
   */
  static List<Row> run(boolean all) throws Exception {
    System.setProperty("javafx.animation.fullspeed", "true");
    System.setProperty("prism.vsync", "false");
    System.setProperty("prism.order", "sw");
    dev.patchbay.app.designer.DesignerLauncher.renderingSettings(); // as the designer starts
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get(30, TimeUnit.SECONDS);
    CanvasBench bench = new CanvasBench();
    Topology t = TopologyGenerator.generate(NODES, 7);
    // The reference for every row's ratio: the same window with an empty design, panned at 100%
    // (the dot grid shown) and at 20% (an overview: no grid), measured in this run.
    onFx(() -> bench.open(new Topology()));
    CanvasView canvas = bench.window.canvas();
    frames(i -> { }, 30);
    double emptyFull = median(frames(bench.panStep(), FRAMES));
    onFx(() -> canvas.zoomBy(0.2 / canvas.zoomFactor(), centre(canvas)));
    double emptyOverview = median(frames(bench.panStep(), FRAMES));
    onFx(() -> bench.window.document().newFrom(t));
    // Fit shows the whole design (a column of 400 rows without a layout: ~1.5%); the rows below are
    // measured at 20%, as before Fit could zoom out that far.
    onFx(() -> canvas.zoomBy(0.2 / canvas.zoomFactor(), centre(canvas)));
    String shape = t.elements().size() + " nodes, " + t.links().size() + " links, window "
        + (int) bench.stage.getWidth() + "x" + (int) bench.stage.getHeight() + ", software pipeline (prism sw)";
    frames(i -> { }, 30); // let the first layout and paint settle
    List<Row> rows = new ArrayList<>();
    rows.add(Row.of("empty canvas: frame while panning at 100% (grid shown)", new double[] {emptyFull}, "ms",
        Double.NaN, "the same window with an empty design, median of " + FRAMES + " frames: the ratios' reference"));
    rows.add(Row.of("empty canvas: frame while panning at 20% (overview, no grid)", new double[] {emptyOverview}, "ms",
        Double.NaN, "the same window with an empty design, median of " + FRAMES + " frames: the ratios' reference"));
    // Cross-check that a pulse interval is a painted frame: JavaFX's own tracker counts the frames
    // the renderer actually presented while the same pulses ran.
    PerformanceTracker tracker = PerformanceTracker.getSceneTracker(bench.stage.getScene());
    long[] window = new long[2];
    double[] pan = frames(i -> {
      if (i == 0) {
        tracker.resetAverageFPS();
        window[0] = System.nanoTime();
      }
      bench.panStep().accept(i);
    }, FRAMES);
    window[1] = System.nanoTime();
    double painted = tracker.getAverageFPS();
    double pulses = FRAMES / ((window[1] - window[0]) / 1e9);
    rows.add(Row.of("canvas frame while panning, " + NODES + " nodes", pan, "ms", 16, shape + String.format(
        java.util.Locale.ROOT, "; renderer presented %.1f frames/s for %.1f pulses/s", painted, pulses)
        + "; " + ratioText(pan, emptyOverview)));
    rows.add(ratio("panning at 20% (overview), " + NODES + " nodes / empty canvas", pan, emptyOverview));
    if (all) {
      double[] zoom = frames(i -> canvas.zoomBy(i % 60 < 30 ? 1.04 : 1 / 1.04,
          new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2)), FRAMES);
      rows.add(Row.of("canvas frame while zooming, " + NODES + " nodes", zoom, "ms", 16,
          "zoom steps of 4% in and out around the view's centre; " + ratioText(zoom, emptyOverview)));
    }
    double[] full = bench.panInFullDetail();
    rows.add(Row.of("canvas frame while panning at 100% (full detail), " + NODES + " nodes", full, "ms", 16,
        "names, ports and icons of the nodes near the view; " + ratioText(full, emptyFull)));
    rows.add(ratio("panning at 100% (full detail), " + NODES + " nodes / empty canvas", full, emptyFull));
    rows.addAll(BigLabBench.find(bench.window));
    if (!all) {
      onFx(bench.stage::hide);
      return rows;
    }
    onFx(() -> canvas.zoomBy(0.2 / canvas.zoomFactor(), centre(canvas)));
    frames(i -> { }, 10);
    double[] emptyRef = {emptyOverview};
    for (Row r : bench.drag(t)) {
      rows.add(new Row(r.name(), r.samples(), r.unit(), r.goal(), r.lowerIsBetter(),
          r.note() + "; " + ratioText(r.samples(), emptyRef[0])));
    }
    onFx(bench.stage::hide);
    return rows;
  }

  /** One pulse's pan: back and forth so the view stays over the design. */
  private java.util.function.IntConsumer panStep() {
    CanvasView canvas = window.canvas();
    return i -> canvas.setPanOffset(canvas.panOffset().add(i % 120 < 60 ? 9 : -9, i % 80 < 40 ? 5 : -5));
  }

  /** Pans at 100% over the middle of the design once the view has settled (nodes near it detailed). */
  private double[] panInFullDetail() throws Exception {
    CanvasView canvas = window.canvas();
    onFx(() -> canvas.zoomBy(1 / canvas.zoomFactor(), centre(canvas)));
    Thread.sleep(600); // the view settles 250 ms after its last step and details the nodes near it
    frames(i -> { }, 30);
    return frames(panStep(), FRAMES);
  }

  static Point2D centre(CanvasView canvas) {
    return new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2);
  }

  static double median(double[] samples) {
    double[] s = samples.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2];
  }

  private static String ratioText(double[] samples, double empty) {
    return String.format(java.util.Locale.ROOT, "%.2fx the empty canvas's %s ms", median(samples) / empty,
        Row.fmt(empty));
  }

  /** A row of a canvas row's frames over the empty canvas's median, measured in the same run. */
  private static Row ratio(String name, double[] frames, double empty) {
    double[] r = java.util.Arrays.stream(frames).map(f -> f / empty).toArray();
    return Row.of("ratio " + name, r, "x", 2, "each frame over the same window's empty-canvas median ("
        + Row.fmt(empty) + " ms) in this run");
  }

  private void open(Topology t) {
    stage = new Stage();
    Preferences prefs = Preferences.userRoot().node("dev/patchbay/bench-" + ProcessHandle.current().pid());
    window = new DesignerWindow(stage, StandardRules.validator(), new Random(3), new RecentFiles(prefs));
    window.document().newFrom(t);
    stage.setWidth(1600);
    stage.setHeight(1000);
    stage.show();
  }

  /** Selects 500 nodes, drags them a frame at a time, then drops them (one move command). */
  private List<Row> drag(Topology t) throws Exception {
    CanvasView canvas = window.canvas();
    List<String> ids = t.elements().stream().map(Element::id).limit(500).toList();
    onFx(canvas::fitToWindow);
    frames(i -> { }, 10);
    // The selection's cost is mostly paid in the pulse after selectAll (CSS of the marked nodes,
    // layout, painting): timed as the frame that selects, like the other rows, not the call alone.
    double[] select = new double[5];
    for (int r = 0; r < select.length; r++) {
      frames(i -> window.canvasViewModel().selection().clear(), 1);
      select[r] = frames(i -> window.canvasViewModel().selection().selectAll(ids), 1)[0];
    }
    frames(i -> { }, 10);
    Point2D start = new Point2D(0, 0);
    MoveGesture[] gesture = new MoveGesture[1];
    onFx(() -> gesture[0] = new MoveGesture(canvas, window.canvasViewModel(), Set.copyOf(ids), start));
    double[] drag = frames(i -> gesture[0].drag(new Point2D(i % 100, (i / 2) % 50), Point2D.ZERO), FRAMES);
    onFx(gesture[0]::cancel);
    // A whole gesture, frame by frame: the first drag step (lifts the 500 nodes and paints the
    // rest into bitmaps) and the release (one move command of 500 elements).
    double[] lift = new double[5];
    double[] drop = new double[5];
    for (int r = 0; r < drop.length; r++) {
      Point2D to = new Point2D(r % 2 == 0 ? 40 : -40, 0);
      lift[r] = frames(i -> {
        gesture[0] = new MoveGesture(canvas, window.canvasViewModel(), Set.copyOf(ids), start);
        gesture[0].drag(to, Point2D.ZERO);
      }, 1)[0];
      drop[r] = frames(i -> gesture[0].release(to, Point2D.ZERO), 1)[0];
    }
    return List.of(
        Row.of("frame that selects 500 nodes (selection marks on the canvas)", select, "ms", 16,
            "one selectAll of 500 nodes and the pulse that shows it (CSS, layout, painting)"),
        Row.of("canvas frame while dragging 500 selected nodes", drag, "ms", 16,
            "each frame moves the 500 nodes and re-routes their wires"),
        Row.of("first frame of a drag of 500 selected nodes", lift, "ms", 16,
            "the wires of the 500 nodes become one path moved in place, the other plain wires another"),
        Row.of("frame that drops 500 dragged nodes", drop, "ms", 16,
            "one move command of 500 elements: model, canvas, validation, reachability"));
  }

  /** Runs {@code step} at the start of each of {@code count} pulses and returns each frame's length. */
  static double[] frames(IntConsumer step, int count) throws Exception {
    double[] ms = new double[count];
    CompletableFuture<Void> done = new CompletableFuture<>();
    int warm = count > 1 ? WARMUP : 0;
    onFx(() -> new AnimationTimer() {
      private int frame = -warm;
      private long last;

      @Override
      public void handle(long now) {
        long t = System.nanoTime();
        if (frame > -warm && frame <= count && frame > 0) {
          ms[frame - 1] = (t - last) / 1e6;
        }
        if (frame == count) {
          stop();
          done.complete(null);
          return;
        }
        last = t;
        step.accept(frame < 0 ? frame + warm : frame);
        frame++;
      }
    }.start());
    done.get(10, TimeUnit.MINUTES);
    return ms;
  }

  static void onFx(Runnable r) throws Exception {
    CompletableFuture<Void> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        r.run();
        f.complete(null);
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    f.get(5, TimeUnit.MINUTES);
  }
}
