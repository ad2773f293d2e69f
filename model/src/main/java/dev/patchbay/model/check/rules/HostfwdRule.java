package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.net.Cidr;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** User net's host forwards (the old -redir tcp:5022::22 of the user-net scenario): each listens on one host port. */
public final class HostfwdRule implements Rule {
  static final RuleInfo COLLISION = new RuleInfo("hostfwd.collision", Severity.ERROR,
      "A host forward makes QEMU listen on a host port; two forwards on one protocol and port cannot both listen,"
          + " and the second QEMU fails to start (\"could not set up host forwarding rule\").");
  static final RuleInfo PRIVILEGED = new RuleInfo("hostfwd.privileged", Severity.WARNING,
      "Ports below 1024 need root (or CAP_NET_BIND_SERVICE), and QEMU should not run as root; the sample \"User net with a host forward\" forwards the"
          + " unprivileged 5022 to the guest's 22.");
  static final RuleInfo PORT_RANGE = new RuleInfo("hostfwd.port-range", Severity.ERROR,
      "TCP and UDP ports are 1 to 65535; QEMU refuses a hostfwd rule with port 0 or anything above 65535.");
  static final RuleInfo GUEST_OUTSIDE = new RuleInfo("hostfwd.guest-outside", Severity.ERROR,
      "A forward's guest address must be in user net's subnet (10.0.2.15 by default), where slirp can deliver it.");

  @Override
  public String id() {
    return "hostfwd";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(COLLISION, PRIVILEGED, PORT_RANGE, GUEST_OUTSIDE);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesOnly(c, Set.of(UserNet.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, String> listeners = new LinkedHashMap<>();
    Set<Integer> used = new HashSet<>();
    t.elementsOf(UserNet.class).forEach(u -> u.hostfwd().forEach(f -> used.add(f.hostPort())));
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      for (int i = 0; i < u.hostfwd().size(); i++) {
        HostForward f = u.hostfwd().get(i);
        String what = Names.of(u) + " forward " + f.protocol().fileName() + "/" + f.hostPort() + " -> " + f.guestPort();
        if (bad(f.hostPort()) || bad(f.guestPort())) {
          out.add(Names.finding(PORT_RANGE, what + " uses a port outside 1-65535", List.of(u.id()),
              PORT_RANGE.explain(), "Use ports between 1 and 65535."));
          continue;
        }
        String key = f.protocol() + "/" + f.hostPort();
        String before = listeners.putIfAbsent(key, u.id());
        if (before != null) {
          out.add(Names.finding(COLLISION, what + " listens on host port " + f.hostPort() + ", which "
                  + Names.of(t, before) + " already forwards", List.of(before, u.id()).stream().distinct().toList(),
              COLLISION.explain(), movePort(u, i, freePort(used, 5000 + f.guestPort()))));
        } else if (f.hostPort() < 1024) {
          out.add(Names.finding(PRIVILEGED, what + " asks for privileged host port " + f.hostPort(), List.of(u.id()),
              PRIVILEGED.explain(), movePort(u, i, freePort(used, 5000 + f.hostPort()))));
        }
        guestOutside(u, f, what).ifPresent(out::add);
      }
    }
    return out;
  }

  private static java.util.Optional<Diagnostic> guestOutside(UserNet u, HostForward f, String what) {
    if (f.guestAddress() == null || f.guestAddress().isBlank()) {
      return java.util.Optional.empty();
    }
    var net = Cidr.parse(u.net());
    var a = Ipv4.parse(f.guestAddress());
    if (net.isEmpty() || a.isEmpty() || net.get().contains(a.get())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Names.finding(GUEST_OUTSIDE, what + " targets " + f.guestAddress() + ", outside "
        + u.net(), List.of(u.id()), GUEST_OUTSIDE.explain(), Fixes.element("Forward to user net's guest (no address:"
        + " slirp's first DHCP address)", u.id(), UserNet.class, now -> now.withHostfwd(now.hostfwd().stream()
            .map(x -> x.equals(f) ? new HostForward(f.protocol(), f.hostAddress(), f.hostPort(), null, f.guestPort()) : x)
            .toList()))));
  }

  private static boolean bad(int port) {
    return port < 1 || port > 65535;
  }

  private static int freePort(Set<Integer> used, int from) {
    int p = Math.max(1024, Math.min(from, 65000));
    while (used.contains(p)) {
      p++;
    }
    return p;
  }

  private static Fix movePort(UserNet u, int index, int port) {
    String d = "Forward from host port " + port + " instead";
    return Fixes.element(d, u.id(), UserNet.class, now -> {
      List<HostForward> rules = new ArrayList<>(now.hostfwd());
      HostForward f = rules.get(index);
      rules.set(index, new HostForward(f.protocol(), f.hostAddress(), port, f.guestAddress(), f.guestPort()));
      return now.withHostfwd(rules);
    });
  }
}
