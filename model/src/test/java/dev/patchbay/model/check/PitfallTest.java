package dev.patchbay.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.topology.Topology;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalogue entry: a broken sample triggers it naming the culprit, the intact sample does not, fixes work. */
class PitfallTest {
  private static final Validator VALIDATOR = StandardRules.validator();

  static Stream<Pitfalls.Case> cases() {
    return Pitfalls.all().stream();
  }

  static Stream<Pitfalls.Case> fixable() {
    return cases().filter(c -> finding(broken(c), c).flatMap(Diagnostic::mechanicalFix).isPresent());
  }

  private static Topology broken(Pitfalls.Case c) {
    Topology t = Samples.load(c.sample());
    c.inject().accept(t);
    return t;
  }

  private static Optional<Diagnostic> finding(Topology t, Pitfalls.Case c) {
    return VALIDATOR.check(t).stream()
        .filter(d -> d.rule().equals(c.rule()) && d.elements().contains(c.element())).findFirst();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void injectedPitfallIsCaughtNamingTheElement(Pitfalls.Case c) {
    Topology t = broken(c);
    List<Diagnostic> all = VALIDATOR.check(t);
    assertTrue(finding(t, c).isPresent(), () -> c.rule() + " naming " + c.element() + " expected, got:\n"
        + all.stream().map(d -> d.rule() + " " + d.elements() + " " + d.message()).collect(Collectors.joining("\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void intactSampleDoesNotTriggerTheRule(Pitfalls.Case c) {
    Topology t = Samples.load(c.sample());
    assertTrue(VALIDATOR.check(t).stream().noneMatch(d -> d.rule().equals(c.rule())),
        () -> c.sample() + " already reports " + c.rule());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findingExplainsAndSaysWhatToChange(Pitfalls.Case c) {
    Diagnostic d = finding(broken(c), c).orElseThrow();
    assertNotNull(d.explanation(), "explanation");
    assertNotNull(d.fixHint(), "fix hint");
    assertTrue(d.message().contains(c.element()) || d.elements().stream().anyMatch(d.message()::contains),
        () -> "message names an element: " + d.message());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixable")
  void fixRemovesTheFindingAndUndoBringsItBack(Pitfalls.Case c) {
    Topology t = broken(c);
    Fix fix = finding(t, c).flatMap(Diagnostic::mechanicalFix).orElseThrow();
    CommandStack stack = new CommandStack(t);
    stack.push(fix.command(t));
    assertFalse(finding(t, c).isPresent(), () -> "still reported after '" + fix.description() + "'");
    stack.undo();
    assertTrue(finding(t, c).isPresent(), "back after undo");
  }

  @Test
  void mechanicalRepairsAreOfferedWhereTheBriefAsksForThem() {
    Set<String> offered = fixable().map(Pitfalls.Case::rule).collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>(Set.of("mac.duplicate", "mac.malformed", "mac.multicast", "forward.missing",
        "nat.no-forward", "nat.no-masquerade", "route.no-return", "proxyarp.no-route", "proxyarp.tap-off",
        "proxyarp.uplink-off", "proxyarp.tap-address", "ifname.too-long", "ifname.invalid", "ifname.unsafe",
        "ifname.duplicate", "tap.shared", "l2.loop", "hostfwd.collision", "hostfwd.privileged",
        "usernet.overlaps-lan", "addr.duplicate", "gateway.off-segment", "gateway.missing",
        "bridge.uplink-keeps-address", "bridge.port-address", "hub.no-nic",
        // Issue 19: the rules that only explained before.
        "hub.single-port", "hub.id-clash", "tap.unheld", "nic.unattached", "nic.name-duplicate", "dns.unreachable",
        "link.invalid", "bridge.empty", "gateway.nobody", "nat.out-not-uplink", "hostfwd.guest-outside",
        "hostport.clash", "socket.port-clash", "socket.port-range", "socket.mcast-address", "socket.host",
        "qemu.machine", "qemu.memory", "vde.socket-path", "vde.socket-shared", "route.incomplete",
        "lan.gateway-outside-subnet", "lan.route-via-off-lan", "lan.route-via-not-host"));
    expected.removeAll(offered);
    assertEquals(Set.of(), expected);
  }

  @Test
  void everyCatalogueEntryHasAnInjectedCase() {
    Set<String> covered = cases().map(Pitfalls.Case::rule).collect(Collectors.toCollection(TreeSet::new));
    Set<String> catalogue = VALIDATOR.catalogue().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
    catalogue.removeAll(covered);
    assertEquals(Set.of(), catalogue);
  }

  @Test
  void everySampleHasAPitfallInjected() {
    Set<String> used = cases().map(Pitfalls.Case::sample).collect(Collectors.toSet());
    assertEquals(Set.of(), Samples.names().stream().filter(n -> !used.contains(n)).collect(Collectors.toSet()));
  }

  @Test
  void everyDiagnosticIdIsInTheCatalogue() {
    Set<String> ids = VALIDATOR.catalogue().stream().map(RuleInfo::id).collect(Collectors.toSet());
    cases().forEach(c -> VALIDATOR.check(broken(c)).forEach(
        d -> assertTrue(ids.contains(d.rule()), () -> d.rule() + " is reported but not in the catalogue")));
  }

  @Test
  void catalogueIdsAreUniqueAndExplained() {
    List<RuleInfo> all = VALIDATOR.catalogue();
    assertEquals(all.size(), all.stream().map(RuleInfo::id).distinct().count());
    all.forEach(i -> assertTrue(i.explain().length() > 40, () -> i.id() + " has a real explanation"));
  }
}
