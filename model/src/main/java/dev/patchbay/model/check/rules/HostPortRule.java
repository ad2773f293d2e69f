package dev.patchbay.model.check.rules;

import dev.patchbay.model.check.Changes;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Rule;
import dev.patchbay.model.check.RuleInfo;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.TopologyChange;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Host ports bound by different kinds of element: a user-net forward and a socket listener (or a
 * dgram end) on one port. Clashes within one kind are hostfwd.collision and socket.port-clash.
 */
public final class HostPortRule implements Rule {
  static final RuleInfo CLASH = new RuleInfo("hostport.clash", Severity.ERROR,
      "Host forwards (-redir) and socket links (listen=:8010, the sample \"Two guests joined by a socket\") both bind ports on the host; one TCP or UDP"
          + " port can be bound once, so whichever QEMU starts second fails with \"Address already in use\".");

  private record Binder(String elementId, String what) {}

  @Override
  public String id() {
    return "hostport";
  }

  @Override
  public List<RuleInfo> catalogue() {
    return List.of(CLASH);
  }

  @Override
  public boolean affectedBy(TopologyChange c) {
    return Changes.touchesLinksOr(c, Set.of(UserNet.class, Socket.class));
  }

  @Override
  public List<Diagnostic> check(Topology t) {
    Map<String, Binder> bound = new LinkedHashMap<>();
    List<Diagnostic> out = new ArrayList<>();
    for (UserNet u : t.elementsOf(UserNet.class).toList()) {
      for (HostForward f : u.hostfwd()) {
        bound.putIfAbsent(f.protocol().fileName() + "/" + f.hostPort(),
            new Binder(u.id(), Names.of(u) + "'s forward " + f.protocol().fileName() + "/" + f.hostPort()));
      }
    }
    for (Socket s : t.elementsOf(Socket.class).toList()) {
      for (String key : ports(t, s)) {
        Binder other = bound.get(key);
        if (other != null && !other.elementId().equals(s.id())) {
          out.add(Names.finding(CLASH, Names.of(s) + " binds host port " + key + ", which " + other.what()
                  + " binds too", List.of(s.id(), other.elementId()), CLASH.explain(),
              SocketRule.movePort(t, s)));
        }
      }
    }
    return out;
  }

  /** The host ports a socket element binds: a listener's TCP port, a dgram link's two UDP ports. */
  private static List<String> ports(Topology t, Socket s) {
    return switch (s.transport()) {
      case SOCKET, STREAM -> t.linksAt(Endpoint.of(s.id(), Socket.LISTEN)).isEmpty() ? List.of() : List.of("tcp/" + s.port());
      case DGRAM -> s.peerPort() == null ? List.of("udp/" + s.port()) : List.of("udp/" + s.port(), "udp/" + s.peerPort());
      case MCAST -> List.of();
    };
  }
}
