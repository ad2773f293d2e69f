package dev.patchbay.model.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.model.RandomEdits;
import dev.patchbay.model.Samples;
import dev.patchbay.model.edit.CommandStack;
import dev.patchbay.model.generate.TopologyGenerator;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Layer3PatchTest {
  static Stream<String> samples() {
    return Samples.names().stream();
  }

  /** Everything a rule or the matrix reads of the NICs: each NIC, and the lookups by segment, guest and address. */
  private static List<String> view(Layer3 l3) {
    List<String> out = new ArrayList<>();
    for (NicAddress n : l3.nics()) {
      out.add(l3.position(n) + " " + n);
      Ipv4 a = n.address() == null ? null : n.address().address();
      out.add("  at " + (a == null ? "-" : l3.nicsAt(a).stream().map(l3::position).toList()));
    }
    for (Segments.Segment s : l3.segments().all()) {
      out.add(s.id() + " " + l3.nicsOn(s).stream().map(l3::position).toList());
    }
    l3.topology().elementsOf(Guest.class)
        .forEach(g -> out.add(g.id() + " " + l3.nicsOf(g.id()).stream().map(l3::position).toList()));
    return out;
  }

  /** Random edits that keep the guests' wiring, patched in batches, against the view read afresh. */
  private static void patchedEqualsFresh(Topology t, Random random, int steps) {
    Layer3 kept = new Layer3(t);
    Set<String> edited = new LinkedHashSet<>();
    Consumer<TopologyChange> listener = c -> edited.add(((TopologyChange.ElementReplaced) c).after().id());
    t.addListener(listener);
    CommandStack stack = new CommandStack(t);
    for (int step = 0; step < steps; step++) {
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        RandomEdits.addressEdit(t, stack, random);
      }
      kept.patchGuests(edited);
      edited.clear();
      assertEquals(view(new Layer3(t, kept.segments())), view(kept), "after step " + step);
    }
    t.removeListener(listener);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void aPatchedViewEqualsOneReadAfreshOnEverySample(String sample) {
    patchedEqualsFresh(Samples.load(sample), new Random(sample.hashCode()), 100);
  }

  @Test
  void aPatchedViewEqualsOneReadAfreshOnAGeneratedDesign() {
    patchedEqualsFresh(TopologyGenerator.generate(120, 5), new Random(5), 100);
  }

  /** Slirp leases follow the order NICs ask in: a NIC that stops asking moves the next one's lease. */
  @Test
  void aNicThatStopsAskingForDhcpMovesTheLeaseAfterItOnItsSegment() {
    Topology t = Samples.load("user-on-hub.json");
    Guest g = t.elementsOf(Guest.class)
        .filter(x -> x.nics().stream().filter(n -> n.ip().mode() == IpConfig.Mode.DHCP).count() == 2).findFirst()
        .orElseThrow();
    Layer3 kept = new Layer3(t);
    NicAddress second = kept.nicsOf(g.id()).get(1);
    t.replace(g.withNic(g.nics().get(0).withIp(IpConfig.none())));
    kept.patchGuests(List.of(g.id()));
    assertEquals(second.address().address().plus(-1), kept.nicsOf(g.id()).get(1).address().address());
    assertEquals(view(new Layer3(t)), view(kept));
  }
}
