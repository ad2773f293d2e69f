package dev.patchbay.model.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.RandomEdits;
import dev.patchbay.model.Samples;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.reach.Reachability.Verdict;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.NicModel;
import dev.patchbay.model.topology.Tap;
import dev.patchbay.model.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix takes each way's walk between two guests as the other way's reply: every guest pair
 * must answer exactly as the pair walked on its own, reply included.
 */
class GuestPairsTest {
  static Stream<Arguments> designs() {
    List<Arguments> out = new ArrayList<>();
    out.add(Arguments.of("generated 120", TopologyGenerator.generate(120, 42)));
    out.add(Arguments.of("generated 250, seed 7", TopologyGenerator.generate(250, 7)));
    for (int k = 0; k < 3; k++) {
      Topology t = TopologyGenerator.generate(100 + 40 * k, 100 + k);
      edit(t, new Random(k), 30 + 30 * k);
      out.add(Arguments.of("generated " + (100 + 40 * k) + ", randomly edited", t));
    }
    for (String s : Samples.names()) {
      out.add(Arguments.of(s, Samples.load(s)));
      for (int k = 0; k < 2; k++) {
        Topology t = Samples.load(s);
        edit(t, new Random(k * 31L + s.hashCode()), 20 + 20 * k);
        out.add(Arguments.of(s + ", randomly edited " + k, t));
      }
    }
    out.add(Arguments.of("two NICs each, one working", twoNicsEach()));
    out.add(Arguments.of("one way masqueraded", masqueradedOneWay()));
    return out.stream();
  }

  private static void edit(Topology t, Random random, int steps) {
    CommandStack stack = new CommandStack(t);
    for (int i = 0; i < steps; i++) {
      RandomEdits.edit(t, stack, random);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void everyGuestPairOfTheMatrixIsThePairWalkedAlone(String name, Topology t) {
    Map<String, Pair> matrix = new HashMap<>();
    Reachability.of(t).forEach(p -> matrix.put(p.from() + ">" + p.to(), p));
    Reachability alone = Reachability.analyse(t);
    List<Guest> guests = t.elementsOf(Guest.class).toList();
    for (Guest g : guests) {
      for (Guest h : guests) {
        if (g != h) {
          assertEquals(alone.guestToGuest(g, h), matrix.get(g.id() + ">" + h.id()), g.id() + " to " + h.id());
        }
      }
    }
  }

  @Test
  void eachNicPairGetsTheReplyOfItsOwnNics() {
    // a's working NIC is its second, b's its first: a reply taken from the wrong pair of NICs fails.
    List<Pair> pairs = Reachability.of(twoNicsEach());
    Pair ab = Reachability.find(pairs, "a", "b").orElseThrow();
    Pair ba = Reachability.find(pairs, "b", "a").orElseThrow();
    assertEquals(Verdict.YES, ab.verdict(), ab::toString);
    assertEquals(List.of("a:nic1", "tap1", "host", "tap2", "b:nic0"), ab.path());
    assertEquals(Verdict.YES, ba.verdict(), ba::toString);
    assertEquals(List.of("b:nic0", "tap2", "host", "tap1", "a:nic1"), ba.path());
  }

  @Test
  void aMasqueradedWalkDoesNotStandForTheReply() {
    Topology t = masqueradedOneWay();
    Layer3 l3 = new Layer3(t);
    Tracer tracer = new Tracer(l3);
    GuestPairs walks = new GuestPairs(tracer, new Inbound(l3, tracer));
    walks.load(l3.nicsOf("a"), l3.nicsOf("b"));
    Walk aToB = walks.there(true, 0, 0);
    Walk bToA = walks.there(false, 0, 0);
    assertTrue(bToA.replyDiffers, "b's way to a is masqueraded out of tap0");
    assertNull(walks.reply(true, 0, 0, aToB.src), "a reply is never masqueraded: walked, not taken from b's walk");
    assertNotNull(walks.reply(false, 0, 0, l3.nicsOf("b").get(0).address().address()),
        "a's way to b is plain, so it stands for the reply to b");
  }

  /** Guests a and b with two NICs each, on four taps; only a:nic1 and b:nic0 have a usable gateway. */
  static Topology twoNicsEach() {
    Topology t = new Topology();
    for (int i = 0; i < 4; i++) {
      t.add(new Tap("tap" + i, "tap" + i, "10.0." + i + ".1/24", null), null);
    }
    t.add(Guest.of("a", "a", nic("nic0", 0, "10.0.9.1"), nic("nic1", 1, "10.0.1.1")), null);
    t.add(Guest.of("b", "b", nic("nic0", 2, "10.0.2.1"), nic("nic1", 3, "10.0.8.1")), null);
    link(t, "a:nic0", "tap0");
    link(t, "a:nic1", "tap1");
    link(t, "b:nic0", "tap2");
    link(t, "b:nic1", "tap3");
    t.setHost(t.host().withIpForward(true));
    return t;
  }

  /** Guests a (tap0) and b (tap1); the host masquerades b's subnet out of tap0, so b reaches a NAT'd. */
  static Topology masqueradedOneWay() {
    Topology t = new Topology();
    t.add(new Tap("tap0", "tap0", "10.0.0.1/24", null), null);
    t.add(new Tap("tap1", "tap1", "10.0.1.1/24", null), null);
    t.add(Guest.of("a", "a", nic("nic0", 0, "10.0.0.1")), null);
    t.add(Guest.of("b", "b", nic("nic0", 1, "10.0.1.1")), null);
    link(t, "a:nic0", "tap0");
    link(t, "b:nic0", "tap1");
    t.setHost(t.host().withIpForward(true).withNat(List.of(new HostSettings.Nat("10.0.1.0/24", "tap0"))));
    return t;
  }

  private static Nic nic(String name, int subnet, String gateway) {
    return new Nic(name, NicModel.E1000, String.format("52:54:00:00:%02x:%02x", subnet, Integer.parseInt(name.substring(3))),
        IpConfig.fixed("10.0." + subnet + ".10/24", gateway));
  }

  private static void link(Topology t, String nic, String tap) {
    t.connect(new Link(nic + "-" + tap, Endpoint.parse(nic), Endpoint.of(tap)));
  }
}
