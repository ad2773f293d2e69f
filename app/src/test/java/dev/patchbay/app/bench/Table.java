package dev.patchbay.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The benchmark table, printed as Markdown so it can be pasted into app/PERFORMANCE.md as it is. */
final class Table {
  private final List<Row> rows = new ArrayList<>();

  void add(Row r) {
    rows.add(r);
  }

  void addAll(List<Row> more) {
    more.forEach(this::add);
  }

  void print(PrintStream out) {
    out.println("| row | measured: median (min, max, runs) | goal | verdict | note |");
    out.println("|---|---|---|---|---|");
    for (Row r : rows) {
      out.println("| " + r.name() + " | " + r.figure() + " | " + r.goalText() + " | " + r.verdict() + " | "
          + r.note().replace("|", "/") + " |");
    }
  }
}
