package dev.patchbay.model.check.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetRuleTest {
  /** Each tap alone is its own segment; their subnets nest (/8 > /16 > /24) or stand apart. */
  private static Topology taps(String... addresses) {
    Topology t = new Topology();
    for (int i = 0; i < addresses.length; i++) {
      t.add(new Tap("t" + i, "tap" + i, addresses[i], null), null);
    }
    return t;
  }

  @Test
  void everyOverlappingInterfaceIsReportedOnceWithTheFirstItCollidesWith() {
    Topology t = taps("10.0.0.1/8", "192.168.0.1/24", "10.1.0.1/16", "10.1.2.1/24", "172.16.0.1/12", "10.1.2.9/24");
    List<List<String>> pairs = new SubnetRule().check(t).stream().filter(d -> d.rule().equals("subnet.overlap"))
        .map(Diagnostic::elements).toList();
    assertEquals(List.of(List.of("t0", "t2"), List.of("t0", "t3"), List.of("t0", "t5")), pairs);
  }

  /** Every pair of 5,000 taps on one subnet would be 12.5 million findings; a file can hold 10,000 taps. */
  @Test
  void findingsGrowWithTheInterfacesNotWithTheirPairs() {
    String[] addresses = new String[5000];
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = "10.0." + (i / 250) + "." + (i % 250 + 1) + "/16";
    }
    assertEquals(4999, new SubnetRule().check(taps(addresses)).size());
  }

  @Test
  void subnetsThatOnlyTouchDoNotOverlap() {
    Topology t = taps("10.0.1.1/24", "10.0.0.1/24", "10.0.2.1/24");
    assertEquals(List.of(), new SubnetRule().check(t));
  }
}
