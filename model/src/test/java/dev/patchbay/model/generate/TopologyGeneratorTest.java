package dev.patchbay.model.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyGeneratorTest {
  @ParameterizedTest
  @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15, 16, 30, 60, 200, 2000})
  void makesExactlyTheRequestedNumberOfElements(int n) {
    assertEquals(n, TopologyGenerator.generate(n, 1).elements().size());
  }

  @Test
  void theSameSeedGivesTheSameFile() {
    assertEquals(TopologyFiles.toJson(TopologyGenerator.generate(60, 42)),
        TopologyFiles.toJson(TopologyGenerator.generate(60, 42)));
  }

  @Test
  void anotherSeedGivesAnotherTopology() {
    assertNotEquals(TopologyFiles.toJson(TopologyGenerator.generate(60, 42)),
        TopologyFiles.toJson(TopologyGenerator.generate(60, 43)));
  }

  /** Every small size (where the room left over is hardest to fill validly) and a few seeds. */
  static Stream<Arguments> smallAndMidSizes() {
    return Stream.concat(IntStream.rangeClosed(8, 40).boxed(), Stream.of(60, 61, 200, 333))
        .flatMap(n -> Stream.of(Arguments.of(n, 5L), Arguments.of(n, 42L)));
  }

  @ParameterizedTest(name = "{0} elements, seed {1}")
  @MethodSource("smallAndMidSizes")
  void passesTheValidatorWithoutErrorsOrWarnings(int n, long seed) {
    assertEquals(List.of(), StandardRules.validator().check(TopologyGenerator.generate(n, seed)));
  }

  /** The benchmark sizes of issue 10; correctness only, timings belong to the benchmarks. */
  @ParameterizedTest
  @ValueSource(ints = {2000, 10000})
  void benchmarkSizesPassTheValidatorWithoutErrorsOrWarnings(int n) {
    Topology t = TopologyGenerator.generate(n, 10);
    assertEquals(n, t.elements().size());
    assertEquals(List.of(), StandardRules.validator().check(t));
  }

  @Test
  void everyGuestHasAUniqueMacAndAddressAndAGatewayInsideItsSubnet() {
    Set<String> macs = new HashSet<>();
    Set<Ipv4> addresses = new HashSet<>();
    List<Guest> guests = TopologyGenerator.generate(2000, 3).elementsOf(Guest.class).toList();
    for (Guest g : guests) {
      Nic nic = g.nics().get(0);
      Cidr address = Cidr.of(nic.ip().address());
      assertTrue(macs.add(nic.mac()), "MAC used twice: " + nic.mac());
      assertTrue(addresses.add(address.address()), "address used twice: " + address);
      assertTrue(address.contains(Ipv4.of(nic.ip().gateway())), g.name() + "'s gateway is off its subnet");
    }
  }

  @Test
  void hasBridgesOfTapsHubsJoinedBySocketsMulticastBusesUserNetAndNatOut() {
    Topology t = TopologyGenerator.generate(60, 42);
    for (ElementKind k : ElementKind.values()) {
      if (k != ElementKind.VDE) {
        assertTrue(t.elements().stream().anyMatch(e -> e.kind() == k), "no " + k);
      }
    }
    for (Socket.Transport transport : List.of(Socket.Transport.SOCKET, Socket.Transport.MCAST)) {
      assertTrue(t.elementsOf(Socket.class).anyMatch(s -> s.transport() == transport), "no " + transport);
    }
    assertFalse(t.host().nat().isEmpty());
  }

  @Test
  void refusesSizesTooSmallForItsSkeleton() {
    assertThrows(IllegalArgumentException.class, () -> TopologyGenerator.generate(7, 1));
  }
}
