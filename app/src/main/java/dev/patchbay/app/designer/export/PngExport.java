package dev.patchbay.app.designer.export;

import dev.patchbay.app.designer.canvas.CanvasView;
import dev.patchbay.app.designer.canvas.CanvasViewModel;
import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.app.designer.problems.ProblemsViewModel;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * The design drawn as the canvas draws it, at 100% with every element in view, as a PNG. Must run
 * on the JavaFX thread; {@link dev.patchbay.app.designer.fx.HeadlessFx} starts a toolkit for the command line.
 */
public final class PngExport {
  private static final double MARGIN = 60;

  private PngExport() {}

  /** Renders a copy of the topology, so the caller's document and its listeners stay untouched. */
  public static WritableImage render(Topology topology) {
    DocumentViewModel doc = new DocumentViewModel();
    doc.newFrom(copy(topology));
    CanvasViewModel vm = new CanvasViewModel(doc, new Random(0));
    CanvasView canvas = new CanvasView(vm, new ProblemsViewModel(doc, StandardRules.validator()));
    canvas.setGridVisible(false);
    double[] size = canvas.contentSize();
    Scene scene = new Scene(canvas, Math.max(200, size[0] + 2 * MARGIN), Math.max(120, size[1] + 2 * MARGIN));
    scene.getStylesheets().add(PngExport.class.getResource("/assets/patchbay.css").toExternalForm());
    // light whatever the window's theme: the application-wide sheet is the dark one after View > Theme > Dark
    scene.setUserAgentStylesheet(dev.patchbay.app.designer.look.ThemeStyles.lightAgentSheet());
    canvas.resize(scene.getWidth(), scene.getHeight());
    canvas.applyCss();
    canvas.refreshGeometry(); // measure the host's header again, now that it is styled
    canvas.layout();
    canvas.fitToWindow();
    canvas.layout();
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.WHITE);
    return canvas.snapshot(p, null);
  }

  public static void write(Topology topology, Path out) throws IOException {
    BufferedImage image = SwingFXUtils.fromFXImage(render(topology), null);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException("no PNG writer available");
    }
    dev.patchbay.app.export.OutputFiles.write(out, png.toByteArray(), false);
  }

  private static Topology copy(Topology t) {
    try {
      return TopologyFiles.parse(TopologyFiles.toJson(t), t.name());
    } catch (TopologyFileException e) {
      throw new IllegalStateException("a topology did not survive its own file format: " + e.getMessage(), e);
    }
  }
}
