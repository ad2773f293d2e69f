package dev.patchbay.model.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fix the validator offers, on every finding of every sample and of every pitfall injected
 * into its samples, applied as the designer's Fix button applies it (one command on the stack):
 * afterwards that finding is gone, no error appears that was not there, and undo brings the
 * findings back as they were.
 */
class FixRecheckTest {
  private static final Validator VALIDATOR = StandardRules.validator();

  /** A design (a sample, maybe broken by a pitfall) and one of its findings that offers a fix. */
  record Offer(String design, Supplier<Topology> make, String key, int ordinal, String fix) {
    @Override
    public String toString() {
      return design + " | " + key + " | " + fix;
    }
  }

  static Stream<Offer> offers() {
    List<Offer> out = new ArrayList<>();
    Samples.names().forEach(s -> collect(s + " (intact)", t -> { }, s, out));
    for (Pitfalls.Case c : Pitfalls.all()) {
      // Its own sample first, then every other sample the injection applies to (has the elements it edits).
      collect(c.toString(), c.inject(), c.sample(), out);
      Samples.names().stream().filter(s -> !s.equals(c.sample()) && applies(c, s) && !UNRELATED.contains(c.rule() + " " + s))
          .forEach(s -> collect(c.rule() + " <- " + s + ": " + c.what(), c.inject(), s, out));
    }
    return out.stream();
  }

  /**
   * Injections that mean something else in a foreign sample. tap.shared unlinks l3, which in the
   * bridged LAN is tap0's port on br0: guest1 is then left on an unbridged tap with a LAN address, a
   * second mistake that deleting the extra link uncovers. usernet.overlaps-lan renumbers the LAN and
   * eth0 to 10.0.2.0/24, which in the bridged LAN also leaves br0 and both guests in the old subnet.
   */
  private static final java.util.Set<String> UNRELATED = java.util.Set.of("tap.shared bridged-lan.json",
      "usernet.overlaps-lan bridged-lan.json");

  private static boolean applies(Pitfalls.Case c, String sample) {
    try {
      c.inject().accept(Samples.load(sample));
      return true;
    } catch (RuntimeException notThere) {
      return false;
    }
  }

  private static void collect(String label, Consumer<Topology> inject, String sample, List<Offer> out) {
    Supplier<Topology> make = () -> {
      Topology t = Samples.load(sample);
      inject.accept(t);
      return t;
    };
    Map<String, Integer> seen = new HashMap<>();
    for (Diagnostic d : VALIDATOR.check(make.get())) {
      int ordinal = seen.merge(key(d), 1, Integer::sum) - 1;
      d.mechanicalFix().ifPresent(f -> out.add(new Offer(label, make, key(d), ordinal, f.description())));
    }
  }

  private static String subject(Diagnostic d) {
    return d.rule() + " " + (d.elements().isEmpty() ? "" : d.elements().get(0));
  }

  static String key(Diagnostic d) {
    return d.rule() + " " + d.elements();
  }

  private static Map<String, Long> count(List<Diagnostic> ds, Function<Diagnostic, Boolean> which) {
    return ds.stream().filter(which::apply).collect(Collectors.groupingBy(FixRecheckTest::key, Collectors.counting()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offers")
  void fixRemovesItsFindingAddsNoErrorAndUndoes(Offer o) {
    Topology t = o.make().get();
    List<Diagnostic> before = VALIDATOR.check(t);
    Diagnostic d = before.stream().filter(x -> key(x).equals(o.key())).skip(o.ordinal()).findFirst().orElseThrow();
    Fix fix = d.mechanicalFix().orElseThrow();
    CommandStack stack = new CommandStack(t);
    stack.push(fix.command(t));
    List<Diagnostic> after = VALIDATOR.check(t);
    long was = count(before, x -> true).get(o.key());
    long now = count(after, x -> true).getOrDefault(o.key(), 0L);
    assertTrue(now < was, () -> "'" + fix.description() + "' left " + o.key() + ": " + d.message());
    // An error is new if its rule had none about its first element (the one it is about) before: a loop that
    // remained, now drawn through other elements, is not new; a loop closed by another link would be.
    Map<String, Long> errorsBefore = before.stream().filter(x -> x.severity() == Severity.ERROR)
        .collect(Collectors.groupingBy(FixRecheckTest::subject, Collectors.counting()));
    List<String> fresh = after.stream().filter(x -> x.severity() == Severity.ERROR)
        .filter(x -> after.stream().filter(y -> y.severity() == Severity.ERROR && subject(y).equals(subject(x))).count()
            > errorsBefore.getOrDefault(subject(x), 0L))
        .map(x -> x.rule() + " " + x.elements() + ": " + x.message()).distinct().toList();
    assertEquals(List.of(), fresh, () -> "'" + fix.description() + "' brought new errors");
    stack.undo();
    assertEquals(before.stream().map(Diagnostic::message).toList(),
        VALIDATOR.check(t).stream().map(Diagnostic::message).toList(), "undo restores the findings");
  }

  /**
   * Findings whose repair is plain offer it, so the test above applies and re-checks it: a name QEMU
   * cannot take, two names that share a run folder, a NIC name that adds netdev options, and an
   * interface on its subnet's network or broadcast address.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"qemu.name", "qemu.name-clash", "vde.name",
      "qemu.nic-name", "addr.network-or-broadcast"})
  void aPlainRepairIsOfferedAndSoRechecked(String rule) {
    List<Offer> found = offers().filter(o -> o.key().startsWith(rule + " ")).toList();
    assertTrue(!found.isEmpty(), rule + " offers no fix on its pitfalls");
  }
}
