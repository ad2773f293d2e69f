package dev.patchbay.app.designer.canvas;

import java.util.Collection;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.CacheHint;
import javafx.util.Duration;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/** Zoom and pan of the drawing: a translate and a scale on one pane, plus the dot grid behind it. */
public abstract class Viewport extends Region {
  /**
   * How far the wheel and Zoom Out go: a 2,000-element file without a layout (a column ~56,000
   * units tall) is shown whole a little above it; an overview that far out is boxes of a pixel.
   */
  private static final double MIN_ZOOM = 0.01;
  /**
   * Fit goes further when it must: ELK lays 2,000 elements out as a few layers of hundreds of boxes
   * each, ~150,000 units tall. Zooming in from there works as from anywhere.
   */
  private static final double MIN_FIT_ZOOM = 0.0005;
  /** Room left around the design by Fit and by centring, in view pixels (less in a tiny window). */
  private static final double MARGIN = 60;
  private static final double MAX_ZOOM = 4;
  private static final double MAX_CACHE_PIXELS = 4096.0 * 4096.0;
  /**
   * Below this zoom the drawing is an overview (see {@link #overviewChanged}): a 13 px name is
   * under 6.5 px tall there, too small to read, and a port too small to aim at.
   */
  public static final double OVERVIEW_ZOOM = 0.5;
  private final Pane drawing = new Pane();
  private final GridView grid = new GridView();

  private final Translate pan = new Translate();
  private final Scale zoom = new Scale(1, 1);
  private final PauseTransition settle = new PauseTransition(Duration.millis(250));
  private boolean fitPending;
  private boolean gridWanted = true;
  private boolean overview;
  /** Set when the overview switched during this movement: no bitmap until the view settles. */
  private boolean uncachedUntilSettled;

  protected Viewport() {
    drawing.getTransforms().addAll(pan, zoom);
    drawing.setPickOnBounds(false);
    drawing.setManaged(false);
    getChildren().addAll(grid, drawing);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    pan.xProperty().addListener(o -> viewMoved());
    pan.yProperty().addListener(o -> viewMoved());
    zoom.xProperty().addListener(o -> viewMoved());
    settle.setOnFinished(e -> {
      drawing.setCache(false);
      uncachedUntilSettled = false;
      viewSettled();
    });
  }

  /**
   * While the view pans or zooms the drawing is painted once into a bitmap and that bitmap is moved
   * and scaled (a frame of 2,000 nodes and 3,000 wires painted in software took far over 16 ms);
   * shortly after the last step it is painted crisp again. Crossing {@link #OVERVIEW_ZOOM} switches
   * the drawing between full detail and overview.
   */
  private void viewMoved() {
    boolean over = zoom.getX() < OVERVIEW_ZOOM;
    if (over != overview) {
      overview = over;
      grid.setVisible(gridWanted && !overview);
      // The drawing changes its looks: a bitmap of it would be painted again at the new zoom, and
      // zoomed in, a bitmap of all of a large design is gigabytes (a 19 s frame was measured).
      drawing.setCache(false);
      uncachedUntilSettled = true;
      overviewChanged(overview);
    }
    redrawGrid();
    // Decided once when the view starts moving and kept until it settles: switching the cache on
    // and off mid-zoom re-painted the whole drawing each time.
    if (!drawing.isCache() && !uncachedUntilSettled && cacheFits()) {
      drawing.setCacheHint(CacheHint.SPEED);
      drawing.setCache(true);
    }
    settle.playFromStart();
  }

  /**
   * Whether a bitmap of the whole drawing at this zoom stays within {@link #MAX_CACHE_PIXELS}. The
   * bitmap covers the whole drawing, not just the window: zoomed into a large design it would take
   * gigabytes. Past this size the drawing is painted as it is (zoomed in, most of it lies outside
   * the window and is culled anyway). An overview is painted as it is too: it is cheap to paint
   * (its visible part), while a bitmap means painting all of it first.
   */
  private boolean cacheFits() {
    return !overview && cachePixels() <= MAX_CACHE_PIXELS;
  }

  /**
   * By the x scale alone: a zoom step sets x, then y, and a listener of x that read y took the
   * scale before the step (a bitmap 3x over the bound was made that way).
   */
  private double cachePixels() {
    Bounds b = drawing.getBoundsInLocal();
    return b.getWidth() * b.getHeight() * zoom.getX() * zoom.getX();
  }

  /**
   * The dot grid helps placing things but has no place in an exported picture. An overview hides it
   * too: its dots no longer mark the snap steps there, and in software rendering a pattern over the
   * whole view costs ~6 ms of every frame that repaints the view.
   */
  public void setGridVisible(boolean on) {
    gridWanted = on;
    grid.setVisible(on && !overview);
    redrawGrid();
  }

  /** Whether the drawing is an overview now (zoomed out below {@link #OVERVIEW_ZOOM}). */
  public boolean isOverview() {
    return overview;
  }

  /**
   * Zoomed out past {@link #OVERVIEW_ZOOM} (or back in): the subclass draws its content in less or
   * full detail. Called during the zoom step, before the frame that shows it.
   */
  protected abstract void overviewChanged(boolean on);

  /** The view stopped moving (250 ms after the last pan or zoom step) and is painted crisp again. */
  protected void viewSettled() {}

  protected Pane drawing() {
    return drawing;
  }

  protected abstract Collection<NodeView> contentNodes();

  @Override
  protected void layoutChildren() {
    grid.resizeRelocate(0, 0, getWidth(), getHeight());
    redrawGrid();
    if (fitPending && getWidth() > 0) {
      fitPending = false;
      fitToWindow();
    }
  }

  /** Only a shown grid follows the view: an overview's pan made a new pattern per step for nothing. */
  private void redrawGrid() {
    if (!grid.isVisible()) {
      return;
    }
    grid.draw(getWidth(), getHeight(), pan.getX(), pan.getY(), zoom.getX());
  }

  /** A point in the view's own pixels to canvas units. */
  public Point2D toCanvas(Point2D local) {
    return new Point2D((local.getX() - pan.getX()) / zoom.getX(), (local.getY() - pan.getY()) / zoom.getY());
  }

  /** The part of the drawing the view shows now, in canvas units. */
  protected Bounds shownArea() {
    Point2D a = toCanvas(Point2D.ZERO);
    Point2D b = toCanvas(new Point2D(getWidth(), getHeight()));
    return new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
  }

  public double zoomFactor() {
    return zoom.getX();
  }

  /** Zooms by a factor keeping the canvas point under {@code pivot} (view pixels) in place. */
  public void zoomBy(double factor, Point2D pivot) {
    double next = Math.max(Math.min(MIN_ZOOM, zoom.getX()), Math.min(MAX_ZOOM, zoom.getX() * factor));
    double k = next / zoom.getX();
    pan.setX(pivot.getX() - (pivot.getX() - pan.getX()) * k);
    pan.setY(pivot.getY() - (pivot.getY() - pan.getY()) * k);
    zoom.setX(next);
    zoom.setY(next);
  }

  public Point2D panOffset() {
    return new Point2D(pan.getX(), pan.getY());
  }

  public void setPanOffset(Point2D p) {
    pan.setX(p.getX());
    pan.setY(p.getY());
  }

  /** Fits the whole design in the window, enlarging at most a little so labels stay crisp. */
  public void fitToWindow() {
    show(contentBounds(), 1.2);
  }

  /** Everything the drawing shows (nodes, the host box, notes), in canvas units; null when nothing. */
  public Bounds contentBounds() {
    Bounds nodes = bounds(contentNodes());
    Bounds other = otherContent();
    return NotesLayer.union(nodes, other);
  }

  /** The zoom as it changes (1 is 100%). */
  public javafx.beans.value.ObservableDoubleValue zoomValue() {
    return zoom.xProperty();
  }

  /** Called whenever the shown area changes: a pan, a zoom or a new size of the view. */
  public void addViewListener(javafx.beans.InvalidationListener l) {
    pan.xProperty().addListener(l);
    pan.yProperty().addListener(l);
    zoom.xProperty().addListener(l);
    widthProperty().addListener(l);
    heightProperty().addListener(l);
  }

  /** The part of the drawing the view shows now, in canvas units. */
  public Bounds viewArea() {
    return shownArea();
  }

  /** Pans (keeping the zoom) so the canvas point is in the middle of the view. */
  public void centreAt(Point2D canvasPoint) {
    pan.setX(getWidth() / 2 - canvasPoint.getX() * zoom.getX());
    pan.setY(getHeight() / 2 - canvasPoint.getY() * zoom.getY());
  }

  /**
   * Before a new document's nodes are made: zooms to where Fit will put them, so a large design's
   * nodes are made as an overview and never styled in full detail first. Before the window has a
   * size, {@code guess} stands in for it.
   */
  protected void fitAhead(Bounds content, javafx.geometry.Dimension2D guess) {
    if (content != null) {
      double w = getWidth() > 0 ? getWidth() : guess.getWidth();
      double h = getWidth() > 0 ? getHeight() : guess.getHeight();
      show(content, 1.2, w, h);
    }
  }

  /** What the drawing shows besides its nodes (the host box, notes), in canvas units; null when nothing. */
  protected Bounds otherContent() {
    return null;
  }

  /** Fits once the view has a size (a freshly opened document in a window not shown yet). */
  protected void fitLater() {
    if (getWidth() > 0) {
      fitToWindow();
    } else {
      fitPending = true;
      Platform.runLater(this::requestLayout);
    }
  }

  /** Centres the nodes in the view, zooming out if they do not fit. */
  public void centreOn(Collection<NodeView> nodes) {
    if (!nodes.isEmpty()) {
      show(bounds(nodes), zoom.getX());
    }
  }

  /** Centres the area (canvas units) in the view, zooming out if it does not fit. */
  protected void centreOn(Bounds area) {
    show(area, zoom.getX());
  }

  private void show(Bounds b, double maxZoom) {
    if (b != null && getWidth() > 0) {
      show(b, maxZoom, getWidth(), getHeight());
    }
  }

  private void show(Bounds b, double maxZoom, double w, double h) {
    double margin = Math.min(MARGIN, Math.min(w, h) / 10);
    double fit = Math.min((w - 2 * margin) / Math.max(1, b.getWidth()), (h - 2 * margin) / Math.max(1, b.getHeight()));
    double z = Math.max(MIN_FIT_ZOOM, Math.min(maxZoom, fit));
    zoom.setX(z);
    zoom.setY(z);
    pan.setX(w / 2 - (b.getMinX() + b.getWidth() / 2) * z);
    pan.setY(h / 2 - (b.getMinY() + b.getHeight() / 2) * z);
  }

  /** The canvas-unit bounds of the nodes, with room for the host box's title; null when none. */
  static Bounds bounds(Collection<NodeView> nodes) {
    if (nodes.isEmpty()) {
      return null;
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (NodeView n : nodes) {
      minX = Math.min(minX, n.getLayoutX());
      minY = Math.min(minY, n.getLayoutY());
      maxX = Math.max(maxX, n.getLayoutX() + n.getPrefWidth());
      maxY = Math.max(maxY, n.getLayoutY() + n.getPrefHeight());
    }
    return new BoundingBox(minX - 30, minY - 60, maxX - minX + 60, maxY - minY + 90);
  }
}
