package dev.patchbay.app.designer.canvas;

import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Rectangle;

/**
 * The snap grid as faint dots, redrawn for the current pan and zoom: one rectangle filled with a
 * one-dot tile, so a frame paints one pattern fill instead of ten thousand dots.
 */
final class GridView extends Region {
  /** Mid grey, faded by the sheet's opacity of .grid-dots: faint on a light canvas and on a dark one. */
  private static final Color DOT = Color.web("#8d96a3");
  private static final int TILE = 20;
  private static final WritableImage DOT_TILE = dotTile();
  private final Rectangle area = new Rectangle();

  GridView() {
    area.getStyleClass().add("grid-dots");
    getChildren().add(area);
    setMouseTransparent(true);
  }

  private static WritableImage dotTile() {
    WritableImage tile = new WritableImage(TILE, TILE);
    for (int x = 0; x < 2; x++) {
      for (int y = 0; y < 2; y++) {
        tile.getPixelWriter().setColor(x, y, DOT);
      }
    }
    return tile;
  }

  void draw(double width, double height, double panX, double panY, double zoom) {
    area.setWidth(width);
    area.setHeight(height);
    double step = NodeGeometry.GRID * zoom;
    while (step < 10) {
      step *= 2;
    }
    area.setFill(new ImagePattern(DOT_TILE, panX % step, panY % step, step, step, false));
  }
}
