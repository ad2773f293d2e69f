package dev.patchbay.model.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule's findings, each filed under the key of the part of the design it is about (a section of
 * the rule and a place in it: a NIC's position, an element's index). A full check lists them in key
 * order; a scoped check replaces the findings of the keys an edit can change and keeps the rest.
 */
public final class KeyedFindings {
  private final TreeMap<Long, List<Diagnostic>> byKey;
  private List<Diagnostic> list;

  public KeyedFindings() {
    this(new TreeMap<>());
  }

  private KeyedFindings(TreeMap<Long, List<Diagnostic>> byKey) {
    this.byKey = byKey;
  }

  /** The key of a place (0 or more) in a section; sections list in their order, places in theirs. */
  public static long key(int section, int place) {
    return ((long) section << 32) | (place & 0xFFFFFFFFL);
  }

  public static int place(long key) {
    return (int) key;
  }

  public void add(long key, Diagnostic d) {
    byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(d);
    list = null;
  }

  /** The keys of one section that hold findings. */
  public Collection<Long> keysIn(int section) {
    return byKey.subMap(key(section, 0), true, key(section, Integer.MAX_VALUE), true).keySet();
  }

  /** These findings, with those under the given keys replaced by the fresh ones (which only use those keys). */
  public KeyedFindings replacing(Collection<Long> keys, KeyedFindings fresh) {
    TreeMap<Long, List<Diagnostic>> out = new TreeMap<>(byKey);
    keys.forEach(out::remove);
    for (Map.Entry<Long, List<Diagnostic>> e : fresh.byKey.entrySet()) {
      if (!keys.contains(e.getKey())) {
        throw new IllegalArgumentException("a fresh finding under key " + e.getKey() + " that was not re-checked");
      }
      out.put(e.getKey(), e.getValue());
    }
    return new KeyedFindings(out);
  }

  /** Every finding in key order: what a full check returns. */
  public List<Diagnostic> list() {
    if (list == null) {
      List<Diagnostic> out = new ArrayList<>();
      byKey.values().forEach(out::addAll);
      list = List.copyOf(out);
    }
    return list;
  }
}
