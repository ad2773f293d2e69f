package dev.patchbay.app.designer.canvas;

import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.model.topology.Link;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.CubicCurve;

/** A wire: a soft curve between the two ends' anchors, with a wide invisible band to click. */
public final class LinkView extends Group {
  private final Link link;
  private final CubicCurve curve = new CubicCurve();
  private final CubicCurve hit = new CubicCurve();
  /**
   * What crossed the link, made when a running lab first shows it: every node in the scene graph
   * costs each pulse's bounds walk, and a design's 3,000 hidden labels were 6,000 nodes.
   */
  private javafx.scene.control.Label traffic;
  private Tooltip trafficTip;
  private boolean batched;
  private boolean overview;
  private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
  private static final PseudoClass CUT = PseudoClass.getPseudoClass("cut");
  private static final PseudoClass UNREADABLE = PseudoClass.getPseudoClass("unreadable");

  public LinkView(Link link) {
    this.link = link;
    setId("link-" + link.id());
    getStyleClass().add("link");
    curve.getStyleClass().add("wire");
    hit.getStyleClass().add("wire-hit");
    getChildren().addAll(hit, curve);
  }

  /** Shows what crossed the link in a running lab; null goes back to a plain wire. */
  public void setTraffic(LinkReading r) {
    if (traffic == null) {
      if (r == null) {
        return;
      }
      traffic = new javafx.scene.control.Label();
      traffic.getStyleClass().add("traffic");
      traffic.setId("traffic-" + link.id());
    }
    traffic.setVisible(r != null);
    if (trafficTip != null) {
      Tooltip.uninstall(this, trafficTip);
      traffic.setTooltip(null);
      trafficTip = null;
    }
    if (r == null) {
      curve.setStyle("");
      pseudoClassStateChanged(ACTIVE, false);
      pseudoClassStateChanged(UNREADABLE, false);
      return;
    }
    traffic.setText(LiveCountersViewModel.label(r));
    curve.setStyle("-fx-stroke-width: " + LiveCountersViewModel.strokeWidth(r) + ";");
    pseudoClassStateChanged(ACTIVE, r.rate() != null && r.rate() > 0);
    pseudoClassStateChanged(UNREADABLE, !r.available());
    trafficTip = new Tooltip(LiveCountersViewModel.tooltip(r));
    Tooltip.install(this, trafficTip);
    traffic.setTooltip(trafficTip);
    traffic.pseudoClassStateChanged(ACTIVE, r.rate() != null && r.rate() > 0);
    traffic.pseudoClassStateChanged(UNREADABLE, !r.available());
    placeTraffic();
  }

  /** The counter label, which the canvas shows in a layer above the nodes; null until a lab showed one. */
  public javafx.scene.Node trafficLabel() {
    return traffic;
  }

  public String trafficText() {
    return traffic != null && traffic.isVisible() ? traffic.getText() : "";
  }

  /** A link cut with QMP set_link is drawn dashed. */
  public void setCut(boolean on) {
    pseudoClassStateChanged(CUT, on);
  }

  public Link link() {
    return link;
  }

  /** Routes the wire between its two ends, leaving each port straight out of its box's side. */
  public void setEnds(WireEnd a, WireEnd b) {
    Point2D c1 = a.control(b.at());
    Point2D c2 = b.control(a.at());
    for (CubicCurve c : new CubicCurve[] {curve, hit}) {
      c.setStartX(a.at().getX());
      c.setStartY(a.at().getY());
      c.setEndX(b.at().getX());
      c.setEndY(b.at().getY());
      c.setControlX1(c1.getX());
      c.setControlY1(c1.getY());
      c.setControlX2(c2.getX());
      c.setControlY2(c2.getY());
    }
    placeTraffic();
  }

  /**
   * The label sits at the curve's middle: B(1/2) = (P0 + 3 P1 + 3 P2 + P3) / 8. Only a shown label
   * is styled and measured: in design mode it is hidden, and measuring it cost every wire of a drag.
   */
  private void placeTraffic() {
    if (traffic == null || !traffic.isVisible()) {
      return;
    }
    double mx = (curve.getStartX() + 3 * curve.getControlX1() + 3 * curve.getControlX2() + curve.getEndX()) / 8;
    double my = (curve.getStartY() + 3 * curve.getControlY1() + 3 * curve.getControlY2() + curve.getEndY()) / 8;
    traffic.applyCss();
    traffic.autosize();
    traffic.relocate(mx - traffic.getWidth() / 2, my - traffic.getHeight() / 2);
  }

  public void setSelected(boolean on) {
    pseudoClassStateChanged(CanvasStyles.SELECTED, on);
  }

  public void setProblem(boolean on) {
    pseudoClassStateChanged(CanvasStyles.ERROR, on);
  }

  /** Drawn in the plain wire look (see {@link WireBatch}): no state and no live counters. */
  boolean isPlain() {
    var states = getPseudoClassStates();
    return (traffic == null || !traffic.isVisible()) && !states.contains(CanvasStyles.SELECTED) && !states.contains(CanvasStyles.ERROR)
        && !states.contains(CUT);
  }

  /** Whether the shared path paints this wire; if not, its own curve does. */
  void setBatched(boolean on) {
    batched = on;
    curve.setVisible(!on);
    keepCurves();
  }

  /**
   * In an overview a wire the shared path paints keeps no curves of its own in the scene graph
   * (every node costs each pulse's bounds walk): it is not picked there, where it is a pixel wide;
   * a wire with a state (selected, flagged, cut, live) keeps its curves and is picked as anywhere.
   */
  void setOverview(boolean on) {
    overview = on;
    keepCurves();
  }

  private void keepCurves() {
    boolean bare = overview && batched;
    if (bare && !getChildren().isEmpty()) {
      getChildren().clear();
    } else if (!bare && getChildren().isEmpty()) {
      getChildren().addAll(hit, curve);
    }
  }

  boolean isBatched() {
    return batched;
  }

  /** Adds this wire to a shared path: its curve, or in an overview a straight line between its ends. */
  void appendCurve(java.util.List<javafx.scene.shape.PathElement> path, boolean straight) {
    path.add(new javafx.scene.shape.MoveTo(curve.getStartX(), curve.getStartY()));
    path.add(straight ? new javafx.scene.shape.LineTo(curve.getEndX(), curve.getEndY())
        : new javafx.scene.shape.CubicCurveTo(curve.getControlX1(), curve.getControlY1(), curve.getControlX2(),
            curve.getControlY2(), curve.getEndX(), curve.getEndY()));
  }
}
