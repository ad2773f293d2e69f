package dev.patchbay.model.diagram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compact style's size against the hand-drawn diagrams of the same scenarios in the notes users
 * write: at most one and a half times their area (rows times the longest line, the note's common
 * indentation and trailing blanks left out), at the default width, in both charsets. Only the
 * figures' sizes are kept here, measured from the notes, not the figures themselves.
 */
class CompactDiagramAreaTest {
  /** Rows and columns of a drawing. */
  record Size(int rows, int columns) {
    long area() {
      return (long) rows * columns;
    }

    @Override
    public String toString() {
      return rows + "x" + columns;
    }
  }

  /**
   * routed-tun: "notes on tun networking", Eric S. Johansson, qemu-devel, 26 July 2005;
   * socket-listen-connect and vde-switch: Mark McLoughlin's "QEMU Networking" notes, the figures
   * "Connecting VLANs Together" and "Connecting VLANs Using VDE".
   */
  static final Map<String, Size> HAND_DRAWN = Map.of(
      "routed-tun", new Size(10, 45),
      "socket-listen-connect", new Size(11, 64),
      "vde-switch", new Size(17, 53));

  static Stream<Arguments> scenarios() {
    return Stream.of("routed-tun", "socket-listen-connect", "vde-switch")
        .flatMap(s -> Stream.of(Arguments.of(s, Charset.ASCII), Arguments.of(s, Charset.UNICODE)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scenarios")
  void usesAtMostOneAndAHalfTimesTheHandDrawnArea(String scenario, Charset charset) {
    String compact = CompactDiagram.render(Samples.load(Samples.dir().resolve(scenario + ".json")), charset, 100)
        .orElseThrow();
    Size hand = HAND_DRAWN.get(scenario);
    Size drawn = size(compact.lines().toList());
    assertTrue(drawn.area() * 2 <= hand.area() * 3, scenario + ": " + drawn + " = " + drawn.area()
        + " cells against " + hand + " = " + hand.area() + " hand-drawn\n" + compact);
  }

  static Size size(List<String> lines) {
    return new Size(lines.size(), lines.stream().mapToInt(String::length).max().orElse(0));
  }
}
