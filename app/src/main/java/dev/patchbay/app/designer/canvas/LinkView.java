package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Link;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;

/** A wire: a soft curve between the two ends' anchors, with a wide invisible band to click. */
public final class LinkView extends Group {
  private final Link link;
  private final CubicCurve curve = new CubicCurve();
  private final CubicCurve hit = new CubicCurve();

  public LinkView(Link link) {
    this.link = link;
    setId("link-" + link.id());
    getStyleClass().add("link");
    curve.getStyleClass().add("wire");
    hit.getStyleClass().add("wire-hit");
    getChildren().addAll(hit, curve);
  }

  public Link link() {
    return link;
  }

  public void setEnds(Point2D a, Point2D b) {
    for (CubicCurve c : new CubicCurve[] {curve, hit}) {
      double bend = Math.max(30, Math.abs(b.getX() - a.getX()) / 2);
      double dir = b.getX() >= a.getX() ? 1 : -1;
      c.setStartX(a.getX());
      c.setStartY(a.getY());
      c.setEndX(b.getX());
      c.setEndY(b.getY());
      c.setControlX1(a.getX() + dir * bend);
      c.setControlY1(a.getY());
      c.setControlX2(b.getX() - dir * bend);
      c.setControlY2(b.getY());
    }
  }

  public void setSelected(boolean on) {
    pseudoClassStateChanged(CanvasStyles.SELECTED, on);
  }

  public void setProblem(boolean on) {
    pseudoClassStateChanged(CanvasStyles.ERROR, on);
  }
}
