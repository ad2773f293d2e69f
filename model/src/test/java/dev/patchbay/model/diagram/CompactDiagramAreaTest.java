package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact style's size against the hand-drawn diagrams of the same scenarios in the notes users
 * write (src/test/resources/handdrawn): at most one and a half times their area (rows times the
 * longest line, the note's common indentation left out), at the default width, in both charsets.
 */
class CompactDiagramAreaTest {
  private static final Path HAND_DRAWN = Path.of("src", "test", "resources", "handdrawn");

  static Stream<Arguments> scenarios() {
    return Stream.of("routed-tun", "socket-listen-connect", "vde-switch")
        .flatMap(s -> Stream.of(Arguments.of(s, Charset.ASCII), Arguments.of(s, Charset.UNICODE)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scenarios")
  void usesAtMostOneAndAHalfTimesTheHandDrawnArea(String scenario, Charset charset) throws IOException {
    String compact = CompactDiagram.render(Samples.load(Samples.dir().resolve(scenario + ".json")), charset, 100)
        .orElseThrow();
    long hand = area(handDrawn(scenario));
    long drawn = area(compact.lines().toList());
    assertTrue(drawn * 2 <= hand * 3, scenario + ": " + size(compact.lines().toList()) + " = " + drawn
        + " cells against " + size(handDrawn(scenario)) + " = " + hand + " hand-drawn\n" + compact);
  }

  static List<String> handDrawn(String scenario) throws IOException {
    List<String> lines = Files.readAllLines(HAND_DRAWN.resolve(scenario + ".txt"), StandardCharsets.UTF_8);
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    return lines.stream().map(l -> l.length() < indent ? "" : l.substring(indent).stripTrailing()).toList();
  }

  static long area(List<String> lines) {
    return (long) lines.size() * lines.stream().mapToInt(String::length).max().orElse(0);
  }

  static String size(List<String> lines) {
    return lines.size() + "x" + lines.stream().mapToInt(String::length).max().orElse(0);
  }
}
