package dev.patchbay.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.RandomEdits;
import dev.patchbay.model.Samples;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IncrementalValidatorTest {
  static Stream<String> samples() {
    return Samples.names().stream();
  }

  /** What a finding says; fixes are compared by what they do, not by identity. */
  private static List<String> view(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.rule() + "|" + d.severity() + "|" + d.message() + "|" + d.elements() + "|"
        + d.explanation() + "|" + d.fixHint() + "|" + d.mechanicalFix().map(Fix::description).orElse("")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void afterRandomEditsTheIncrementalResultEqualsAFullCheck(String sample) {
    Topology t = Samples.load(sample);
    CommandStack stack = new CommandStack(t);
    Random random = new Random(sample.hashCode());
    try (IncrementalValidator incremental = new IncrementalValidator(t, StandardRules.validator())) {
      for (int step = 0; step < 150; step++) {
        RandomEdits.edit(t, stack, random);
        assertEquals(view(StandardRules.validator().check(t)), view(incremental.diagnostics()),
            "after step " + step + " of " + sample);
      }
    }
  }

  /** Generated designs are larger and wired differently from the samples: hubs joined by sockets, buses, NAT. */
  @ParameterizedTest(name = "{0} elements")
  @org.junit.jupiter.params.provider.ValueSource(ints = {60, 200})
  void onGeneratedDesignsAfterRandomEditsTheIncrementalResultEqualsAFullCheck(int elements) {
    Topology t = TopologyGenerator.generate(elements, elements);
    CommandStack stack = new CommandStack(t);
    Random random = new Random(elements);
    try (IncrementalValidator incremental = new IncrementalValidator(t, StandardRules.validator())) {
      for (int step = 0; step < 150; step++) {
        RandomEdits.edit(t, stack, random);
        assertEquals(view(StandardRules.validator().check(t)), view(incremental.diagnostics()),
            "after step " + step + " on " + elements + " generated elements");
      }
      assertTrue(incremental.scopedRuns() >= 20, incremental.scopedRuns() + " scoped rule runs");
    }
  }

  /**
   * Edits of guests' addresses, gateways, DNS servers and MACs only, many between two checks at
   * times: duplicates on one segment and across segments appear and go, DHCP leases shift.
   */
  @ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3})
  void afterAddressEditsTheScopedResultEqualsAFullCheck(int seed) {
    Topology t = TopologyGenerator.generate(120, seed);
    CommandStack stack = new CommandStack(t);
    Random random = new Random(seed);
    try (IncrementalValidator incremental = new IncrementalValidator(t, StandardRules.validator())) {
      incremental.diagnostics();
      for (int step = 0; step < 200; step++) {
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
          RandomEdits.addressEdit(t, stack, random);
        }
        assertEquals(view(StandardRules.validator().check(t)), view(incremental.diagnostics()),
            "after step " + step + " on generated design " + seed);
      }
      assertTrue(incremental.scopedRuns() >= 200, incremental.scopedRuns() + " scoped rule runs");
    }
  }

  @Test
  void aDuplicatedMacMadeMalformedLeavesNoDuplicateBehind() {
    Topology t = Samples.load("vde-switch.json");
    dev.patchbay.model.Edits.nic(t, "guestB", "nic0", n -> n.withMac("52:54:00:10:00:0a"));
    try (IncrementalValidator v = new IncrementalValidator(t, StandardRules.validator())) {
      assertTrue(v.diagnostics().stream().anyMatch(d -> d.rule().equals("mac.duplicate")));
      dev.patchbay.model.Edits.nic(t, "guestB", "nic0", n -> n.withMac("zz"));
      assertEquals(view(StandardRules.validator().check(t)), view(v.diagnostics()));
    }
  }

  @Test
  void editingAGuestsAddressRechecksTheScopableRulesOnlyWhereItReaches() {
    Topology t = TopologyGenerator.generate(300, 1);
    try (IncrementalValidator v = new IncrementalValidator(t, StandardRules.validator())) {
      v.diagnostics();
      long before = v.scopedRuns();
      Guest g = t.elementsOf(Guest.class).filter(x -> x.nics().get(0).ip().isStatic()).findFirst().orElseThrow();
      dev.patchbay.model.topology.Nic n = g.nics().get(0);
      t.replace(g.withNic(n.withIp(dev.patchbay.model.topology.IpConfig.fixed("10.9.9.9/24", null))));
      List<Diagnostic> now = v.diagnostics();
      assertEquals(5, v.scopedRuns() - before, "the MAC, address, segment-address, forwarding and DNS rules");
      assertTrue(now.stream().anyMatch(d -> d.rule().equals("addr.outside-segment") && d.elements().contains(g.id())));
      assertEquals(view(StandardRules.validator().check(t)), view(now));
    }
  }

  @Test
  void renamingAGuestNoFindingShowsRechecksOnlyTheRulesThatJudgeNames() {
    Topology t = TopologyGenerator.generate(300, 1);
    try (IncrementalValidator v = new IncrementalValidator(t, StandardRules.validator())) {
      v.diagnostics();
      long before = v.ruleRuns();
      Guest g = t.elementsOf(Guest.class).filter(x -> v.diagnosticsFor(x.id()).isEmpty()).findFirst().orElseThrow();
      t.replace(g.withIdentity(g.id(), "renamed"));
      v.diagnostics();
      // A guest's name is its QEMU -name and its pid file: the qemu rule must judge the new one, and
      // the label rule whether it is one line of visible text.
      assertEquals(before + 2, v.ruleRuns());
      t.replace(g.withIdentity(g.id(), "renamed,debug-threads=on"));
      assertTrue(v.diagnostics().stream().anyMatch(d -> d.rule().equals("qemu.name") && d.elements().contains(g.id())));
    }
  }

  @Test
  void renamingAGuestAFindingShowsRechecksTheRulesThatShowItAndRewordsTheFinding() {
    Topology t = Samples.load("nat-routing.json");
    t.setHost(t.host().withIpForward(false));
    try (IncrementalValidator v = new IncrementalValidator(t, StandardRules.validator())) {
      v.diagnostics();
      long before = v.ruleRuns();
      Guest g = (Guest) t.element("guest1").orElseThrow();
      t.replace(g.withIdentity(g.id(), "renamed"));
      List<Diagnostic> now = v.diagnostics();
      long reran = v.ruleRuns() - before;
      assertTrue(reran > 0 && reran < StandardRules.validator().rules().size(), reran + " rules re-ran");
      assertTrue(now.stream().anyMatch(d -> d.rule().equals("dns.unreachable") && d.message().contains("renamed")));
      assertEquals(view(StandardRules.validator().check(t)), view(now));
    }
  }

  @Test
  void movingAnElementRechecksNothing() {
    Topology t = Samples.load("nat-bridge.json");
    try (IncrementalValidator v = new IncrementalValidator(t, StandardRules.validator())) {
      v.diagnostics();
      long before = v.ruleRuns();
      t.move("br0", new Point(1, 2));
      v.diagnostics();
      assertEquals(before, v.ruleRuns());
    }
  }

  @Test
  void editingAHostForwardRechecksOnlyTheRulesItCanAffect() {
    Topology t = Samples.load("user-net-hostfwd.json");
    Validator standard = StandardRules.validator();
    try (IncrementalValidator v = new IncrementalValidator(t, standard)) {
      v.diagnostics();
      long before = v.ruleRuns();
      UserNet u = (UserNet) t.element("user0").orElseThrow();
      t.replace(u.withHostfwd(List.of(new HostForward(HostForward.Protocol.TCP, null, 22, null, 22))));
      assertTrue(v.pending() < standard.rules().size(), "some rules stay clean");
      assertTrue(v.diagnostics().stream().anyMatch(d -> d.rule().equals("hostfwd.privileged")));
      assertTrue(v.ruleRuns() - before < standard.rules().size());
    }
  }

  @Test
  void findingsAreIndexedByElement() {
    Topology t = Samples.load("nat-routing.json");
    try (IncrementalValidator v = new IncrementalValidator(t, StandardRules.validator())) {
      t.setHost(t.host().withIpForward(false));
      assertEquals(List.of("nat.no-forward"), v.diagnosticsFor("eth0").stream().map(Diagnostic::rule).toList());
      assertEquals(List.of("dns.unreachable"), v.diagnosticsFor("guest1").stream().map(Diagnostic::rule).toList());
      assertEquals(List.of(), v.diagnosticsFor("tap1"));
    }
  }

  @Test
  void closingStopsListening() {
    Topology t = Samples.load("nat-routing.json");
    IncrementalValidator v = new IncrementalValidator(t, StandardRules.validator());
    v.diagnostics();
    v.close();
    t.setHost(t.host().withIpForward(false));
    assertEquals(0, v.pending());
  }
}
