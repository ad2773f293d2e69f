package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Bridge;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;

/**
 * The host, drawn as the classic QEMU notes draw it: a box around its interfaces (uplinks, bridges, taps), with
 * an inner box around each bridge and the interfaces enslaved to it. Derived from the node views'
 * places, so it follows a drag as it happens.
 */
public final class HostContainerView extends Group {
  private static final double PAD = Geometry.HOST_PAD;
  private static final double TITLE = Geometry.HOST_TITLE;
  private static final double BRIDGE_PAD = Geometry.BRIDGE_PAD;
  /** A bridge box's side in an overview, in canvas units: 1-2.5 px between 20% and 50% zoom. */
  private static final double EDGE = 5;

  public HostContainerView() {
    settings.getStyleClass().add("host-settings");
    settings.setWrapText(true);
    name.getStyleClass().add("host-title");
    setId("host");
    setMouseTransparent(true);
  }

  private final Label settings = new Label();
  private final Label name = new Label("HOST");
  private double settingsWidth = -1;
  private double settingsHeight;
  /** A measurement taken before the label had a scene (and so its style) is not to be trusted later. */
  private boolean measuredStyled;
  /** Rectangles drawn before, by style, reused by the next refresh; how many of each it has used. */
  private final Map<String, List<Rectangle>> pool = new java.util.HashMap<>();
  private final Map<String, Integer> used = new java.util.HashMap<>();
  /** Plain outlines in an overview (see patchbay.css); the caller refreshes. */
  private boolean overview;

  public void setOverview(boolean on) {
    overview = on;
  }

  /**
   * Draws the boxes again from the nodes' places. The rectangles of the previous refresh are reused
   * (moved, not made anew): every edit refreshes the host, and ~350 new shapes each time were styled
   * from scratch in the next pulse.
   */
  public void refresh(Topology t, Map<String, NodeView> nodes) {
    used.clear();
    List<NodeView> members = t.elements().stream().filter(Element::isHostInterface)
        .map(e -> nodes.get(e.id())).filter(n -> n != null).toList();
    if (members.isEmpty()) {
      getChildren().clear();
      return;
    }
    List<javafx.scene.Node> shown = new ArrayList<>();
    Bounds all = union(members);
    double width = all.getWidth() + 2 * PAD;
    if (settings.getParent() == null) {
      getChildren().add(settings); // styled before it is measured
    }
    measureSettings(Geometry.hostSummary(t.host()), width - 24);
    double title = TITLE + settingsHeight;
    Rectangle box = shape("host-box", all.getMinX() - PAD, all.getMinY() - PAD - title, width,
        all.getHeight() + 2 * PAD + title);
    name.relocate(box.getX() + 12, box.getY() + 8);
    settings.relocate(box.getX() + 12, box.getY() + 30);
    shown.add(box);
    shown.add(settings);
    shown.add(name);
    t.elementsOf(Bridge.class).forEach(b -> bridgeBox(t, b, nodes, shown));
    if (!getChildren().equals(shown)) {
      getChildren().setAll(shown);
    }
  }

  /** Styles and measures the settings line only when its text or width changed (not every drag frame). */
  private void measureSettings(String text, double width) {
    if (text.equals(settings.getText()) && width == settingsWidth && measuredStyled) {
      return;
    }
    settings.setText(text);
    settings.setPrefWidth(width);
    settings.applyCss();
    settingsWidth = width;
    settingsHeight = settings.prefHeight(width);
    measuredStyled = settings.getScene() != null;
  }

  private void bridgeBox(Topology t, Bridge b, Map<String, NodeView> nodes, List<javafx.scene.Node> shown) {
    List<NodeView> group = new ArrayList<>();
    group.add(nodes.get(b.id()));
    for (Link l : t.linksOf(b.id())) {
      NodeView other = nodes.get(l.other(b.id()).element());
      if (other != null && other.element().isHostInterface()) {
        group.add(other);
      }
    }
    if (group.size() > 1 && group.get(0) != null) {
      Bounds u = union(group);
      double x = u.getMinX() - BRIDGE_PAD;
      double y = u.getMinY() - BRIDGE_PAD;
      double w = u.getWidth() + 2 * BRIDGE_PAD;
      double h = u.getHeight() + 2 * BRIDGE_PAD;
      if (overview) {
        edges(x, y, w, h, shown);
      } else {
        shown.add(shape("bridge-box", x, y, w, h));
      }
    }
  }

  private static Bounds union(List<NodeView> views) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (NodeView n : views) {
      double x = n.drawnX();
      double y = n.drawnY();
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x + n.getPrefWidth());
      maxY = Math.max(maxY, y + n.getPrefHeight());
    }
    return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
  }

  /**
   * A bridge box in an overview: its four sides as thin filled rectangles. Stroked, a tall box is
   * rasterized row by row across its whole width, and a large design's dozens of bridge boxes
   * overlap in one column of host interfaces; four thin fills touch only their own pixels.
   */
  private void edges(double x, double y, double w, double h, List<javafx.scene.Node> shown) {
    double t = EDGE;
    shown.add(shape("bridge-edge", x, y, w, t));
    shown.add(shape("bridge-edge", x, y + h - t, w, t));
    shown.add(shape("bridge-edge", x, y, t, h));
    shown.add(shape("bridge-edge", x + w - t, y, t, h));
  }

  /** The next unused rectangle of this style (rounded and dashed by the style sheet, plain in an overview). */
  private Rectangle shape(String style, double x, double y, double w, double h) {
    List<Rectangle> list = pool.computeIfAbsent(style, k -> new ArrayList<>());
    int i = used.merge(style, 1, Integer::sum) - 1;
    if (i == list.size()) {
      Rectangle r = new Rectangle();
      r.getStyleClass().add(style);
      list.add(r);
    }
    Rectangle r = list.get(i);
    r.setX(x);
    r.setY(y);
    r.setWidth(w);
    r.setHeight(h);
    r.pseudoClassStateChanged(CanvasStyles.OVERVIEW, overview);
    return r;
  }
}
