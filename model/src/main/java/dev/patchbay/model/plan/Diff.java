package dev.patchbay.model.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What re-applying an edited design does where a lab is applied: first the lab's own steps that the
 * design no longer has are undone (their inverses, the last applied first: guests stop, NAT goes,
 * sysctls go back, routes and addresses go before their links are set down, released and deleted),
 * then the design's steps that the host lacks are applied.
 *
 * <p>Only steps the lab applied (its journal's) are ever undone: what the host had before the lab, or
 * someone made by hand, is never removed. Undoing a tap or bridge also undoes every step of the lab
 * on it (its ports, address, routes, proxy ARP, the guests using a tap), because deleting the link
 * takes those along; any of them the design still has is applied again after.
 *
 * @param owned the lab's applied steps, in the order they ran
 * @param removed indexes into {@code owned} of the steps to undo, in the order their inverses run
 * @param additions the steps to apply once the removals are done
 */
public record Diff(List<Step> owned, List<Integer> removed, Plan additions) {
  private static final Pattern TAP_ARGUMENT = Pattern.compile("ifname=([^,]+)");

  public Diff {
    owned = List.copyOf(owned);
    removed = List.copyOf(removed);
  }

  /**
   * The difference between the full plan of a design and what the lab applied, on a host in state
   * {@code live}; a link counts as there only when it carries {@code marker}, and then the lab's nft
   * table only when {@code owned} made it (null: any link of the kind, any table of the name).
   */
  public static Diff of(Plan wanted, List<Step> owned, LiveState live, String marker) {
    // Sets of normal forms, not pairwise comparison: a lab of thousands of steps diffs in linear time.
    Set<Step> designed = new HashSet<>();
    wanted.steps().forEach(w -> designed.add(normal(w)));
    Set<Integer> gone = new HashSet<>();
    for (int i = 0; i < owned.size(); i++) {
      if (!designed.contains(normal(owned.get(i)))) {
        gone.add(i);
      }
    }
    Set<String> deletedLinks = cascade(owned, gone);
    Set<String> removedKeys = new HashSet<>();
    Set<Step> keptSteps = new HashSet<>();
    for (int i = 0; i < owned.size(); i++) {
      if (gone.contains(i)) {
        removedKeys.add(key(owned.get(i)));
      } else {
        keptSteps.add(normal(owned.get(i)));
      }
    }
    List<Step> additions = new ArrayList<>();
    Satisfaction satisfaction = Satisfaction.of(wanted, owned, live, marker);
    for (Step w : wanted.steps()) {
      boolean kept = keptSteps.contains(normal(w));
      boolean redo = removedKeys.contains(key(w)) || devices(w).stream().anyMatch(deletedLinks::contains);
      if (redo) {
        additions.add(w);
      } else if (!satisfaction.satisfied(w)) {
        additions.add(kept ? w : Planner.knowingPrevious(w, live));
      }
    }
    List<Integer> order = gone.stream().sorted(Comparator.reverseOrder()).toList();
    return new Diff(owned, order, new Plan(additions));
  }

  /** Undoing a tap or bridge undoes every step on it; returns the names of the links that go. */
  private static Set<String> cascade(List<Step> owned, Set<Integer> gone) {
    Set<String> links = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int i : gone) {
        if (owned.get(i) instanceof Step.CreateTap s) {
          grew |= links.add(s.name());
        } else if (owned.get(i) instanceof Step.CreateBridge s) {
          grew |= links.add(s.name());
        }
      }
      for (int i = 0; i < owned.size(); i++) {
        if (!gone.contains(i) && devices(owned.get(i)).stream().anyMatch(links::contains)) {
          gone.add(i);
          grew = true;
        }
      }
    }
    return links;
  }

  /** The inverses of the removed steps, in the order they run. */
  public Plan removals() {
    return new Plan(removed.stream().map(i -> owned.get(i).inverse()).toList());
  }

  /** Everything re-applying does: the removals, then the additions. */
  public Plan plan() {
    List<Step> all = new ArrayList<>(removals().steps());
    all.addAll(additions.steps());
    return new Plan(all);
  }

  public boolean isEmpty() {
    return removed.isEmpty() && additions.isEmpty();
  }

  /**
   * The step as compared between the journal and the design: a sysctl step ran knowing the value it
   * replaced, the design's does not know it yet, so only the key and the new value count.
   */
  static Step normal(Step step) {
    return step instanceof Step.SetSysctl s ? new Step.SetSysctl(s.key(), null, s.to()) : step;
  }

  /** The thing a step makes or sets: a changed one (a NAT table's rules, a guest's arguments) is made anew. */
  static String key(Step step) {
    if (step instanceof Step.CreateTap s) {
      return "link " + s.name();
    } else if (step instanceof Step.CreateBridge s) {
      return "link " + s.name();
    } else if (step instanceof Step.Enslave s) {
      return "port " + s.device();
    } else if (step instanceof Step.SetUp s) {
      return "up " + s.device();
    } else if (step instanceof Step.SetSysctl s) {
      return "sysctl " + s.key();
    } else if (step instanceof Step.LoadNat s) {
      return "nat " + s.table();
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      return "clear " + s.uplink();
    } else if (step instanceof Step.StartGuest s) {
      return "guest " + s.guest();
    } else if (step instanceof Step.StartVdeSwitch s) {
      return "vde " + s.name();
    }
    return step.toString();
  }

  /** The links a step works on (and so goes with when one of them is deleted). */
  static Set<String> devices(Step step) {
    Set<String> out = new HashSet<>();
    if (step instanceof Step.CreateTap s) {
      out.add(s.name());
    } else if (step instanceof Step.CreateBridge s) {
      out.add(s.name());
    } else if (step instanceof Step.Enslave s) {
      out.addAll(List.of(s.device(), s.bridge()));
    } else if (step instanceof Step.SetUp s) {
      out.add(s.device());
    } else if (step instanceof Step.AddAddress s) {
      out.add(s.device());
    } else if (step instanceof Step.AddRoute s && s.device() != null) {
      out.add(s.device());
    } else if (step instanceof Step.SetSysctl s && s.key().startsWith("net.ipv4.conf.")
        && s.key().endsWith(".proxy_arp")) {
      out.add(s.key().substring("net.ipv4.conf.".length(), s.key().length() - ".proxy_arp".length()));
    } else if (step instanceof Step.StartVdeSwitch s && s.tap() != null) {
      out.add(s.tap());
    } else if (step instanceof Step.StartGuest s) {
      // A guest holds its tap open: a tap deleted and made anew needs the guest started anew.
      for (String argument : s.arguments()) {
        Matcher m = TAP_ARGUMENT.matcher(argument);
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }
}
