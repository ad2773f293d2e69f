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

  private boolean holds(Step step) {
    return step.accept(holds);
  }

  /**
   * Whether the host has what each kind of step makes. Reverse steps come only from Plan.reverse(),
   * never from a diff: none of them is ever satisfied.
   */
  private final Step.Visitor<Boolean, RuntimeException> holds = new Step.Visitor<>() {
    public Boolean createTap(Step.CreateTap s) {
      return ours(s.name(), "tun");
    }

    public Boolean deleteTap(Step.DeleteTap s) {
      return false;
    }

    public Boolean createBridge(Step.CreateBridge s) {
      return ours(s.name(), "bridge");
    }

    public Boolean deleteBridge(Step.DeleteBridge s) {
      return false;
    }

    public Boolean enslave(Step.Enslave s) {
      return live.link(s.device()).filter(l -> s.bridge().equals(l.master())).isPresent();
    }

    public Boolean release(Step.Release s) {
      return false;
    }

    public Boolean setUp(Step.SetUp s) {
      return live.link(s.device()).filter(LiveState.Link::up).isPresent();
    }

    public Boolean setDown(Step.SetDown s) {
      return false;
    }

    public Boolean addAddress(Step.AddAddress s) {
      return live.hasAddress(s.device(), s.cidr());
    }

    public Boolean removeAddress(Step.RemoveAddress s) {
      return false;
    }

    public Boolean addRoute(Step.AddRoute s) {
      return live.hasRoute(s.destination(), s.via(), s.device());
    }

    public Boolean removeRoute(Step.RemoveRoute s) {
      return false;
    }

    public Boolean setSysctl(Step.SetSysctl s) {
      return live.sysctl(s.key()).filter(v -> Objects.equals(v, s.to())).isPresent();
    }

    public Boolean loadNat(Step.LoadNat s) {
      return live.nftTables().contains("ip " + s.table()) && (marker == null || ownedTables.contains(s.table()));
    }

    public Boolean deleteNat(Step.DeleteNat s) {
      return false;
    }

    public Boolean clearUplinkAddresses(Step.ClearUplinkAddresses s) {
      return !live.hasAnyAddress(s.uplink());
    }

    public Boolean restoreUplinkAddresses(Step.RestoreUplinkAddresses s) {
      return false;
    }

    public Boolean startVdeSwitch(Step.StartVdeSwitch s) {
      return live.processes().contains(s.name());
    }

    public Boolean stopVdeSwitch(Step.StopVdeSwitch s) {
      return false;
    }

    public Boolean startGuest(Step.StartGuest s) {
      return live.processes().contains(s.guest());
    }

    public Boolean stopGuest(Step.StopGuest s) {
      return false;
    }
  };

  private boolean ours(String name, String kind) {
    return live.link(name).filter(l -> kind.equals(l.kind()))
        .filter(l -> marker == null || marker.equals(l.alias())).isPresent();
  }
}
