package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * The character grid the router works on: which box owns each cell (innermost first), whether the
 * cell is a border, a corner, a label or free, and which directions lines leave it in. A cell's
 * line directions are bits: {@link #N}, {@link #E}, {@link #S}, {@link #W}.
 */
final class CellGrid {
  static final int N = 1;
  static final int E = 2;
  static final int S = 4;
  static final int W = 8;
  static final int[] BIT = {N, E, S, W};
  static final int[] DX = {0, 1, 0, -1};
  static final int[] DY = {-1, 0, 1, 0};

  static final byte FREE = 0;
  static final byte INTERIOR = 1;
  static final byte BORDER_H = 2;
  static final byte BORDER_V = 3;
  static final byte CORNER = 4;
  static final byte LABEL = 5;

  final int width;
  final int height;
  final List<Box> boxes = new ArrayList<>();
  final int[] parent;
  final int[] owner;
  final byte[] kind;
  final byte[] lines;
  final boolean[] near;

  CellGrid(List<Box> topLevel, int width, int height) {
    this.width = width;
    this.height = height;
    for (Box b : topLevel) {
      collect(b);
    }
    parent = new int[boxes.size()];
    for (int i = 0; i < boxes.size(); i++) {
      parent[i] = boxes.indexOf(boxes.get(i).parent());
    }
    owner = new int[width * height];
    java.util.Arrays.fill(owner, -1);
    kind = new byte[width * height];
    lines = new byte[width * height];
    near = new boolean[width * height];
    for (int i = 0; i < boxes.size(); i++) {
      mark(i);
    }
  }

  private void collect(Box b) {
    boxes.add(b);
    for (Box c : b.children()) {
      collect(c);
    }
  }

  int index(Box b) {
    return boxes.indexOf(b);
  }

  int cell(int x, int y) {
    return y * width + x;
  }

  boolean inside(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height;
  }

  /** Parents come before children in {@link #boxes}, so a child's cells overwrite its parent's. */
  private void mark(int i) {
    Box b = boxes.get(i);
    for (int y = b.y; y <= b.bottom(); y++) {
      for (int x = b.x; x <= b.right(); x++) {
        boolean hEdge = y == b.y || y == b.bottom();
        boolean vEdge = x == b.x || x == b.right();
        int c = cell(x, y);
        owner[c] = i;
        kind[c] = hEdge && vEdge ? CORNER : hEdge ? BORDER_H : vEdge ? BORDER_V : INTERIOR;
        if (hEdge || vEdge) {
          markNear(x, y);
        }
      }
    }
    if (b.container()) {
      // A reader takes a container's whole first row for its title: no line may run there.
      for (int x = b.x + 1; x < b.right(); x++) {
        if (kind[cell(x, b.y + 1)] == INTERIOR) {
          kind[cell(x, b.y + 1)] = LABEL;
        }
      }
      markLabels(b.lines(), b.x + 2, b.y + 1);
      markLabels(b.footer(), b.x + 2, b.bottom() - b.footer().size());
    }
  }

  private void markNear(int x, int y) {
    for (int d = 0; d < 4; d++) {
      int nx = x + DX[d];
      int ny = y + DY[d];
      if (inside(nx, ny)) {
        near[cell(nx, ny)] = true;
      }
    }
  }

  /** A label and one cell around it are off limits, so no line touches the text. */
  private void markLabels(List<String> texts, int x0, int y0) {
    for (int i = 0; i < texts.size(); i++) {
      int len = DiagramText.width(texts.get(i));
      for (int y = y0 + i - 1; y <= y0 + i + 1; y++) {
        for (int x = x0 - 1; x <= x0 + len; x++) {
          if (inside(x, y) && kind[cell(x, y)] == INTERIOR) {
            kind[cell(x, y)] = LABEL;
          }
        }
      }
    }
  }

  /** Whether two lines cross somewhere outside every border. */
  boolean hasCrossing() {
    for (int c = 0; c < lines.length; c++) {
      if ((kind[c] == FREE || kind[c] == INTERIOR) && crossing(lines[c])) {
        return true;
      }
    }
    return false;
  }

  /** The directions a reader would think this cell joins, from the character it will show. */
  int looksJoined(int c) {
    int m = lines[c];
    return switch (kind[c]) {
      case BORDER_H -> m == 0 ? (E | W) : 15;
      case BORDER_V -> m == 0 ? (N | S) : 15;
      case CORNER -> 15;
      case FREE, INTERIOR -> shapeOf(m);
      default -> 0;
    };
  }

  /** A straight line shows as '-' or '|' and joins only along itself; anything else shows '+'. */
  static int shapeOf(int mask) {
    if (mask == 0) {
      return 0;
    }
    if ((mask & (N | S)) == 0) {
      return E | W;
    }
    if ((mask & (E | W)) == 0) {
      return N | S;
    }
    return 15;
  }

  /**
   * Two lines crossing straight, which do not join: drawn as the vertical line running through
   * the horizontal one ('-|-'), never as '+', which a reader takes for a junction. Lines only ever
   * meet this way (each line runs from one box to another), so four arms always mean a crossing.
   */
  static boolean crossing(int mask) {
    return mask == 15;
  }

  /** A free cell that shows '+': a bend. */
  static boolean showsBend(int mask) {
    return shapeOf(mask) == 15 && !crossing(mask);
  }

  static int opposite(int d) {
    return (d + 2) & 3;
  }
}
