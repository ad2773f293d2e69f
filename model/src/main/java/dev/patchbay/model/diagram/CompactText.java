package dev.patchbay.model.diagram;

import java.util.ArrayList;
import java.util.List;

/** Label lines for the compact style: short ones joined on a line, long ones wrapped at spaces. */
final class CompactText {
  private CompactText() {}

  /**
   * The lines joined by a space while they fit in {@code wrap} columns; a line longer than that is
   * wrapped at spaces, never inside a word, so an address always stays whole on one line.
   */
  static List<String> pack(List<String> lines, int wrap) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      for (String part : wrap(line, wrap)) {
        int last = out.size() - 1;
        if (last >= 0 && !part.startsWith(" ") && DiagramText.width(out.get(last)) + 1 + DiagramText.width(part) <= wrap) {
          out.set(last, out.get(last) + " " + part);
        } else {
          out.add(part);
        }
      }
    }
    return out;
  }

  /**
   * One line wrapped at spaces into lines of at most {@code wrap} columns (East Asian wide characters
   * two), continuations indented.
   */
  static List<String> wrap(String line, int wrap) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : line.strip().split(" +")) {
      if (!cur.toString().isBlank() && DiagramText.width(cur.toString()) + 1 + DiagramText.width(word) > wrap) {
        out.add(cur.toString());
        cur.setLength(0);
        cur.append(' ');
      } else if (cur.length() > 0 && !cur.toString().isBlank()) {
        cur.append(' ');
      }
      cur.append(word);
    }
    out.add(cur.toString());
    return out;
  }
}
