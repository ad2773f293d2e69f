package dev.patchbay.app.designer.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The snap grid as faint dots, redrawn for the current pan and zoom. */
final class GridView extends Region {
  private static final Color DOT = Color.web("#c9cfd8");
  private final Canvas canvas = new Canvas();

  GridView() {
    getChildren().add(canvas);
    setMouseTransparent(true);
  }

  void draw(double width, double height, double panX, double panY, double zoom) {
    canvas.setWidth(width);
    canvas.setHeight(height);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, width, height);
    double step = NodeGeometry.GRID * zoom;
    while (step < 10) {
      step *= 2;
    }
    g.setFill(DOT);
    double startX = panX % step;
    double startY = panY % step;
    for (double x = startX; x < width; x += step) {
      for (double y = startY; y < height; y += step) {
        g.fillRect(x, y, 1.2, 1.2);
      }
    }
  }
}
