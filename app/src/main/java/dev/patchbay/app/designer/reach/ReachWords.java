package dev.patchbay.app.designer.reach;

import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Topology;
import java.util.Optional;

/**
 * A reachability answer in the user's words: the design's names where the model keeps ids, and an
 * only-with's condition said as what it asks for ("only with a port forward") instead of the bare
 * verdict. The condition sentences come from the model's reach package (Answer, Inbound,
 * Reachability.portForward, Tracer); their kinds are read here the way the verify expectation reads them.
 */
public final class ReachWords {
  private ReachWords() {}

  /** The short text of a matrix cell: yes, no, or the condition of an only-with in a few words. */
  public static String cell(Pair p) {
    return switch (p.verdict()) {
      case YES -> "yes";
      case NO -> "no";
      case ONLY_WITH -> onlyWith(p.condition());
    };
  }

  /** What an only-with needs, in a few words: a port forward, a route on the LAN gateway, or both. */
  static String onlyWith(String condition) {
    String c = condition == null ? "" : condition;
    boolean forward = c.contains("hostfwd ports") || c.matches("(?s).*forwards (a port|those ports).*");
    boolean route = c.matches("(?s).*routes \\S+ via .*");
    if (forward && route) {
      return "only with a port forward and a gateway route";
    }
    if (forward) {
      return "only with a port forward";
    }
    return route ? "only with a route on the LAN gateway" : "only under a condition";
  }

  /** Where an answer starts or ends: a guest's name, the LAN's, "Internet" or "host". */
  static String end(String id, Topology t) {
    if (Reachability.LAN.equals(id) && !(t.element(id).orElse(null) instanceof Lan)) {
      return t.elementsOf(Lan.class).findFirst().map(l -> Printable.name(l.name())).orElse("LAN");
    }
    if (Reachability.INTERNET.equals(id) && !(t.element(id).orElse(null) instanceof Internet)) {
      return "Internet";
    }
    return t.element(id).map(e -> Printable.name(e.name())).orElse(id);
  }

  /** One node of a path: "GUEST1 nic0" for a NIC, an element's name, or the model's word (host, NAT). */
  static String node(String node, Topology t) {
    int colon = node.indexOf(':');
    if (colon > 0) {
      Optional<Element> guest = t.element(node.substring(0, colon));
      if (guest.isPresent()) {
        return Printable.name(guest.get().name()) + " " + node.substring(colon + 1);
      }
    }
    return end(node, t);
  }

  /** The whole explanation of a cell, names for ids: the verdict, the condition, the path, what is missing. */
  public static String explain(Pair p, Topology t) {
    StringBuilder sb = new StringBuilder(end(p.from(), t) + " -> " + end(p.to(), t) + ": " + cell(p));
    if (p.condition() != null && !p.condition().isBlank()) {
      sb.append("\n").append(p.condition());
    }
    if (!p.path().isEmpty()) {
      sb.append("\npath: ").append(String.join(" -> ", p.path().stream().map(n -> node(n, t)).toList()));
    }
    p.missing().forEach(m -> sb.append("\nmissing: ").append(m));
    return sb.toString();
  }
}
