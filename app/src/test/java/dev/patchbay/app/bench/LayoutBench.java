package dev.patchbay.app.bench;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.importer.AutoLayout;
import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The automatic layout's rows: generated designs laid out from scratch (Arrange > Auto Layout, patchbay layout). */
final class LayoutBench {
  private static final long SEED = 42;

  private LayoutBench() {}

  static List<Row> run() throws Exception {
    return List.of(row(500, 3, 11, 1000), row(2000, 2, 7, Double.NaN));
  }

  private static Row row(int size, int warmups, int runs, double goal) throws Exception {
    Topology t = TopologyGenerator.generate(size, SEED);
    // ELK lays out on the calling thread alone: its CPU time is the figure a busy machine cannot inflate.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> cpu = new ArrayList<>();
    double[] ms = Timing.millis(warmups, runs, () -> {
      long before = threads.getCurrentThreadCpuTime();
      AutoLayout.apply(t);
      cpu.add((threads.getCurrentThreadCpuTime() - before) / 1e6);
    });
    List<Double> measured = new ArrayList<>(cpu.subList(warmups, cpu.size()));
    measured.sort(null);
    int overlaps = overlaps(t);
    return Row.of("automatic layout (ELK layered), " + size + " elements", ms, "ms", goal,
        t.elements().size() + " elements, " + t.links().size() + " links, host and bridge boxes as compound nodes; "
            + (overlaps == 0 ? "no two boxes overlap" : overlaps + " pairs of boxes OVERLAP") + "; CPU time of the"
            + " laying-out thread " + Row.fmt(measured.get(measured.size() / 2)) + " ms (min " + Row.fmt(measured.get(0))
            + ")");
  }

  /** Pairs of element boxes that overlap, swept left to right. */
  static int overlaps(Topology t) {
    List<Element> byX = new ArrayList<>(t.elements());
    byX.sort(Comparator.comparingDouble(e -> at(t, e).x()));
    int found = 0;
    for (int i = 0; i < byX.size(); i++) {
      Element a = byX.get(i);
      Point p = at(t, a);
      for (int j = i + 1; j < byX.size() && at(t, byX.get(j)).x() < p.x() + Geometry.width(a); j++) {
        Element b = byX.get(j);
        Point q = at(t, b);
        if (q.y() < p.y() + Geometry.height(a) && p.y() < q.y() + Geometry.height(b)) {
          found++;
        }
      }
    }
    return found;
  }

  private static Point at(Topology t, Element e) {
    return t.position(e.id()).orElseThrow();
  }
}
