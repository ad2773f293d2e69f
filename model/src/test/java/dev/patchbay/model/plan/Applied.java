package dev.patchbay.model.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A synthetic live state: what a host holds after a plan ran on top of a starting state. */
final class Applied {
  private final List<LiveState.Link> links = new ArrayList<>();
  private final List<LiveState.Address> addresses = new ArrayList<>();
  private final List<LiveState.Route> routes = new ArrayList<>();
  private final Map<String, String> sysctls = new HashMap<>();
  private final Set<String> tables = new HashSet<>();
  private final Set<String> processes = new HashSet<>();

  private String alias;

  static LiveState after(LiveState start, Plan plan) {
    return after(start, plan, null);
  }

  /** As applying live does: every link the plan creates carries {@code alias}. */
  static LiveState after(LiveState start, Plan plan, String alias) {
    Applied a = new Applied();
    a.alias = alias;
    a.links.addAll(start.links());
    a.addresses.addAll(start.addresses());
    a.routes.addAll(start.routes());
    a.sysctls.putAll(start.sysctls());
    a.tables.addAll(start.nftTables());
    a.processes.addAll(start.processes());
    plan.steps().forEach(a::apply);
    return new LiveState(a.links, a.addresses, a.routes, a.sysctls, a.tables, a.processes);
  }

  private void apply(Step step) {
    if (step instanceof Step.CreateTap s) {
      links.add(new LiveState.Link(s.name(), "tun", null, false, alias));
    } else if (step instanceof Step.CreateBridge s) {
      links.add(new LiveState.Link(s.name(), "bridge", null, false, alias));
    } else if (step instanceof Step.Enslave s) {
      replaceLink(s.device(), l -> new LiveState.Link(l.name(), l.kind(), s.bridge(), l.up(), l.alias()));
    } else if (step instanceof Step.SetUp s) {
      replaceLink(s.device(), l -> new LiveState.Link(l.name(), l.kind(), l.master(), true, l.alias()));
    } else if (step instanceof Step.AddAddress s) {
      addresses.add(new LiveState.Address(s.device(), s.cidr()));
    } else if (step instanceof Step.AddRoute s) {
      routes.add(new LiveState.Route(s.destination(), s.via(), s.device()));
    } else if (step instanceof Step.SetSysctl s) {
      sysctls.put(s.key(), s.to());
    } else if (step instanceof Step.LoadNat s) {
      tables.add("ip " + s.table());
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      addresses.removeIf(a -> a.device().equals(s.uplink()));
      routes.removeIf(r -> s.uplink().equals(r.device()));
    } else if (step instanceof Step.StartGuest s) {
      processes.add(s.guest());
    } else if (step instanceof Step.StartVdeSwitch s) {
      processes.add(s.name());
    } else {
      undo(step);
    }
  }

  /** The reverse steps a diff runs to take away what a design no longer has. */
  private void undo(Step step) {
    if (step instanceof Step.DeleteTap s) {
      deleteLink(s.name());
    } else if (step instanceof Step.DeleteBridge s) {
      deleteLink(s.name());
    } else if (step instanceof Step.Release s) {
      replaceLink(s.device(), l -> new LiveState.Link(l.name(), l.kind(), null, l.up(), l.alias()));
    } else if (step instanceof Step.SetDown s) {
      replaceLink(s.device(), l -> new LiveState.Link(l.name(), l.kind(), l.master(), false, l.alias()));
    } else if (step instanceof Step.RemoveAddress s) {
      addresses.removeIf(a -> a.device().equals(s.device()) && a.cidr().equals(s.cidr()));
    } else if (step instanceof Step.RemoveRoute s) {
      routes.removeIf(r -> r.equals(new LiveState.Route(s.destination(), s.via(), s.device())));
    } else if (step instanceof Step.DeleteNat s) {
      tables.remove("ip " + s.table());
    } else if (step instanceof Step.StopGuest s) {
      processes.remove(s.guest());
    } else if (step instanceof Step.StopVdeSwitch s) {
      processes.remove(s.name());
    } else {
      throw new IllegalArgumentException("no effect known for " + step);
    }
  }

  /** A link goes with its addresses, routes and proxy ARP setting; its ports lose their master. */
  private void deleteLink(String name) {
    links.removeIf(l -> l.name().equals(name));
    links.replaceAll(l -> name.equals(l.master()) ? new LiveState.Link(l.name(), l.kind(), null, l.up(), l.alias()) : l);
    addresses.removeIf(a -> a.device().equals(name));
    routes.removeIf(r -> name.equals(r.device()));
    sysctls.remove(Planner.proxyArpKey(name));
  }

  private void replaceLink(String name, java.util.function.UnaryOperator<LiveState.Link> edit) {
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i).name().equals(name)) {
        links.set(i, edit.apply(links.get(i)));
        return;
      }
    }
    throw new IllegalArgumentException("no link " + name);
  }
}
