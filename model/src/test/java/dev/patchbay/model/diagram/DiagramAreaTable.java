package dev.patchbay.model.diagram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The area table of app/CLI.md: rows x widest line of each sample's diagram, full and compact style,
 * at --width 100, against the hand-drawn diagram where the notes have one. Not a test (the bound
 * is CompactDiagramAreaTest's); run from model/ with
 * {@code java -cp target/classes:target/test-classes:<jackson> dev.patchbay.model.diagram.DiagramAreaTable}.
 */
public final class DiagramAreaTable {
  private DiagramAreaTable() {}

  public static void main(String[] args) throws IOException {
    System.out.println("| sample | hand-drawn | full | compact | compact / hand-drawn |");
    System.out.println("|---|---|---|---|---|");
    for (Path f : Samples.files()) {
      String name = Samples.baseName(f);
      var t = Samples.load(f);
      List<String> full = TextDiagram.render(t, Charset.ASCII, 100).lines().toList();
      List<String> compact = CompactDiagram.render(t, Charset.ASCII, 100).map(s -> s.lines().toList()).orElse(null);
      CompactDiagramAreaTest.Size hand = CompactDiagramAreaTest.HAND_DRAWN.get(name);
      System.out.println("| " + name + " | " + (hand == null ? "" : hand + " = " + hand.area()) + " | " + cell(full) + " | "
          + (compact == null ? "full style (bridge)" : cell(compact)) + " | "
          + (hand == null || compact == null ? "" : String.format("%.2f", (double) CompactDiagramAreaTest.size(compact).area()
              / hand.area())) + " |");
    }
  }

  private static String cell(List<String> lines) {
    if (lines == null) {
      return "";
    }
    CompactDiagramAreaTest.Size size = CompactDiagramAreaTest.size(lines);
    return size + " = " + size.area();
  }
}
