package dev.patchbay.model.diagram;

import java.util.HashMap;
import java.util.Map;

/** Sets of wire nodes joined into nets (union-find with path compression). */
final class UnionFind {
  private final Map<Long, Long> parent = new HashMap<>();

  long find(long n) {
    long p = n;
    while (parent.containsKey(p)) {
      p = parent.get(p);
    }
    if (p != n) {
      parent.put(n, p);
    }
    return p;
  }

  void union(long a, long b) {
    long ra = find(a);
    long rb = find(b);
    if (ra != rb) {
      parent.put(ra, rb);
    }
  }
}
