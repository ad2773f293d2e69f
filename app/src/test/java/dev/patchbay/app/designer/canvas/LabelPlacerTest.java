package dev.patchbay.app.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.function.DoubleFunction;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
  private static final double W = 150;
  private static final double H = 34;

  /** A straight wire from (x0, y0) to (x1, y1). */
  private static DoubleFunction<Point2D> line(double x0, double y0, double x1, double y1) {
    return t -> new Point2D(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
  }

  private static Bounds label(Point2D centre) {
    return new BoundingBox(centre.getX() - W / 2, centre.getY() - H / 2, W, H);
  }

  private static Bounds grown(double x, double y, double w, double h) {
    double m = PortView.RADIUS;
    return new BoundingBox(x - m, y - m, w + 2 * m, h + 2 * m);
  }

  @Test
  void aLabelOnAWireWithRoomSitsAtItsMiddle() {
    LabelPlacer p = new LabelPlacer();
    p.avoidBox(0, 0, 140, 56);
    p.avoidBox(600, 0, 180, 70);
    assertEquals(new Point2D(370, 28), p.place(line(140, 28, 600, 28), W, H));
  }

  @Test
  void aShortWiresLabelLeavesTheBoxesAndTheirPortsClear() {
    LabelPlacer p = new LabelPlacer();
    p.avoidBox(0, 0, 140, 56); // a tap, its port at (140, 28)
    p.avoidBox(200, 0, 180, 70); // a guest, its NIC port at (200, 28)
    Bounds placed = label(p.place(line(140, 28, 200, 28), W, H));
    assertFalse(placed.intersects(grown(0, 0, 140, 56)), "" + placed);
    assertFalse(placed.intersects(grown(200, 0, 180, 70)), "" + placed);
  }

  @Test
  void twoLabelsDoNotCoverEachOther() {
    LabelPlacer p = new LabelPlacer();
    p.avoidBox(0, 100, 140, 56);
    p.avoidBox(500, 100, 140, 56);
    Bounds first = label(p.place(line(140, 128, 500, 128), W, H));
    Bounds second = label(p.place(line(140, 140, 500, 140), W, H)); // a second wire beside the first
    assertFalse(first.intersects(second), first + " " + second);
  }
}
