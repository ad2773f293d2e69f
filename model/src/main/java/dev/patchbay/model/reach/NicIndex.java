package dev.patchbay.model.reach;

import dev.patchbay.model.net.Ipv4;
import dev.patchbay.model.reach.Layer3.NicAddress;
import dev.patchbay.model.reach.Segments.Segment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The NICs of a layer-3 view in file order, found by segment, guest and address. An edit of a guest
 * that keeps its wiring replaces NICs in place (same node, same position), so the index is patched
 * for the NICs that changed instead of rebuilt for all of them.
 */
final class NicIndex {
  private final List<NicAddress> nics = new ArrayList<>();
  /** By identity: two NICs of a guest may share a name (and so a node) in a broken design. */
  private final Map<NicAddress, Integer> position = new IdentityHashMap<>();
  private final Map<Segment, List<NicAddress>> bySegment = new HashMap<>();
  private final Map<String, List<NicAddress>> byGuest = new HashMap<>();
  /** Every NIC with an address, by address, in file order: the first one is the address's owner. */
  private final Map<Ipv4, List<NicAddress>> holders = new HashMap<>();
  /** NICs replaced since the last refresh, by the place they held. */
  private final Map<NicAddress, Integer> replaced = new IdentityHashMap<>();

  NicIndex(List<NicAddress> inFileOrder) {
    for (NicAddress n : inFileOrder) {
      position.put(n, nics.size());
      nics.add(n);
      bySegment.computeIfAbsent(n.segment(), k -> new ArrayList<>()).add(n);
      // The matrix asks for a guest's NICs once per pair: a scan of every NIC each time made it cubic.
      byGuest.computeIfAbsent(n.guest().id(), k -> new ArrayList<>()).add(n);
      if (n.address() != null) {
        holders.computeIfAbsent(n.address().address(), k -> new ArrayList<>(1)).add(n);
      }
    }
    bySegment.replaceAll((k, v) -> List.copyOf(v));
    byGuest.replaceAll((k, v) -> List.copyOf(v));
  }

  List<NicAddress> all() {
    return nics;
  }

  List<NicAddress> onSegment(Segment s) {
    return bySegment.getOrDefault(s, List.of());
  }

  List<NicAddress> ofGuest(String guestId) {
    return byGuest.getOrDefault(guestId, List.of());
  }

  List<NicAddress> at(Ipv4 a) {
    return holders.getOrDefault(a, List.of());
  }

  int positionOf(NicAddress n) {
    Integer p = position.get(n);
    if (p == null) {
      throw new IllegalArgumentException("no NIC " + n.node() + " in this view");
    }
    return p;
  }

  /** Puts a NIC read again in the place of the one with its node (its segment and guest stay the same). */
  void replace(NicAddress before, NicAddress after) {
    int p = positionOf(before);
    nics.set(p, after);
    position.remove(before);
    position.put(after, p);
    replaced.put(before, p);
    if (before.address() != null) {
      List<NicAddress> list = holders.get(before.address().address());
      list.removeIf(x -> x == before);
      if (list.isEmpty()) {
        holders.remove(before.address().address());
      }
    }
    if (after.address() != null) {
      List<NicAddress> list = holders.computeIfAbsent(after.address().address(), k -> new ArrayList<>(1));
      int at = 0;
      while (at < list.size() && positionOf(list.get(at)) < p) {
        at++;
      }
      list.add(at, after);
    }
  }

  /** After {@link #replace}s: the segments' and the guests' lists point at the NICs now in place. */
  void refresh(Collection<Segment> segments, Collection<String> guestIds) {
    UnaryOperator<NicAddress> now = n -> {
      Integer p = replaced.get(n);
      return p == null ? n : nics.get(p);
    };
    segments.forEach(s -> bySegment.computeIfPresent(s, (k, v) -> v.stream().map(now).toList()));
    guestIds.forEach(g -> byGuest.computeIfPresent(g, (k, v) -> v.stream().map(now).toList()));
    replaced.clear();
  }
}
