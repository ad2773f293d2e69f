package dev.patchbay.model.diagram;

import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Topology;
import java.util.Arrays;

/**
 * How long the ASCII export of a large topology takes (goal: 200 elements in under 200 ms). Not
 * a test: timings on a shared machine make poor assertions. Run with
 * {@code java -cp model/target/classes:model/target/test-classes:<jackson> dev.patchbay.model.diagram.AsciiExportBenchmark [elements] [runs]}.
 */
public final class AsciiExportBenchmark {
  private AsciiExportBenchmark() {}

  public static void main(String[] args) {
    int elements = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Topology t = TopologyGenerator.generate(elements, 42);
    String text = "";
    for (int i = 0; i < 5; i++) {
      text = TextDiagram.render(t, Charset.ASCII, 100);
    }
    // CPU time too: on a machine shared with other builds, wall time mostly measures the others.
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    double[] ms = new double[runs];
    double[] cpuMs = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      long startCpu = cpu.getCurrentThreadCpuTime();
      text = TextDiagram.render(t, Charset.ASCII, 100);
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpuMs[i] = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpuMs);
    System.out.printf("ASCII export of %d elements, %d links: wall median %.1f ms (min %.1f, max %.1f),"
        + " CPU median %.1f ms, over %d runs (%d lines, %d columns)%n", t.elements().size(), t.links().size(),
        ms[runs / 2], ms[0], ms[runs - 1], cpuMs[runs / 2], runs, text.lines().count(), TextDiagram.widest(text));
  }
}
