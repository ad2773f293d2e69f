package dev.patchbay.model.reach;

import dev.patchbay.model.net.Ipv4;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One packet's way through a design: the nodes it crosses, the steps the design lacks ("missing"),
 * and what must hold outside the design ("conditions", e.g. a route on the LAN's gateway). A walk
 * goes on past a missing step it can assume fixed, so a "no" lists every step to add, not only the
 * first; it stops at a failure nothing can be assumed past.
 */
final class Walk {
  final List<String> path = new ArrayList<>();
  final Set<String> missing = new LinkedHashSet<>();
  final Set<String> conditions = new LinkedHashSet<>();
  final Set<String> notes = new LinkedHashSet<>();
  final boolean reply;
  /** The packet's current source address (NAT rewrites it). */
  Ipv4 src;
  /** The node the packet is at (for the L2 part of the path). */
  String at;
  boolean natted;
  boolean stopped;
  /** Where it ended: a node id, "host", "lan" or "internet"; null until delivered. */
  String delivered;
  private int hops;

  Walk(boolean reply, Ipv4 src, String start) {
    this.reply = reply;
    this.src = src;
    this.at = start;
    if (start != null && !reply) {
      path.add(start);
    }
  }

  /**
   * Appends nodes, skipping the one the path already ends with. A reply's path is never shown (its
   * conversation shows the way there and takes only the reply's findings): only where it is counts.
   */
  void go(List<String> nodes) {
    if (!reply) {
      for (String n : nodes) {
        if (path.isEmpty() || !path.get(path.size() - 1).equals(n)) {
          path.add(n);
        }
      }
    }
    if (!nodes.isEmpty()) {
      at = nodes.get(nodes.size() - 1);
    }
  }

  void go(String node) {
    go(List.of(node));
  }

  /** A step the design lacks, with no way to assume past it. */
  void fail(String reason) {
    missing.add(reason);
    stopped = true;
  }

  void deliver(String where) {
    delivered = where;
  }

  boolean ok() {
    return !stopped && delivered != null;
  }

  /** Guards against routing loops in a broken design (two routers pointing at each other). */
  boolean tooLong() {
    if (++hops > 16) {
      fail("the packet loops between routers: check the routes");
      return true;
    }
    return stopped;
  }

  /** Takes over another walk's findings (the reply leg of a conversation). */
  void absorb(Walk other) {
    missing.addAll(other.missing);
    conditions.addAll(other.conditions);
    notes.addAll(other.notes);
    if (!other.ok()) {
      stopped = true;
    }
  }
}
