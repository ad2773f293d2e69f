package dev.patchbay.app.bench;

import java.util.List;

final class StartupBench {
  private StartupBench() {}

  static List<Row> run() throws Exception {
    return List.of();
  }
}
