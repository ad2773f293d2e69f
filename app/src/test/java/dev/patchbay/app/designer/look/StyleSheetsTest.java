package dev.patchbay.app.designer.look;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The designer's style sheets are whole: every rule is closed before the next begins. JavaFX stops
 * reading a sheet at the first unclosed rule and only logs it, so a rule left open (as merges of
 * appended blocks did twice) silently drops every rule after it.
 */
class StyleSheetsTest {
  static Stream<Path> sheets() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "assets"))) {
      List<Path> css = files.filter(p -> p.toString().endsWith(".css")).sorted().toList();
      assertTrue(css.size() >= 2, "the light and dark sheets: " + css);
      return css.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("sheets")
  void everyRuleIsClosedBeforeTheNextOpens(Path sheet) throws IOException {
    // comments out, their line breaks kept, so that line numbers stay the file's
    String text = Pattern.compile("(?s)/\\*.*?\\*/").matcher(Files.readString(sheet))
        .replaceAll(m -> m.group().replaceAll("[^\\n]", ""));
    int depth = 0;
    int line = 1;
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        line++;
      } else if (c == '{' && ++depth > 1) {
        fail(sheet + ": a rule opens at line " + line + " inside one not closed");
      } else if (c == '}' && --depth < 0) {
        fail(sheet + ": a } at line " + line + " closes no rule");
      }
    }
    assertEquals(0, depth, sheet + ": the last rule is never closed");
  }
}
