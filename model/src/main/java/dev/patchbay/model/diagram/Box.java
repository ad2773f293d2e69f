package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rectangle of the text diagram: an element with its labels, or a container (the host, a bridge)
 * whose interior holds other boxes and may carry lines. Coordinates are character cells; a box
 * covers x..x+w-1 and y..y+h-1, its border included.
 */
public final class Box {
  private final String elementId;
  private final List<String> lines;
  private final List<String> footer;
  private final Map<String, Integer> portRows = new LinkedHashMap<>();
  private final List<Box> children = new ArrayList<>();
  private final boolean container;
  private Box parent;
  private int anchor = 1;
  int x;
  int y;
  int w;
  int h;

  Box(String elementId, List<String> lines, List<String> footer, boolean container) {
    this.elementId = elementId;
    this.lines = List.copyOf(lines);
    this.footer = List.copyOf(footer);
    this.container = container;
  }

  static Box leaf(String elementId, List<String> lines) {
    Box b = new Box(elementId, lines, List.of(), false);
    b.w = widest(lines) + 4;
    b.h = lines.size() + 2;
    return b;
  }

  static int widest(List<String> texts) {
    return texts.stream().mapToInt(DiagramText::width).max().orElse(0);
  }

  /** The element drawn by this box, or null for the host. */
  public String elementId() {
    return elementId;
  }

  /** Label lines from the top of the interior; the first is the title. */
  public List<String> lines() {
    return lines;
  }

  /** Label lines at the bottom of a container's interior. */
  public List<String> footer() {
    return footer;
  }

  public boolean container() {
    return container;
  }

  public Box parent() {
    return parent;
  }

  public List<Box> children() {
    return children;
  }

  void add(Box child) {
    child.parent = this;
    children.add(child);
  }

  /** Row (relative to y) where a link to the named port attaches, if the port has a row. */
  public Integer portRow(String port) {
    return port == null ? null : portRows.get(port);
  }

  void putPort(String port, int row) {
    portRows.put(port, row);
  }

  /** The row lines to this box line up with when the link names no port: the title's, unless moved. */
  int anchorRow(String port) {
    Integer r = portRow(port);
    return r == null ? anchor : r;
  }

  /** Lines with no port line up with this row instead of the title's, keeping the title's free. */
  void anchorAt(int row) {
    anchor = row;
  }

  public int x() {
    return x;
  }

  public int y() {
    return y;
  }

  public int width() {
    return w;
  }

  public int height() {
    return h;
  }

  int right() {
    return x + w - 1;
  }

  int bottom() {
    return y + h - 1;
  }

  void moveBy(int dx, int dy) {
    x += dx;
    y += dy;
    for (Box c : children) {
      c.moveBy(dx, dy);
    }
  }

  @Override
  public String toString() {
    return (elementId == null ? "HOST" : elementId) + "@" + x + "," + y + " " + w + "x" + h;
  }
}
