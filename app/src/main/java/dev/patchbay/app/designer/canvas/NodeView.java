package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.check.Severity;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * One element on the canvas. Its position is the model's (relocated on Moved changes); while a
 * drag is under way it is only translated, and the translation is dropped when the move command
 * lands.
 */
public abstract class NodeView extends Pane {
  private Element element;
  private final List<PortView> ports = new ArrayList<>();
  private final Label badge = new Label("!");
  private final Tooltip badgeTip = new Tooltip();
  /** A running guest's state above its box (booting, running, crashed); hidden in design mode. */
  private final Label live = new Label();
  private final Tooltip liveTip = new Tooltip();
  private Rectangle box;
  private boolean selected;
  private boolean overview;

  protected NodeView(Element element) {
    this.element = element;
    setId("node-" + element.id());
    getStyleClass().addAll("node", "node-" + element.kind().fileName());
    badge.getStyleClass().add("badge");
    badge.setVisible(false);
    badge.setTooltip(badgeTip);
    badge.setId("badge-" + element.id());
    live.getStyleClass().add("live-state");
    live.setId("live-" + element.id());
    live.setVisible(false);
    live.setTooltip(liveTip);
  }

  public Element element() {
    return element;
  }

  /** Redraws for an edited copy of the element. */
  public final void update(Element edited) {
    this.element = edited;
    getChildren().clear();
    ports.clear();
    build(edited);
    badge.relocate(getPrefWidth() - 10, -8);
    live.relocate(0, -20);
    if (overview) {
      showDetails();
    }
    getChildren().addAll(badge, live);
  }

  /**
   * In an overview (zoomed far out) the node is its box alone, plain and filled (no rounded
   * corners, outline or shadow: see patchbay.css): names, icons and ports would be a few pixels
   * tall there, and in software rendering the 2,000 boxes, labels and shadows of a large design
   * cost ~100 ms a frame. The badge of a finding and a running guest's state stay.
   */
  public void setOverview(boolean on) {
    if (overview != on) {
      overview = on;
      showDetails();
    }
  }

  public boolean isOverview() {
    return overview;
  }

  /** The node's own children (box, icon, labels, rule, ports) shown in full detail only. */
  private void showDetails() {
    for (javafx.scene.Node child : getChildren()) {
      if (child != box && child != badge && child != live) {
        child.setVisible(!overview);
      }
    }
    if (box != null) {
      box.pseudoClassStateChanged(CanvasStyles.OVERVIEW, overview);
    }
  }

  /** Shows a running lab's state of this node (a guest's QEMU); null hides it. */
  public void setLiveState(String state, String details) {
    live.setVisible(state != null);
    live.setText(state == null ? "" : state);
    liveTip.setText(details == null || details.isBlank() ? state : details);
    for (String s : new String[] {"booting", "running", "crashed", "stopped"}) {
      live.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s), s.equals(state));
    }
  }

  public String liveStateText() {
    return live.isVisible() ? live.getText() : "";
  }

  /** The node's outline, made by {@link #build} first; the selection marks it. */
  protected Rectangle box(double w, double h) {
    box = new Rectangle(w, h);
    box.getStyleClass().add("box"); // rounded by the style sheet, square in an overview
    box.pseudoClassStateChanged(CanvasStyles.SELECTED, selected);
    return box;
  }

  /** Builds the node's children for the element; calls {@link #addPort} for each port. */
  protected abstract void build(Element e);

  protected void addPort(PortView port, double x, double y) {
    port.setCenterX(x);
    port.setCenterY(y);
    ports.add(port);
    getChildren().add(port);
  }

  public List<PortView> ports() {
    return ports;
  }

  /** Every endpoint a wire can reach on this node. */
  public List<Endpoint> endpoints() {
    return ports.stream().map(PortView::endpoint).toList();
  }

  /** Where a link to the endpoint attaches, in canvas units (including a drag's offset). */
  public Point2D anchor(Endpoint end) {
    return ports.stream().filter(p -> p.endpoint().equals(end)).findFirst()
        .map(p -> new Point2D(drawnX() + p.getCenterX(), drawnY() + p.getCenterY()))
        .orElse(new Point2D(drawnX() + getPrefWidth() / 2, drawnY() + getPrefHeight() / 2));
  }

  /** Where the node is drawn now, in canvas units: its place plus the translation of a drag under way. */
  public double drawnX() {
    return getLayoutX() + getTranslateX();
  }

  public double drawnY() {
    return getLayoutY() + getTranslateY();
  }

  /** The endpoint nearest the point (canvas units) if the point is on this node. */
  public Optional<Endpoint> endpointAt(Point2D p) {
    if (!boxContains(p) || ports.isEmpty()) {
      return Optional.empty();
    }
    PortView best = ports.get(0);
    for (PortView port : ports) {
      if (distance(port, p) < distance(best, p)) {
        best = port;
      }
    }
    return Optional.of(best.endpoint());
  }

  private double distance(PortView port, Point2D p) {
    return new Point2D(getLayoutX() + port.getCenterX(), getLayoutY() + port.getCenterY()).distance(p);
  }

  public boolean boxContains(Point2D p) {
    double x = drawnX();
    double y = drawnY();
    return p.getX() >= x - 8 && p.getX() <= x + getPrefWidth() + 8 && p.getY() >= y - 8
        && p.getY() <= y + getPrefHeight() + 8;
  }

  /**
   * Marks the outline only: a pseudo-class on the node itself re-styled all its labels, ports and
   * icon, which made selecting 500 nodes cost ~5,000 style passes in the next pulse.
   */
  public void setSelected(boolean on) {
    selected = on;
    if (box != null) {
      box.pseudoClassStateChanged(CanvasStyles.SELECTED, on);
    }
  }

  public boolean isSelected() {
    return selected;
  }

  /** Marks the node with the worst finding naming it; null clears the badge. */
  public void setBadge(Severity worst, String messages) {
    badge.setVisible(worst != null && worst != Severity.INFO);
    badge.pseudoClassStateChanged(CanvasStyles.ERROR, worst == Severity.ERROR);
    badge.pseudoClassStateChanged(CanvasStyles.WARNING, worst == Severity.WARNING);
    badgeTip.setText(messages);
    badge.toFront();
  }

  public boolean hasBadge() {
    return badge.isVisible();
  }

  public String badgeText() {
    return badgeTip.getText();
  }

  /** While a wire is dragged: lights ports that would accept it and dims the node when none does. */
  public void showWireTargets(List<Endpoint> valid) {
    for (PortView p : ports) {
      p.pseudoClassStateChanged(CanvasStyles.VALID_TARGET, valid.contains(p.endpoint()));
    }
    pseudoClassStateChanged(CanvasStyles.NO_TARGET, valid.isEmpty());
  }

  public void clearWireTargets() {
    ports.forEach(p -> p.pseudoClassStateChanged(CanvasStyles.VALID_TARGET, false));
    pseudoClassStateChanged(CanvasStyles.NO_TARGET, false);
  }
}
