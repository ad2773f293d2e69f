package dev.patchbay.model.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.model.Samples;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.reach.Reachability.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample's whole matrix, written from what its scenario's source says works. Y yes, W only-with, N no.
 * Internet to guest is W wherever the guest's address is private: the Internet never routes
 * RFC 1918 addresses, so it takes a port forward on the LAN's Internet gateway.
 */
class SampleReachabilityTest {
  static Stream<Arguments> matrices() {
    return Stream.of(
        // Routed tun: "the four basic requirements": out through tun0 and the host; in through the gateway's route back.
        Arguments.of("routed-tun.json",
            "guest>lan=Y guest>internet=Y lan>guest=Y internet>guest=W guest>host=Y host>guest=Y"),
        // TAP host-only: "network connectivity between the QEMU Host and Guest should be active"; nothing forwards further.
        Arguments.of("tap-host-only.json",
            "dsl>lan=N dsl>internet=N lan>dsl=N internet>dsl=N dsl>host=Y host>dsl=Y"),
        // User net with a host forward: out through slirp; "access back into the QEMU guest by default is blocked" except -redir.
        Arguments.of("user-net-hostfwd.json",
            "sol11>lan=Y sol11>internet=Y lan>sol11=W internet>sol11=W sol11>host=Y host>sol11=W"),
        // VDE switch: "they can transmit/receive frames to/from the host OS and each other".
        Arguments.of("vde-switch.json",
            "guestA>lan=N guestA>internet=N lan>guestA=N internet>guestA=N guestA>host=Y host>guestA=Y guestA>guestB=Y "
                + "guestB>lan=N guestB>internet=N lan>guestB=N internet>guestB=N guestB>host=Y host>guestB=Y guestB>guestA=Y"),
        // Routed subnets: the host routes; the LAN knows the virtual subnets only once its gateway routes them back.
        Arguments.of("routed-subnets.json",
            "guest1>lan=W guest1>internet=W lan>guest1=W internet>guest1=W guest1>host=Y host>guest1=Y guest1>guest2=Y "
                + "guest2>lan=W guest2>internet=W lan>guest2=W internet>guest2=W guest2>host=Y host>guest2=Y guest2>guest1=Y"),
        // NAT routing: "their IPs will not be visible in the LAN": out yes, in no.
        Arguments.of("nat-routing.json",
            "guest1>lan=Y guest1>internet=Y lan>guest1=N internet>guest1=N guest1>host=Y host>guest1=Y guest1>guest2=Y "
                + "guest2>lan=Y guest2>internet=Y lan>guest2=N internet>guest2=N guest2>host=Y host>guest2=Y guest2>guest1=Y"),
        // NAT behind a bridge: "the nic0's in GUEST1 and GUEST2 will see each other", behind the host's NAT.
        Arguments.of("nat-bridge.json",
            "guest1>lan=Y guest1>internet=Y lan>guest1=N internet>guest1=N guest1>host=Y host>guest1=Y guest1>guest2=Y "
                + "guest2>lan=Y guest2>internet=Y lan>guest2=N internet>guest2=N guest2>host=Y host>guest2=Y guest2>guest1=Y"),
        // Bridged LAN: "one LAN made up of real and virtual devices".
        Arguments.of("bridged-lan.json",
            "guest1>lan=Y guest1>internet=Y lan>guest1=Y internet>guest1=W guest1>host=Y host>guest1=Y guest1>guest2=Y "
                + "guest2>lan=Y guest2>internet=Y lan>guest2=Y internet>guest2=W guest2>host=Y host>guest2=Y guest2>guest1=Y"),
        // Proxy ARP over Wi-Fi: "All were accessible from lan and from each other", and "ping www.google.com from inside the guest".
        Arguments.of("wifi-proxy-arp.json",
            "vm1>lan=Y vm1>internet=Y lan>vm1=Y internet>vm1=W vm1>host=Y host>vm1=Y vm1>vm2=Y vm1>vm3=Y "
                + "vm2>lan=Y vm2>internet=Y lan>vm2=Y internet>vm2=W vm2>host=Y host>vm2=Y vm2>vm1=Y vm2>vm3=Y "
                + "vm3>lan=Y vm3>internet=Y lan>vm3=Y internet>vm3=W vm3>host=Y host>vm3=Y vm3>vm1=Y vm3>vm2=Y"),
        // A hub with NICs: a vlan inside one process with nothing but the guest's own NICs.
        Arguments.of("hub-nics.json",
            "guest>lan=N guest>internet=N lan>guest=N internet>guest=N guest>host=N host>guest=N"),
        // A hub joined to a tap: "applications in the guest will be able to connect to applications in the host".
        Arguments.of("hub-tap.json",
            "guest>lan=N guest>internet=N lan>guest=N internet>guest=N guest>host=Y host>guest=Y"),
        // Multicast: "each receives the frames every other sends"; no tap, so no host.
        Arguments.of("mcast-three-guests.json",
            "guestA>lan=N guestA>internet=N lan>guestA=N internet>guestA=N guestA>host=N host>guestA=N guestA>guestB=Y guestA>guestC=Y "
                + "guestB>lan=N guestB>internet=N lan>guestB=N internet>guestB=N guestB>host=N host>guestB=N guestB>guestA=Y guestB>guestC=Y "
                + "guestC>lan=N guestC>internet=N lan>guestC=N internet>guestC=N guestC>host=N host>guestC=N guestC>guestA=Y guestC>guestB=Y"),
        // Two guests joined by a socket: "any frames transmitted by Guest A is received by Guest B, and vice versa".
        Arguments.of("socket-listen-connect.json",
            "guestA>lan=N guestA>internet=N lan>guestA=N internet>guestA=N guestA>host=N host>guestA=N guestA>guestB=Y "
                + "guestB>lan=N guestB>internet=N lan>guestB=N internet>guestB=N guestB>host=N host>guestB=N guestB>guestA=Y"),
        // User net on a hub: "largely transparent network access" outwards, nothing forwarded inwards.
        Arguments.of("user-on-hub.json",
            "guest>lan=Y guest>internet=Y lan>guest=N internet>guest=N guest>host=Y host>guest=N"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrices")
  void matrixIsWhatTheSeedSays(String sample, String expected) {
    Map<String, String> want = new TreeMap<>(Arrays.stream(expected.split(" "))
        .collect(Collectors.toMap(s -> s.substring(0, s.indexOf('=')), s -> s.substring(s.indexOf('=') + 1))));
    Map<String, String> got = new TreeMap<>(Reachability.of(Samples.load(sample)).stream()
        .collect(Collectors.toMap(p -> p.from() + ">" + p.to(), p -> letter(p.verdict()))));
    assertEquals(want, got);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrices")
  void everyNoSaysWhatIsMissingAndEveryOnlyWithItsCondition(String sample, String ignored) {
    for (Pair p : Reachability.of(Samples.load(sample))) {
      if (p.verdict() == Verdict.NO) {
        assertTrue(!p.missing().isEmpty(), () -> p + " lacks its missing steps");
      } else {
        assertTrue(p.missing().isEmpty(), () -> p + " is not a no but lists missing steps");
        assertTrue(p.path().size() >= 2, () -> p + " lacks its path");
      }
      if (p.verdict() == Verdict.ONLY_WITH) {
        assertTrue(p.condition() != null && p.condition().startsWith("only"), () -> p + " lacks its condition");
      }
    }
  }

  private static String letter(Verdict v) {
    return switch (v) {
      case YES -> "Y";
      case ONLY_WITH -> "W";
      case NO -> "N";
    };
  }

  static List<String> ids(List<Pair> pairs) {
    return pairs.stream().map(p -> p.from() + ">" + p.to()).toList();
  }
}
