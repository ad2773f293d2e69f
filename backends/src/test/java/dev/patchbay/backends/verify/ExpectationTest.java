package dev.patchbay.backends.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.reach.Reachability.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "only to hostfwd ports tcp/5022|yes",
      "only to hostfwd ports tcp/5022, and only once the Internet gateway 192.168.1.1 forwards those ports to the host's 192.168.1.100|yes",
      "only once the Internet gateway 192.168.1.1 forwards a port to 192.168.1.10 (192.168.1.10 is a private address)|yes",
      "only once the LAN gateway routes 172.20.0.0/16 via 192.168.0.10|no",
      "only once the LAN gateway routes 192.168.0.0/24 via 10.0.0.10 and the Internet gateway 10.0.0.1 forwards a port"
          + " to 192.168.0.10 (192.168.0.10 is a private address that the Internet does not route)|no"})
  void onlyWithIsExpectedToHoldExactlyWhenTheSandboxProvidesTheCondition(String condition, String expected) {
    assertEquals(expected, Expectation.onlyWith(condition).expected());
  }

  @Test
  void unprovidedConditionIsNamedInTheReason() {
    Expectation e = Expectation.onlyWith("only once the LAN gateway routes 172.20.0.0/16 via 192.168.0.10");
    assertEquals("the sandbox does not provide: only once the LAN gateway routes 172.20.0.0/16 via 192.168.0.10", e.why());
  }

  @Test
  void yesAndNoAreExpectedAsPredicted() {
    assertEquals("yes", Expectation.of(new Pair("g", "lan", Verdict.YES, null, List.of(), List.of())).expected());
    assertEquals("no", Expectation.of(new Pair("g", "lan", Verdict.NO, null, List.of(), List.of())).expected());
  }
}
