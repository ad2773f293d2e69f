package dev.patchbay.app.designer.reach;

import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.reach.Reachability.Verdict;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Internet;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import dev.patchbay.model.topology.UserNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A matrix cell's answer as the canvas draws it: the wires and elements the packet crosses on its
 * way there, and for a no the element where it stops with what is missing (for an only-with, the
 * element the condition is on, with the condition). The host's own routing between two of its
 * interfaces crosses no wire, so a path lights no wire there. The model walks a no on past its
 * missing step to find every one; what lies past the stop is where the packet would go once it is
 * fixed, and is drawn apart.
 *
 * @param links the wires along the way, in order
 * @param elements the elements along the way, in order
 * @param beyond the elements and wires of the path past where a no stops
 * @param stopAt the element where the packet stops (a no) or the condition applies (an only-with); null for a yes
 * @param reason what is missing there, or the condition; empty for a yes
 */
public record ReachPath(Pair pair, List<String> links, List<String> elements, String stopAt, String reason,
    java.util.Set<String> beyond) {
  public ReachPath {
    links = List.copyOf(links);
    elements = List.copyOf(elements);
    beyond = java.util.Set.copyOf(beyond);
  }

  public Verdict verdict() {
    return pair.verdict();
  }

  /** The answer laid onto the design: every path node an element of it becomes a lit element and wire. */
  public static ReachPath of(Pair p, Topology t) {
    List<String> elements = new ArrayList<>();
    List<String> links = new ArrayList<>();
    // For each wire, the index in elements of its far end: what lies past a stop is known by it.
    List<Integer> reachedAt = new ArrayList<>();
    Endpoint previous = null;
    for (String node : p.path()) {
      Endpoint here = endpoint(node, t);
      if (here == null) {
        previous = null; // the host routes between its interfaces: no wire there
        continue;
      }
      if (elements.isEmpty() || !elements.get(elements.size() - 1).equals(here.element())) {
        elements.add(here.element());
      }
      if (previous != null) {
        wireBetween(previous, here, t).filter(l -> !links.contains(l)).ifPresent(l -> {
          links.add(l);
          reachedAt.add(elements.size() - 1);
        });
      }
      previous = here;
    }
    return switch (p.verdict()) {
      case YES -> new ReachPath(p, links, elements, null, "", java.util.Set.of());
      case NO -> {
        String stop = stopOf(p, elements, t);
        int at = elements.indexOf(stop);
        java.util.Set<String> beyond = new java.util.HashSet<>();
        if (at >= 0) {
          beyond.addAll(elements.subList(at + 1, elements.size()));
          for (int i = 0; i < links.size(); i++) {
            if (reachedAt.get(i) > at) {
              beyond.add(links.get(i));
            }
          }
        }
        yield new ReachPath(p, links, elements, stop, String.join("\n", p.missing()), beyond);
      }
      case ONLY_WITH -> new ReachPath(p, links, elements, conditionAt(p, elements, t), p.condition(),
          java.util.Set.of());
    };
  }

  /** A path node as an end on the design ("g1:nic0", "br0", the LAN's id, the word internet), or null (host, NAT). */
  private static Endpoint endpoint(String node, Topology t) {
    Endpoint e = Endpoint.parse(node);
    if (t.contains(e.element())) {
      return e;
    }
    if ("internet".equals(node)) {
      return t.elementsOf(Internet.class).findFirst().map(i -> Endpoint.of(i.id())).orElse(null);
    }
    return null;
  }

  /** The wire joining two consecutive ends; a NIC's end must be that NIC. */
  private static Optional<String> wireBetween(Endpoint a, Endpoint b, Topology t) {
    for (Link l : t.linksOf(a.element())) {
      Endpoint near = l.end(a.element());
      Endpoint far = l.other(a.element());
      if (far.element().equals(b.element()) && fits(a, near) && fits(b, far)) {
        return Optional.of(l.id());
      }
    }
    return Optional.empty();
  }

  private static boolean fits(Endpoint onPath, Endpoint onLink) {
    return onPath.port() == null || onPath.port().equals(onLink.port());
  }

  /**
   * Where a no stops. The model walks on past a missing step to find every one, so its path's end is
   * not always where the packet stops: the first missing step names the element it is about (a guest
   * without a gateway), or the host (ip_forward: the packet stops where it enters the host). Failing
   * both, the last element reached, or with no path the guest the answer is about.
   */
  private static String stopOf(Pair p, List<String> elements, Topology t) {
    String first = p.missing().isEmpty() ? "" : p.missing().get(0);
    for (String id : elements) {
      Element e = t.element(id).orElseThrow();
      if (mentions(first, id) || mentions(first, e.name())) {
        return id;
      }
    }
    int host = p.path().indexOf("host");
    if (host > 0 && mentions(first, "host")) {
      Endpoint before = endpoint(p.path().get(host - 1), t);
      if (before != null) {
        return before.element();
      }
    }
    return elements.isEmpty() ? guestEnd(p, t) : elements.get(elements.size() - 1);
  }

  /** Whether a sentence has this word on its own (not inside another name: eth0 is not in veth0). */
  private static boolean mentions(String sentence, String word) {
    return word != null && !word.isEmpty()
        && java.util.regex.Pattern.compile("(?<![\\w.-])" + java.util.regex.Pattern.quote(word) + "(?![\\w-])")
            .matcher(sentence).find();
  }

  /** An only-with's condition sits on the LAN (its gateway), on the user net (its forwards), or at the path's end. */
  private static String conditionAt(Pair p, List<String> elements, Topology t) {
    String c = p.condition() == null ? "" : p.condition();
    Class<? extends Element> kind = c.contains("hostfwd") ? UserNet.class : c.contains("gateway") ? Lan.class : null;
    if (kind != null) {
      for (String id : elements) {
        if (t.element(id).filter(kind::isInstance).isPresent()) {
          return id;
        }
      }
    }
    return elements.isEmpty() ? guestEnd(p, t) : elements.get(elements.size() - 1);
  }

  private static String guestEnd(Pair p, Topology t) {
    return t.element(p.from()).filter(Guest.class::isInstance).isPresent() ? p.from()
        : t.element(p.to()).filter(Guest.class::isInstance).map(Element::id).orElse(null);
  }
}
