package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Fix;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.fix.Fixes;
import dev.patchbay.model.edit.ReplaceElementCommand;
import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Addresses;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Socket links between QEMU processes (the socket and multicast scenarios): both ends wired, one
 * listener per port, real multicast groups.
 */
public final class SocketRule implements Rule {
  static final RuleInfo NO_LISTEN = new RuleInfo("socket.connect-without-listen", Severity.ERROR,
      "-net socket,connect=127.0.0.1:8010 needs a QEMU process listening there (-net socket,listen=:8010, the sample \"Two guests joined by a socket\");"
          + " without one the connecting QEMU fails to start.");
  static final RuleInfo NO_CONNECT = new RuleInfo("socket.listen-unused", Severity.WARNING,
      "A listening socket with nothing connecting carries no frames; its hub stays alone.");
  static final RuleInfo PORT_CLASH = new RuleInfo("socket.port-clash", Severity.ERROR,
      "Two listeners cannot bind one TCP port: the second QEMU fails with \"Address already in use\".");
  static final RuleInfo MCAST_ADDRESS = new RuleInfo("socket.mcast-address", Severity.ERROR,
      "-net socket,mcast= takes a multicast group, an address in 224.0.0.0/4 such as 230.0.0.1 (the sample \"Three guests on a multicast socket\").");
  static final RuleInfo PORT_RANGE = new RuleInfo("socket.port-range", Severity.ERROR,
      "TCP and UDP ports are 1 to 65535; a dgram link needs both sides' ports.");
  static final RuleInfo MCAST_LONELY = new RuleInfo("socket.mcast-lonely", Severity.WARNING,
      "A multicast bus with a single member has nobody to talk to (the sample \"Three guests on a multicast socket\" joins three).");

  @Override
  public String id() {
    return "socket";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(NO_LISTEN, NO_CONNECT, PORT_CLASH, MCAST_ADDRESS, PORT_RANGE, MCAST_LONELY);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesLinksOr(c, Set.of(Socket.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Socket> listeners = new LinkedHashMap<>();
    for (Socket s : t.elementsOf(Socket.class).toList()) {
      if (badPorts(s)) {
        String msg = Names.of(s) + " has port " + s.port()
            + (s.transport() == Socket.Transport.DGRAM ? " and peer port " + s.peerPort() : "") + ": ports are 1-65535";
        out.add(s.transport() == Socket.Transport.DGRAM
            ? Names.finding(PORT_RANGE, msg, List.of(s.id()), PORT_RANGE.explain(), "Set both ports between 1 and 65535.")
            : Names.finding(PORT_RANGE, msg, List.of(s.id()), PORT_RANGE.explain(), movePort(t, s)));
      }
      switch (s.transport()) {
        case MCAST -> mcast(t, s, out);
        case SOCKET, STREAM -> {
          pointToPoint(t, s, out);
          boolean listening = !t.linksAt(Endpoint.of(s.id(), Socket.LISTEN)).isEmpty();
          Socket before = listening ? listeners.putIfAbsent(s.transport() + ":" + s.port(), s) : null;
          if (before != null) {
            out.add(Names.finding(PORT_CLASH, Names.of(s) + " and " + Names.of(before) + " both listen on port "
                + s.port(), List.of(before.id(), s.id()), PORT_CLASH.explain(), movePort(t, s)));
          }
        }
        case DGRAM -> { }
      }
    }
    return out;
  }

  private static boolean badPorts(Socket s) {
    boolean bad = s.port() < 1 || s.port() > 65535;
    if (s.transport() == Socket.Transport.DGRAM) {
      bad |= s.peerPort() == null || s.peerPort() < 1 || s.peerPort() > 65535;
    }
    return bad;
  }

  private void pointToPoint(Topology t, Socket s, List<Diagnostic> out) {
    boolean listen = !t.linksAt(Endpoint.of(s.id(), Socket.LISTEN)).isEmpty();
    boolean connect = !t.linksAt(Endpoint.of(s.id(), Socket.CONNECT)).isEmpty();
    if (connect && !listen) {
      out.add(Names.finding(NO_LISTEN, Names.of(s) + " has its connect side wired but nothing listens on port "
          + s.port(), List.of(s.id()), NO_LISTEN.explain(), "Wire " + s.id() + ":listen to the other guest's hub or NIC."));
    } else if (listen && !connect) {
      out.add(Names.finding(NO_CONNECT, Names.of(s) + " listens on port " + s.port() + " but nothing connects",
          List.of(s.id()), NO_CONNECT.explain(), "Wire " + s.id() + ":connect to the other guest's hub or NIC."));
    }
  }

  private void mcast(Topology t, Socket s, List<Diagnostic> out) {
    Optional<Ipv4> group = Ipv4.parse(s.host());
    if (group.isEmpty() || !Addresses.MULTICAST.contains(group.get())) {
      out.add(Names.finding(MCAST_ADDRESS, Names.of(s) + " uses '" + s.host() + "', which is not a multicast group"
          + " (224.0.0.0/4)", List.of(s.id()), MCAST_ADDRESS.explain(), Fixes.element("Use the multicast group "
          + MCAST_GROUP + " for " + s.id(), s.id(), Socket.class, now -> new Socket(now.id(), now.name(),
              now.transport(), MCAST_GROUP, now.port(), now.peerPort()))));
    }
    if (t.linksOf(s.id()).size() == 1) {
      out.add(Names.finding(MCAST_LONELY, Names.of(s) + " has a single member", List.of(s.id()),
          MCAST_LONELY.explain(), "Link more guests' NICs or hubs to " + s.name() + "."));
    }
  }

  /** QEMU's documented example group (-netdev socket,mcast=230.0.0.1:1234). */
  private static final String MCAST_GROUP = "230.0.0.1";

  /** A port no socket and no host forward of the design uses, from 8010 (the socket scenario's) up. */
  static int freePort(Topology t, int from) {
    Set<Integer> used = new java.util.HashSet<>();
    t.elementsOf(Socket.class).forEach(s -> {
      used.add(s.port());
      if (s.peerPort() != null) {
        used.add(s.peerPort());
      }
    });
    t.elementsOf(dev.patchbay.model.topology.UserNet.class).forEach(u -> u.hostfwd().forEach(f -> used.add(f.hostPort())));
    int p = from;
    while (used.contains(p)) {
      p++;
    }
    return p;
  }

  /**
   * Gives a listen/connect or multicast socket a free port (both its sides use the one port), picked
   * when applied: which ports are free depends on host forwards, which do not re-run this rule.
   */
  static Fix movePort(Topology t, Socket s) {
    String d = "Give " + s.id() + " a free port (from 8010 up)";
    return Fixes.of(d, x -> new ReplaceElementCommand(((Socket) x.element(s.id()).orElseThrow())
        .withPort(freePort(x, 8010)), d));
  }
}
