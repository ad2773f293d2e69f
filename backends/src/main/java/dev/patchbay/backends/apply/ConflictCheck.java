package dev.patchbay.backends.apply;

import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.plan.Diff;
import dev.patchbay.model.plan.LiveState;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.plan.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pre-flight check of an {@code up}: everything the steps about to run would make or take that
 * already exists and is not the lab's, found in the live state before any step runs and reported all
 * at once (what, what holds it, what to do). It changes nothing. Without it the apply would stop
 * halfway (EEXIST, EBUSY) or, worse, take the other object over: enslave a user's uplink away from
 * their bridge, put a second copy of an address someone uses on the lab's bridge.
 *
 * <p>"The lab's" is what carries its marker (links), what its journal holds (the nft table, routes),
 * or what a step of this apply removes first: the uplink's addresses and routes that
 * ClearUplinkAddresses takes away, the links the Reconciler deletes. The rules are in APPLY.md
 * (Ownership).
 */
public final class ConflictCheck {
  /**
   * One object the design needs that something else holds; {@code step} is the planned step that
   * would fail on it when the object is missing, else null.
   */
  public record Conflict(String object, String holder, String remedy, Step step) {
    public Conflict(String object, String holder, String remedy) {
      this(object, holder, remedy, null);
    }

    @Override
    public String toString() {
      return object + ": " + holder + "; " + remedy;
    }
  }

  /** An up refused before its first step, with every conflict found. */
  public static final class Found extends IOException {
    private final transient List<Conflict> conflicts;

    Found(String lab, String where, List<Conflict> conflicts) {
      super(message(lab, where, conflicts));
      this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
      return conflicts;
    }

    private static String message(String lab, String where, List<Conflict> conflicts) {
      StringBuilder text = new StringBuilder("lab " + lab + " was not applied to " + where + ": "
          + conflicts.size() + " object(s) it needs are there already and not the lab's; no step ran:");
      conflicts.forEach(c -> text.append("\n  - ").append(c));
      return text.toString();
    }
  }

  private final Diff diff;
  private final LiveState live;
  private final Marker marker;
  private final String where;
  private final Set<String> created = new HashSet<>();
  private final Set<String> cleared = new HashSet<>();
  private final Set<String> deletedFirst = new HashSet<>();
  private final List<Step> removedFirst = new ArrayList<>();
  private final List<Conflict> found = new ArrayList<>();

  private ConflictCheck(Diff diff, LiveState live, Marker marker, String where) {
    this.diff = diff;
    this.live = live;
    this.marker = marker;
    this.where = where;
    for (Step s : diff.additions().steps()) {
      createdName(s).ifPresent(created::add);
      if (s instanceof Step.ClearUplinkAddresses c) {
        cleared.add(c.uplink());
      }
    }
    for (Step s : diff.removals().steps()) {
      removedFirst.add(s);
      if (s instanceof Step.DeleteTap d) {
        deletedFirst.add(d.name());
      } else if (s instanceof Step.DeleteBridge d) {
        deletedFirst.add(d.name());
      }
    }
  }

  /** Throws {@link Found} naming every conflict of the diff's additions with {@code live}; else returns. */
  static void check(Diff diff, LiveState live, Marker marker, String where) throws Found {
    List<Conflict> conflicts = find(diff, live, marker, where);
    if (!conflicts.isEmpty()) {
      throw new Found(marker.lab(), where, conflicts);
    }
  }

  static List<Conflict> find(Diff diff, LiveState live, Marker marker, String where) {
    ConflictCheck check = new ConflictCheck(diff, live, marker, where);
    for (Step s : diff.additions().steps()) {
      check.step(s);
    }
    return check.found;
  }

  // Java 17 has no pattern matching in switch: an instanceof chain, one rule per kind of step.
  private void step(Step s) {
    if (s instanceof Step.CreateTap t) {
      link(t.name(), "tun", "tap");
    } else if (s instanceof Step.CreateBridge b) {
      link(b.name(), "bridge", "bridge");
    } else if (s instanceof Step.Enslave e) {
      port(e);
    } else if (s instanceof Step.AddAddress a) {
      address(a);
    } else if (s instanceof Step.AddRoute r) {
      route(r);
      needs(r.device(), s);
    } else if (s instanceof Step.LoadNat n) {
      table(n.table());
    } else if (s instanceof Step.ClearUplinkAddresses c) {
      needs(c.uplink(), s);
    } else if (s instanceof Step.SetSysctl k) {
      needs(proxyArpDevice(k.key()), s);
    }
  }

  /**
   * A link of the design's name that is not the lab's, or is the lab's but of another kind and not
   * deleted first by the Reconciler (which deletes only what carries the marker).
   */
  private void link(String name, String kind, String word) {
    Optional<LiveState.Link> there = live.link(name);
    if (there.isEmpty() || ours(there.get()) && (kind.equals(there.get().kind()) || deletedFirst.contains(name))) {
      return;
    }
    found.add(new Conflict(word + " " + name, describe(there.get()) + " is there already",
        "rename " + name + " in the design, or remove that " + kindWord(there.get())));
  }

  /** An interface the design enslaves (an uplink) that is a port of a bridge that is not the lab's. */
  private void port(Step.Enslave e) {
    if (created.contains(e.device())) {
      return;
    }
    needs(e.device(), e);
    Optional<LiveState.Link> bridge = live.link(e.device()).map(LiveState.Link::master).flatMap(live::link);
    if (bridge.isPresent() && !bridge.get().name().equals(e.bridge()) && !ours(bridge.get())) {
      found.add(new Conflict("interface " + e.device(), "it is a port of bridge " + bridge.get().name()
          + ", which is not this lab's; enslaving it to " + e.bridge() + " would take it away",
          "release " + e.device() + " from " + bridge.get().name() + " first, or leave it out of " + e.bridge()));
    }
  }

  /**
   * The same IPv4 address on another interface: both would claim it, and deleting the lab's copy on
   * down can leave the other's local route behind. Another address of the same subnet is harmless
   * to the other interface (each keeps its own connected route), so it is no conflict.
   */
  private void address(Step.AddAddress a) {
    Cidr wanted = Cidr.of(a.cidr());
    for (LiveState.Address held : live.addresses()) {
      Optional<Cidr> cidr = Cidr.parse(held.cidr());
      if (cidr.isPresent() && cidr.get().address().equals(wanted.address()) && !held.device().equals(a.device())
          && !goesFirst(held.device()) && !removedFirst.contains(new Step.RemoveAddress(held.device(), held.cidr()))) {
        found.add(new Conflict("address " + wanted.address() + " (for " + a.device() + ")",
            held.device() + " has it already (" + held.cidr() + ")",
            "give " + a.device() + " another address in the design, or remove it from " + held.device()));
      }
    }
  }

  /** A route to the same destination with another gateway or device: the kernel refuses the lab's (EEXIST). */
  private void route(Step.AddRoute r) {
    Cidr destination = StepRunner.destination(r.destination()).network();
    for (LiveState.Route held : live.routes()) {
      Optional<Cidr> dest = Cidr.parse(LiveState.normalDestination(held.destination())).map(Cidr::network);
      if (dest.equals(Optional.of(destination)) && !created.contains(held.device()) && !goesFirst(held.device())
          && !removedFirst(held)) {
        found.add(new Conflict("route " + destination, "the main table has it already"
            + (held.via() == null ? "" : " via " + held.via()) + (held.device() == null ? "" : " dev " + held.device()),
            "delete that route, or change the design's route to " + destination));
      }
    }
  }

  /** The lab's nft table, there though the lab's journal did not make it: a leftover, or someone else's. */
  private void table(String table) {
    boolean owned = diff.owned().stream().anyMatch(s -> s instanceof Step.LoadNat n && n.table().equals(table));
    if (live.nftTables().contains("ip " + table) && !owned) {
      found.add(new Conflict("nft table ip " + table, "it exists, but lab " + marker.lab()
          + "'s journal did not make it (left by a lab whose state is gone, or made by hand)",
          "if it is a leftover, delete it (nft delete table ip " + table + "); else apply under another --lab name"));
    }
  }

  /** A link a step works on that neither exists nor is made by this apply: the step would fail. */
  private void needs(String device, Step step) {
    if (device != null && !created.contains(device) && live.link(device).isEmpty()) {
      String key = "interface " + device;
      if (found.stream().noneMatch(c -> c.object().equals(key))) {
        found.add(new Conflict(key, "there is none in " + where + ", and '" + PlanText.describe(step) + "' needs it",
            "name an interface that exists in the design (an uplink's name), or create " + device + " first", step));
      }
    }
  }

  /**
   * Whatever is on this interface is gone before the lab's steps need it: an uplink the apply clears,
   * or a link of the lab that the Reconciler deletes first.
   */
  private boolean goesFirst(String device) {
    return device != null && (cleared.contains(device)
        || deletedFirst.contains(device) && live.link(device).filter(this::ours).isPresent());
  }

  /** A route of the lab's journal that the Reconciler removes before the additions run. */
  private boolean removedFirst(LiveState.Route held) {
    LiveState alone = new LiveState(List.of(), List.of(), List.of(held), Map.of(), Set.of(), Set.of());
    return removedFirst.stream()
        .anyMatch(s -> s instanceof Step.RemoveRoute r && alone.hasRoute(r.destination(), r.via(), r.device()));
  }

  private boolean ours(LiveState.Link link) {
    return marker.alias().equals(link.alias());
  }

  private static Optional<String> createdName(Step s) {
    if (s instanceof Step.CreateTap t) {
      return Optional.of(t.name());
    } else if (s instanceof Step.CreateBridge b) {
      return Optional.of(b.name());
    }
    return Optional.empty();
  }

  private static String proxyArpDevice(String key) {
    String prefix = "net.ipv4.conf.";
    return key.startsWith(prefix) && key.endsWith(".proxy_arp")
        ? key.substring(prefix.length(), key.length() - ".proxy_arp".length()) : null;
  }

  private static String describe(LiveState.Link link) {
    String alias = link.alias();
    String whose = alias == null ? "no alias"
        : alias.startsWith(Marker.PREFIX) ? "marked for lab " + alias.substring(Marker.PREFIX.length())
        : "alias '" + alias + "'";
    return "a " + kindWord(link) + " named " + link.name() + " (" + whose + ")";
  }

  private static String kindWord(LiveState.Link link) {
    if (link.kind() == null) {
      return "device";
    }
    return switch (link.kind()) {
      case "tun" -> "tun/tap device";
      case "bridge", "veth" -> link.kind();
      default -> link.kind() + " device";
    };
  }
}
