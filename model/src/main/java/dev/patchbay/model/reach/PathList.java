package dev.patchbay.model.reach;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A walk's path as the answer keeps it: the array the walk filled, never written again, seen as an
 * unmodifiable list (equal to, hashed and printed like any list of the same nodes). A matrix keeps
 * a path per answer; growing an ArrayList and copying it into an immutable one was a fifth of the
 * matrix's time and most of its garbage.
 */
final class PathList extends AbstractList<String> implements RandomAccess {
  private final String[] nodes;
  private final int size;

  private PathList(String[] nodes, int size) {
    this.nodes = nodes;
    this.size = size;
  }

  /** Filled by one walk: append until {@link #done}. */
  static final class Builder {
    private String[] nodes = new String[12];
    private int size;
    private boolean done;

    void add(String node) {
      if (done) {
        throw new IllegalStateException("the path is already an answer's");
      }
      if (size == nodes.length) {
        nodes = Arrays.copyOf(nodes, size * 2);
      }
      nodes[size++] = node;
    }

    String last() {
      return size == 0 ? null : nodes[size - 1];
    }

    boolean isEmpty() {
      return size == 0;
    }

    /** The path from now on: the builder takes no more nodes, the array is the list's alone. */
    List<String> done() {
      done = true;
      // Trimmed: a matrix keeps a path per answer (most have 7-9 nodes).
      return new PathList(size == nodes.length ? nodes : Arrays.copyOf(nodes, size), size);
    }
  }

  /** Keeps a path list as it is, or copies any other list into an unmodifiable one. */
  static List<String> copyOf(List<String> path) {
    return path instanceof PathList ? path : List.copyOf(path);
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return nodes[index];
  }

  @Override
  public int size() {
    return size;
  }
}
