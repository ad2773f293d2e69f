package dev.patchbay.app.bench;

/** Warmed-up repetitions of a piece of work, timed one by one in milliseconds of wall time. */
final class Timing {
  /** A piece of work that may throw (file I/O). */
  interface Work {
    void run() throws Exception;
  }

  private Timing() {}

  static double[] millis(int warmups, int runs, Work work) throws Exception {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }
}
