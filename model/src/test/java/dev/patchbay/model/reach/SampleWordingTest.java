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
  private static final Pattern INTERNAL = Pattern.compile("(?i)\\bseed\\b|possibility \\d|[a-z-]+ scenarios?\\b");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nat-routing.json", "nat-bridge.json", "user-net-hostfwd.json", "user-on-hub.json"})
  void answersNameNoSourceDocument(String sample) throws Exception {
    assertPlainWords(new ObjectMapper().writeValueAsString(Reachability.of(Samples.load(sample))));
  }

  /** The notes of the plan's script (and of the Apply dialog's plan) name samples by their titles too. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bridged-lan.json", "routed-tun.json", "nat-routing.json", "vde-switch.json"})
  void planNotesNameSamplesByTitle(String sample) {
    var t = Samples.load(sample);
    assertPlainWords(dev.patchbay.model.plan.Scripts.up(dev.patchbay.model.plan.Planner.plan(t), t.name()));
  }

  @org.junit.jupiter.api.Test
  void refusalsAndRuleHelpNameSamplesByTitle() {
    var t = Samples.load("socket-listen-connect.json");
    var nics = t.elementsOf(dev.patchbay.model.topology.Guest.class)
        .map(g -> dev.patchbay.model.topology.Endpoint.of(g.id(), g.nics().get(0).name())).toList();
    assertPlainWords(dev.patchbay.model.topology.Wiring.refuse(t, nics.get(0), nics.get(1)).orElseThrow());
    assertPlainWords(dev.patchbay.model.check.rules.StandardRules.validator().rules().stream()
        .flatMap(r -> r.catalogue().stream()).map(i -> i.explain()).reduce("", String::concat));
  }

  private static void assertPlainWords(String text) {
    assertFalse(INTERNAL.matcher(text).find(), () -> {
      var m = INTERNAL.matcher(text);
      m.find();
      return "says '" + text.substring(Math.max(0, m.start() - 80), Math.min(text.length(), m.end() + 20)) + "'";
    });
  }
}
