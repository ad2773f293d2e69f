package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Analysis;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.reach.Segments;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Two guests addressed in user net's net on its segment: slirp takes every IPv4 frame of its segment for its own, whatever
 * its destination, and answers a TCP connection between the guests itself with a reset in the
 * target's name, racing the target's own answer (seen with real frames: SlirpSharedHubGuestTest in
 * backends). So such connections fail at random, which verify leaves untested and says why.
 */
public final class SlirpSegmentRule implements Rule {
  static final RuleInfo SHARED = new RuleInfo("usernet.shared-segment", Severity.WARNING,
      "User net (slirp) takes every IPv4 frame on its segment for its own, whatever its destination. A TCP"
          + " connection between two guests on that segment is answered twice, by the target and by slirp with a"
          + " reset in the target's name, and fails whenever slirp's answer comes first.");

  @Override
  public String id() {
    return "usernet-segment";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(SHARED);
  }

  @Override
  public List<Diagnostic> check(Topology topology) {
    return check(new Analysis(topology));
  }

  @Override
  public List<Diagnostic> check(Analysis design) {
    Topology t = design.topology();
    List<Diagnostic> out = new ArrayList<>();
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      design.segments().of(u.id()).ifPresent(segment -> {
        Set<String> guests = guestsOn(t, segment, Cidr.parse(u.net()));
        if (guests.size() >= 2) {
          List<String> elements = new ArrayList<>(List.of(u.id()));
          elements.addAll(guests);
          out.add(Names.finding(SHARED, Names.of(u) + " shares its segment with " + names(t, guests)
              + ": TCP between these guests races slirp's resets and may fail", elements, SHARED.explain(),
              "Give the guests a segment of their own for traffic between them (a second NIC on another hub,"
                  + " or a hub without user net), and keep user net for the way out."));
        }
      });
    }
    return out;
  }

  /**
   * The guests with a NIC on the segment addressed in user net's net (by its DHCP or statically):
   * the connections seen racing slirp's resets (SlirpSharedHubGuestTest) were to such addresses.
   */
  private static Set<String> guestsOn(Topology t, Segments.Segment segment, Optional<Cidr> net) {
    Set<String> guests = new LinkedHashSet<>();
    for (String node : segment.nodes()) {
      int colon = node.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String id = node.substring(0, colon);
      t.element(id).filter(Guest.class::isInstance).map(Guest.class::cast)
          .flatMap(g -> g.nic(node.substring(colon + 1)))
          .filter(n -> inUserNet(n.ip(), net))
          .ifPresent(n -> guests.add(id));
    }
    return guests;
  }

  private static boolean inUserNet(IpConfig ip, Optional<Cidr> net) {
    if (ip.mode() == IpConfig.Mode.DHCP) {
      return true;
    }
    return ip.isStatic() && net.isPresent()
        && Cidr.parse(ip.address()).map(a -> net.get().contains(a.address())).orElse(false);
  }

  private static String names(Topology t, Set<String> ids) {
    return String.join(" and ", ids.stream().map(id -> Names.of(t, id)).toList());
  }
}
