package dev.patchbay.model.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a live host already has what a step would make, so a re-plan can leave the step out.
 *
 * <p>A link counts as made only when it is of the kind the step makes and, for a planner that knows
 * the lab's marker ({@link Planner#markedWith}), carries it: a user's own tun named tap1 is not the
 * lab's tap1. A link that exists but is not the step's is "fresh": the plan creates it (which the
 * kernel will refuse, and the apply's conflict check reports first), and every step on it is needed
 * too, because what the other link happens to have (up, on a bridge, an address) is not the lab's.
 * Likewise the lab's nft table counts only when its journal made it: a leftover or someone else's
 * table of that name would otherwise stand in for the lab's NAT rules.
 */
final class Satisfaction {
  private final LiveState live;
  private final String marker;
  private final Set<String> fresh = new HashSet<>();
  private final Set<String> ownedTables = new HashSet<>();

  private Satisfaction(LiveState live, String marker) {
    this.live = live;
    this.marker = marker;
  }

  /**
   * {@code marker} is the alias the lab's links carry, or null when any link of the right kind (and
   * any nft table of the lab's name) counts; {@code owned} are the lab's journalled steps. An nft
   * table carries no marker, so with one the table counts only when the journal made it.
   */
  static Satisfaction of(Plan wanted, List<Step> owned, LiveState live, String marker) {
    Satisfaction s = new Satisfaction(live, marker);
    owned.stream().filter(Step.LoadNat.class::isInstance).map(n -> ((Step.LoadNat) n).table())
        .forEach(s.ownedTables::add);
    for (Step step : wanted.steps()) {
      created(step).filter(name -> live.link(name).isPresent() && !s.holds(step)).ifPresent(s.fresh::add);
    }
    return s;
  }

  /** The link a create step makes. */
  static Optional<String> created(Step step) {
    if (step instanceof Step.CreateTap s) {
      return Optional.of(s.name());
    } else if (step instanceof Step.CreateBridge s) {
      return Optional.of(s.name());
    }
    return Optional.empty();
  }

  boolean satisfied(Step step) {
    if (!fresh.isEmpty() && Diff.devices(step).stream().anyMatch(fresh::contains)) {
      return false;
    }
    return holds(step);
  }

  // Java 17 has no pattern matching in switch: an instanceof chain, one line per kind of step.
  private boolean holds(Step step) {
    if (step instanceof Step.CreateTap s) {
      return ours(s.name(), "tun");
    } else if (step instanceof Step.CreateBridge s) {
      return ours(s.name(), "bridge");
    } else if (step instanceof Step.Enslave s) {
      return live.link(s.device()).filter(l -> s.bridge().equals(l.master())).isPresent();
    } else if (step instanceof Step.SetUp s) {
      return live.link(s.device()).filter(LiveState.Link::up).isPresent();
    } else if (step instanceof Step.AddAddress s) {
      return live.hasAddress(s.device(), s.cidr());
    } else if (step instanceof Step.AddRoute s) {
      return live.hasRoute(s.destination(), s.via(), s.device());
    } else if (step instanceof Step.SetSysctl s) {
      return live.sysctl(s.key()).filter(v -> Objects.equals(v, s.to())).isPresent();
    } else if (step instanceof Step.LoadNat s) {
      return live.nftTables().contains("ip " + s.table()) && (marker == null || ownedTables.contains(s.table()));
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      return !live.hasAnyAddress(s.uplink());
    } else if (step instanceof Step.StartVdeSwitch s) {
      return live.processes().contains(s.name());
    } else if (step instanceof Step.StartGuest s) {
      return live.processes().contains(s.guest());
    }
    // Reverse steps come only from Plan.reverse(), never from a diff.
    return false;
  }

  private boolean ours(String name, String kind) {
    return live.link(name).filter(l -> kind.equals(l.kind()))
        .filter(l -> marker == null || marker.equals(l.alias())).isPresent();
  }
}
