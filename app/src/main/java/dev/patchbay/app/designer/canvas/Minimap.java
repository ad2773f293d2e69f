package dev.patchbay.app.designer.canvas;

import dev.patchbay.app.designer.document.DocumentViewModel;
import dev.patchbay.model.topology.ElementKind;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A small picture of the whole design in a corner of the canvas, with the part the view shows
 * outlined; pressing or dragging on it centres the view there. The picture is painted again once
 * per edit (in the layout pass after it), not per frame: a pan moves only the outline.
 */
public final class Minimap extends Region {
  public static final double WIDTH = 220;
  public static final double HEIGHT = 150;
  private static final double INSET = 6;
  private static final Color GUEST = Color.web("#4a86c5");
  private static final Color DEVICE = Color.web("#7d8590");
  private static final Color OUTSIDE = Color.web("#3f9a5a");
  private static final Color WIRE = Color.web("#9aa4ae");
  private final CanvasView canvas;
  private final Canvas picture = new Canvas(WIDTH, HEIGHT);
  private final Rectangle view = new Rectangle();
  /** Canvas units to minimap pixels: x' = (x - originX) * scale + offsetX. */
  private double scale = 1;
  private double originX;
  private double originY;
  private boolean stale = true;
  /** View > Minimap; an empty design shows none whatever this says. */
  private final javafx.beans.property.BooleanProperty wanted = new javafx.beans.property.SimpleBooleanProperty(true);
  private final DocumentViewModel document;

  public Minimap(CanvasView canvas, DocumentViewModel document) {
    this.canvas = canvas;
    this.document = document;
    setId("minimap");
    getStyleClass().add("minimap");
    setPrefSize(WIDTH, HEIGHT);
    setMinSize(WIDTH, HEIGHT);
    setMaxSize(WIDTH, HEIGHT);
    view.setId("minimapView");
    view.getStyleClass().add("minimap-view");
    view.setManaged(false);
    view.setMouseTransparent(true);
    getChildren().addAll(picture, view);
    document.addEditListener(this::stale);
    document.addReplaceListener(t -> stale());
    stale();
    canvas.addViewListener(o -> showView());
    wanted.addListener(o -> stale());
    setOnMousePressed(this::moveView);
    setOnMouseDragged(this::moveView);
  }

  /** Whether the user wants the minimap (View > Minimap). */
  public javafx.beans.property.BooleanProperty wantedProperty() {
    return wanted;
  }

  private void stale() {
    setVisible(wanted.get() && !document.topology().elements().isEmpty());
    stale = true;
    requestLayout();
  }

  @Override
  protected void layoutChildren() {
    if (stale && isVisible()) {
      stale = false;
      paint();
      showView();
    }
  }

  /** Where a point of the minimap (its own pixels) is on the canvas, in canvas units. */
  public Point2D toCanvas(double x, double y) {
    return new Point2D(originX + (x - INSET) / scale, originY + (y - INSET) / scale);
  }

  private void moveView(MouseEvent e) {
    canvas.centreAt(toCanvas(e.getX(), e.getY()));
    e.consume();
  }

  private void paint() {
    GraphicsContext g = picture.getGraphicsContext2D();
    g.clearRect(0, 0, WIDTH, HEIGHT);
    Bounds all = canvas.contentBounds();
    if (all == null) {
      return;
    }
    scale = Math.min((WIDTH - 2 * INSET) / all.getWidth(), (HEIGHT - 2 * INSET) / all.getHeight());
    // Centred in the minimap: the origin moves back by the unused room, in canvas units.
    originX = all.getMinX() - ((WIDTH - 2 * INSET) / scale - all.getWidth()) / 2;
    originY = all.getMinY() - ((HEIGHT - 2 * INSET) / scale - all.getHeight()) / 2;
    g.setStroke(WIRE);
    g.setLineWidth(0.5);
    for (LinkView l : canvas.links()) {
      NodeView a = canvas.node(l.link().a().element());
      NodeView b = canvas.node(l.link().b().element());
      if (a != null && b != null) {
        g.strokeLine(x(centreX(a)), y(centreY(a)), x(centreX(b)), y(centreY(b)));
      }
    }
    for (NodeView n : canvas.nodes()) {
      g.setFill(colour(n.element().kind()));
      g.fillRect(x(n.drawnX()), y(n.drawnY()), Math.max(1.5, n.getPrefWidth() * scale),
          Math.max(1.5, n.getPrefHeight() * scale));
    }
  }

  private static Color colour(ElementKind kind) {
    return switch (kind) {
      case GUEST -> GUEST;
      case LAN, INTERNET -> OUTSIDE;
      default -> DEVICE;
    };
  }

  private static double centreX(NodeView n) {
    return n.drawnX() + n.getPrefWidth() / 2;
  }

  private static double centreY(NodeView n) {
    return n.drawnY() + n.getPrefHeight() / 2;
  }

  private double x(double canvasX) {
    return (canvasX - originX) * scale + INSET;
  }

  private double y(double canvasY) {
    return (canvasY - originY) * scale + INSET;
  }

  /** The outline of what the view shows, kept inside the minimap. */
  private void showView() {
    Bounds shown = canvas.viewArea();
    double x0 = clamp(x(shown.getMinX()), WIDTH);
    double y0 = clamp(y(shown.getMinY()), HEIGHT);
    double x1 = clamp(x(shown.getMaxX()), WIDTH);
    double y1 = clamp(y(shown.getMaxY()), HEIGHT);
    view.setX(x0);
    view.setY(y0);
    view.setWidth(Math.max(2, x1 - x0));
    view.setHeight(Math.max(2, y1 - y0));
  }

  private static double clamp(double v, double max) {
    return Math.max(0, Math.min(max - 1, v));
  }
}
