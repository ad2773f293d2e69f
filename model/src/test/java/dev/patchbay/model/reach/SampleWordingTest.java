package dev.patchbay.model.reach;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.model.Samples;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the Reachability tab and `patchbay reach` say about the samples is in the user's words: no
 * "seed 002 possibility 0", the project's name for the guide a sample was drawn from, but the
 * sample's title.
 */
class SampleWordingTest {
  private static final Pattern INTERNAL = Pattern.compile("(?i)\\bseed\\b|possibility \\d");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nat-routing.json", "nat-bridge.json", "user-net-hostfwd.json", "user-on-hub.json"})
  void answersNameNoSourceDocument(String sample) throws Exception {
    String answers = new ObjectMapper().writeValueAsString(Reachability.of(Samples.load(sample)));
    assertFalse(INTERNAL.matcher(answers).find(), () -> {
      var m = INTERNAL.matcher(answers);
      m.find();
      return "says '" + answers.substring(Math.max(0, m.start() - 80), Math.min(answers.length(), m.end() + 20)) + "'";
    });
  }
}
