package dev.patchbay.app.designer.canvas;

import dev.patchbay.app.designer.live.LinkRates;
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
  /** How far from the wire, in screen pixels, a click still picks it. */
  static final double PICK_PIXELS = 8;

  public LinkView(Link link) {
    this.link = link;
    setId("link-" + link.id());
    getStyleClass().add("link");
    curve.getStyleClass().add("wire");
    hit.getStyleClass().add("wire-hit");
    hit.setStrokeWidth(pickWidth(1));
    getChildren().addAll(hit, curve);
  }

  /** The reading shown and its rates, kept so the label's arrows follow the wire when it is routed again. */
  private LinkReading reading;
  private LinkRates rates;

  /** Shows what crossed the link in a running lab, with its rates; null goes back to a plain wire. */
  public void setTraffic(LinkReading r, LinkRates rates) {
    this.reading = r;
    this.rates = rates;
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
    traffic.setText(LiveCountersViewModel.label(r, rates, arrowAToB()));
    curve.setStyle("-fx-stroke-width: " + LiveCountersViewModel.strokeWidth(r) + ";");
    pseudoClassStateChanged(ACTIVE, r.rate() != null && r.rate() > 0);
    pseudoClassStateChanged(UNREADABLE, !r.available());
    trafficTip = new Tooltip(LiveCountersViewModel.tooltip(r, rates));
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

  /** Arrows by direction on the canvas, counter-clockwise from pointing right (y grows downwards). */
  private static final String[] ARROWS = {"\u2192", "\u2197", "\u2191", "\u2196", "\u2190", "\u2199", "\u2193", "\u2198"};

  /**
   * The arrow from end a towards end b as the wire runs on the canvas, to the nearest eighth of a
   * turn, so a label's line for the frames from a to b points the way they go.
   */
  String arrowAToB() {
    double dx = curve.getEndX() - curve.getStartX();
    double dy = curve.getEndY() - curve.getStartY();
    double turns = Math.atan2(-dy, dx) / (2 * Math.PI);
    return ARROWS[(int) Math.floorMod(Math.round(turns * 8), 8)];
  }

  /**
   * Until the canvas places it clear of the boxes ({@link LiveLook#placeLabels}), the label sits at
   * the curve's middle. Only a shown label is styled and measured: in design mode it is hidden, and
   * measuring it cost every wire of a drag.
   */
  private void placeTraffic() {
    if (traffic == null || !traffic.isVisible()) {
      return;
    }
    String text = LiveCountersViewModel.label(reading, rates, arrowAToB());
    if (!text.equals(traffic.getText())) {
      traffic.setText(text); // the wire turned round
    }
    traffic.applyCss();
    traffic.autosize();
    placeTrafficAt(pointAt(0.5));
  }

  /** Centres the counter label on a point (canvas units). */
  void placeTrafficAt(Point2D centre) {
    traffic.relocate(centre.getX() - traffic.getWidth() / 2, centre.getY() - traffic.getHeight() / 2);
  }

  /** The curve's point at t (0 at end a, 1 at end b), in canvas units. */
  Point2D pointAt(double t) {
    double u = 1 - t;
    double x = u * u * u * curve.getStartX() + 3 * u * u * t * curve.getControlX1() + 3 * u * t * t * curve.getControlX2()
        + t * t * t * curve.getEndX();
    double y = u * u * u * curve.getStartY() + 3 * u * u * t * curve.getControlY1() + 3 * u * t * t * curve.getControlY2()
        + t * t * t * curve.getEndY();
    return new Point2D(x, y);
  }

  public void setSelected(boolean on) {
    pseudoClassStateChanged(CanvasStyles.SELECTED, on);
  }

  public void setProblem(boolean on) {
    pseudoClassStateChanged(CanvasStyles.ERROR, on);
  }

  /** Lit as a step of the Reachability path the user selected (see {@link ReachPathLayer}). */
  void setOnPath(boolean on) {
    pseudoClassStateChanged(ReachPathLayer.ON_PATH, on);
  }

  /**
   * The width of the invisible band a click picks the wire in, in canvas units at this zoom: a few
   * pixels either side of the wire at any zoom the wire is drawn at, never narrower than in full size.
   */
  static double pickWidth(double zoom) {
    return 2 * Math.max(PICK_PIXELS, PICK_PIXELS / zoom);
  }

  void setPickWidth(double width) {
    hit.setStrokeWidth(width);
  }

  /** Drawn in the plain wire look (see {@link WireBatch}): no state and no live counters. */
  boolean isPlain() {
    var states = getPseudoClassStates();
    return (traffic == null || !traffic.isVisible()) && !states.contains(CanvasStyles.SELECTED) && !states.contains(CanvasStyles.ERROR)
        && !states.contains(CUT) && !states.contains(ReachPathLayer.ON_PATH);
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
