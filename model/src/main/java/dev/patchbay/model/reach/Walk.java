package dev.patchbay.model.reach;

import dev.patchbay.model.net.Ipv4;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One packet's way through a design: the nodes it crosses, the steps the design lacks ("missing"),
 * and what must hold outside the design ("conditions", e.g. a route on the LAN's gateway). A walk
 * goes on past a missing step it can assume fixed, so a "no" lists every step to add, not only the
 * first; it stops at a failure nothing can be assumed past.
 *
 * <p>The three sets are made on their first entry: a matrix walks two legs per answer and most
 * add nothing, so empty sets were most of what it allocated.
 */
final class Walk {
  /** Null for a reply, whose path nobody shows. */
  private final PathList.Builder path;
  private Set<String> missing;
  private Set<String> conditions;
  private Set<String> notes;
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
  /**
   * Set when the walk took a turn a reply's walk would not (NAT, or a host that lets only a NAT'd
   * reply in): without it the same walk as a reply finds the same and ends the same, so it can
   * stand for the reply of the conversation the other way ({@link GuestPairs}).
   */
  boolean replyDiffers;

  Walk(boolean reply, Ipv4 src, String start) {
    this.reply = reply;
    this.src = src;
    this.at = start;
    this.path = reply ? null : new PathList.Builder();
    if (start != null && !reply) {
      path.add(start);
    }
  }

  /**
   * Appends nodes, skipping the one the path already ends with. A reply's path is never shown (its
   * conversation shows the way there and takes only the reply's findings): only where it is counts.
   */
  void go(List<String> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      go(nodes.get(i));
    }
  }

  void go(String node) {
    if (path != null && (path.isEmpty() || !path.last().equals(node))) {
      path.add(node);
    }
    at = node;
  }

  /** The nodes crossed; the walk goes nowhere after this is asked (a reply's: empty). */
  List<String> path() {
    return path == null ? List.of() : path.done();
  }

  void missing(String step) {
    if (missing == null) {
      missing = new LinkedHashSet<>();
    }
    missing.add(step);
  }

  void condition(String c) {
    if (conditions == null) {
      conditions = new LinkedHashSet<>();
    }
    conditions.add(c);
  }

  void note(String n) {
    if (notes == null) {
      notes = new LinkedHashSet<>();
    }
    notes.add(n);
  }

  Set<String> missing() {
    return missing == null ? Set.of() : missing;
  }

  Set<String> conditions() {
    return conditions == null ? Set.of() : conditions;
  }

  Set<String> notes() {
    return notes == null ? Set.of() : notes;
  }

  /** A step the design lacks, with no way to assume past it. */
  void fail(String reason) {
    missing(reason);
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
    addAll(other.missing, this::missing);
    addAll(other.conditions, this::condition);
    addAll(other.notes, this::note);
    if (!other.ok()) {
      stopped = true;
    }
  }

  /** The same from findings kept earlier. */
  void absorb(Findings other) {
    addAll(other.missing(), this::missing);
    addAll(other.conditions(), this::condition);
    addAll(other.notes(), this::note);
    if (!other.ok()) {
      stopped = true;
    }
  }

  /** What a finished walk found, fixed before any conversation adds to it; most find nothing. */
  record Findings(List<String> missing, List<String> conditions, List<String> notes, boolean ok) {
    private static final Findings OK = new Findings(null, null, null, true);
    private static final Findings STUCK = new Findings(null, null, null, false);
  }

  Findings findings() {
    if (missing == null && conditions == null && notes == null) {
      return ok() ? Findings.OK : Findings.STUCK;
    }
    return new Findings(copy(missing), copy(conditions), copy(notes), ok());
  }

  private static List<String> copy(Set<String> s) {
    return s == null ? null : List.copyOf(s);
  }

  static void addAll(Collection<String> from, java.util.function.Consumer<String> to) {
    if (from != null) {
      from.forEach(to);
    }
  }
}
