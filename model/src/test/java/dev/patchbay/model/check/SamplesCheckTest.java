package dev.patchbay.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.rules.StandardRules;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample is a working design: the full catalogue finds no error in it. */
class SamplesCheckTest {
  static Stream<String> samples() {
    return Samples.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void sampleChecksWithoutErrors(String name) {
    List<String> errors = StandardRules.validator().check(Samples.load(name)).stream()
        .filter(d -> d.severity() == Severity.ERROR).map(d -> d.rule() + ": " + d.message()).toList();
    assertEquals(List.of(), errors);
  }
}
