package dev.patchbay.app.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One line of the benchmark table: repeated samples of one figure (their min / median / max), the
 * goal it is held to, and a note saying what was measured or what limits it on this machine.
 */
record Row(String name, double[] samples, String unit, double goal, boolean lowerIsBetter, String note) {
  static Row of(String name, double[] samples, String unit, double goal, String note) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    Row r = new Row(name, sorted, unit, goal, true, note);
    System.err.println("measured: " + r.name() + " = " + r.figure() + " [" + r.verdict() + "]");
    return r;
  }

  /** A figure measured once (or already aggregated elsewhere). */
  static Row single(String name, double value, String unit, double goal, String note) {
    return of(name, new double[] {value}, unit, goal, note);
  }

  /** A row that could not be measured here; its note says why. */
  static Row skipped(String name, String unit, double goal, String why) {
    return new Row(name, new double[0], unit, goal, true, why);
  }

  double median() {
    return samples.length == 0 ? Double.NaN : samples[samples.length / 2];
  }

  String verdict() {
    if (samples.length == 0) {
      return "n/a";
    }
    if (Double.isNaN(goal)) {
      return "info";
    }
    return median() <= goal ? "meets" : "MISSES";
  }

  String figure() {
    if (samples.length == 0) {
      return "-";
    }
    if (samples.length == 1) {
      return fmt(samples[0]) + " " + unit;
    }
    return String.format(Locale.ROOT, "%s %s (min %s, max %s, n=%d)", fmt(median()), unit, fmt(samples[0]),
        fmt(samples[samples.length - 1]), samples.length);
  }

  String goalText() {
    return Double.isNaN(goal) ? "-" : "<= " + fmt(goal) + " " + unit;
  }

  static String fmt(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }
}
