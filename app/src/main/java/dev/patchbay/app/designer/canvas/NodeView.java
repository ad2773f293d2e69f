package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.check.Severity;
import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.layout.Geometry.Side;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  /** The mark of a finding, made when the node first has one (most never do: two nodes fewer each). */
  private Label badge;
  private Tooltip badgeTip;
  /** A running guest's state above its box (booting, running, crashed); made when a lab first shows one. */
  private Label live;
  private Tooltip liveTip;
  private Rectangle box;
  /** A device's ports on the sides its wires use; null for a node whose ports are named (a guest's NICs). */
  private SidePorts sides;
  private boolean building;
  /** Whether the last build drew side ports (a point-to-point socket, edited, names its ports instead). */
  private boolean sided;
  private boolean selected;
  private boolean overview;
  private boolean detailed = true;
  /** The worst finding shown (warning or error), null when none. */
  private Severity worst;
  /** When not detailed: the children {@link #build} made besides the box, out of the scene graph. */
  private List<javafx.scene.Node> details = List.of();

  protected NodeView(Element element) {
    this.element = element;
    setId("node-" + element.id());
    getStyleClass().addAll("node", "node-" + element.kind().fileName());
  }

  public Element element() {
    return element;
  }

  /** Redraws for an edited copy of the element. */
  public final void update(Element edited) {
    this.element = edited;
    getChildren().clear();
    ports.clear();
    details = List.of();
    building = true;
    sided = false;
    build(edited);
    building = false;
    box.pseudoClassStateChanged(CanvasStyles.OVERVIEW, overview);
    markBox();
    if (!detailed) {
      detachDetails();
    } else if (badge != null) {
      badge.relocate(getPrefWidth() - 10, -8);
      getChildren().add(badge);
    }
    if (live != null) {
      getChildren().add(live);
    }
  }

  /**
   * In an overview (zoomed far out) the node's box is plain and filled (no rounded corners,
   * outline or shadow: see patchbay.css); the canvas also takes its details away there (see
   * {@link #setDetailed}): names, icons and ports would be a few pixels tall, and in software
   * rendering the 2,000 boxes, labels and shadows of a large design cost ~100 ms a frame.
   */
  public void setOverview(boolean on) {
    if (overview != on) {
      overview = on;
      box.pseudoClassStateChanged(CanvasStyles.OVERVIEW, on);
      box.pseudoClassStateChanged(CanvasStyles.SELECTED, selected && !on);
    }
  }

  public boolean isOverview() {
    return overview;
  }

  /**
   * Whether the node's details (icon, labels, rule, ports) are in the scene graph; without them it
   * is its box, the badge of a finding and a running guest's state. Every pulse that changes
   * anything walks the whole graph to update bounds, hidden nodes included, and at 2,000 nodes that
   * walk over ~15 children each cost ~10-17 ms of a frame; so the canvas keeps details only where
   * they can be seen (not in an overview, not far outside the view). Taken out, they are kept for
   * the way back, which styles them again (~0.3 ms a node).
   */
  public void setDetailed(boolean on) {
    if (detailed == on) {
      return;
    }
    detailed = on;
    if (on) {
      getChildren().addAll(1, details); // above the box, below the live state
      details = List.of();
      if (badge != null) {
        getChildren().add(badge);
      }
    } else {
      detachDetails();
    }
  }

  public boolean isDetailed() {
    return detailed;
  }

  private void detachDetails() {
    List<javafx.scene.Node> kept = new ArrayList<>();
    for (javafx.scene.Node child : getChildren()) {
      if (child != box && child != badge && child != live) {
        kept.add(child); // the badge is put back by itself, above the details
      }
    }
    getChildren().removeAll(kept);
    details = kept;
    if (badge != null) {
      getChildren().remove(badge); // the box shows the finding's colour in an overview
    }
  }

  /** Shows a running lab's state of this node (a guest's QEMU); null hides it. */
  public void setLiveState(String state, String details) {
    if (live == null) {
      if (state == null) {
        return;
      }
      live = new Label();
      liveTip = new Tooltip();
      live.getStyleClass().add("live-state");
      live.setId("live-" + element.id());
      live.setTooltip(liveTip);
      live.relocate(0, -20);
      getChildren().add(live);
    }
    live.setVisible(state != null);
    live.setText(state == null ? "" : state);
    liveTip.setText(details == null || details.isBlank() ? state : details);
    for (String s : new String[] {"booting", "running", "crashed", "stopped"}) {
      live.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s), s.equals(state));
    }
  }

  public String liveStateText() {
    return live != null && live.isVisible() ? live.getText() : "";
  }

  /** The node's outline, made by {@link #build} first; the selection marks it. */
  protected Rectangle box(double w, double h) {
    box = new Rectangle(w, h);
    box.getStyleClass().add("box"); // rounded by the style sheet, square in an overview
    box.pseudoClassStateChanged(CanvasStyles.SELECTED, selected && !overview);
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
    return ports.stream().map(PortView::endpoint).distinct().toList();
  }

  /** Where a link to the endpoint attaches, in canvas units (including a drag's offset); a device's first port. */
  public Point2D anchor(Endpoint end) {
    return ports.stream().filter(p -> p.endpoint().equals(end)).findFirst().map(this::centre)
        .orElse(new Point2D(drawnX() + getPrefWidth() / 2, drawnY() + getPrefHeight() / 2));
  }

  /** A port's centre in canvas units (including a drag's offset). */
  public Point2D centre(PortView p) {
    return new Point2D(drawnX() + p.getCenterX(), drawnY() + p.getCenterY());
  }

  /**
   * Makes this node's ports the sides of its box that face the other ends of its wires: a device
   * whose wires name no port draws one port on each side a wire uses ({@link SidePorts}).
   */
  protected void addSidePorts(Element e) {
    sides = sides == null ? new SidePorts() : sides;
    sided = true;
    sides.clearShown();
    for (Side s : sides.wanted()) {
      addSidePort(e, s);
    }
  }

  private void addSidePort(Element e, Side s) {
    Geometry.Port at = Geometry.side(e, s);
    PortView p = sides.make(e, s);
    p.setCenterX(at.x());
    p.setCenterY(at.y());
    ports.add(p);
    if (detailed || building) {
      getChildren().add(p); // a node built while not detailed is detached after its build
    } else {
      details.add(p);
    }
  }

  /** Where the link's wire ends on this node, given its other end ({@code otherEnd} on {@code other}). */
  public WireEnd wireEnd(Endpoint end, String linkId, NodeView other, Endpoint otherEnd) {
    Geometry.Port named = Geometry.namedPort(element, end);
    if (!sided || named != null || end.port() != null) {
      return new WireEnd(anchor(end), named == null ? Side.EAST : named.side());
    }
    Geometry.Port otherPort = Geometry.namedPort(other.element, otherEnd);
    Side side = Geometry.facing(area(), other.endArea(otherEnd), otherPort == null ? null : otherPort.side());
    if (sides.attach(linkId, side)) {
      showSidePorts();
    }
    PortView p = sides.port(side);
    return new WireEnd(p == null ? anchor(end) : centre(p), side);
  }

  /** What the other end of a wire faces: the named port (as an area of no size) or the whole box. */
  private Geometry.Area endArea(Endpoint end) {
    Geometry.Port named = Geometry.namedPort(element, end);
    if (named != null) {
      return new Geometry.Area(drawnX() + named.x(), drawnY() + named.y(), 0, 0);
    }
    return area();
  }

  private Geometry.Area area() {
    return new Geometry.Area(drawnX(), drawnY(), getPrefWidth(), getPrefHeight());
  }

  /** The link is gone: a side only it used loses its port. */
  public void detachWire(String linkId) {
    if (sided && sides.detach(linkId)) {
      showSidePorts();
    }
  }

  /** Draws a port on each side in use and none elsewhere. */
  private void showSidePorts() {
    Set<Side> wanted = sides.wanted();
    for (Side s : Side.values()) {
      PortView p = sides.port(s);
      if (p != null && !wanted.contains(s)) {
        ports.remove(p);
        getChildren().remove(p);
        if (!detailed) {
          details.remove(p);
        }
        sides.forget(s);
      } else if (p == null && wanted.contains(s)) {
        addSidePort(element, s);
      }
    }
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
    return centre(port).distance(p);
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
    if (box != null && !overview) {
      box.pseudoClassStateChanged(CanvasStyles.SELECTED, on); // an overview marks it (SelectionMarks)
    }
  }

  public boolean isSelected() {
    return selected;
  }

  /**
   * The box carries the finding's severity too: an overview colours it by that instead of drawing
   * the badge (in software rendering each badge's round background was a scaled image, most of a
   * frame when hundreds of them were in view).
   */
  private void markBox() {
    box.pseudoClassStateChanged(CanvasStyles.ERROR, worst == Severity.ERROR);
    box.pseudoClassStateChanged(CanvasStyles.WARNING, worst == Severity.WARNING);
  }

  /** Marks the node with the worst finding naming it; null clears the badge. */
  public void setBadge(Severity worst, String messages) {
    boolean shown = worst != null && worst != Severity.INFO;
    if (badge == null) {
      if (!shown) {
        return;
      }
      badge = new Label("!");
      badgeTip = new Tooltip();
      badge.getStyleClass().add("badge");
      badge.setTooltip(badgeTip);
      badge.setId("badge-" + element.id());
      badge.relocate(getPrefWidth() - 10, -8);
      if (detailed) {
        getChildren().add(badge);
      }
    }
    this.worst = shown ? worst : null;
    markBox();
    badge.setVisible(shown);
    badge.pseudoClassStateChanged(CanvasStyles.ERROR, worst == Severity.ERROR);
    badge.pseudoClassStateChanged(CanvasStyles.WARNING, worst == Severity.WARNING);
    badgeTip.setText(messages);
    badge.toFront();
  }

  public boolean hasBadge() {
    return badge != null && badge.isVisible();
  }

  public String badgeText() {
    return badgeTip == null ? "" : badgeTip.getText();
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
