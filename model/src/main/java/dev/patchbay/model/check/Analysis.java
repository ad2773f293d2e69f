package dev.patchbay.model.check;

import dev.patchbay.model.reach.Layer3;
import dev.patchbay.model.reach.Reachability;
import dev.patchbay.model.reach.Segments;
import dev.patchbay.model.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What several rules read from one design: its Ethernet segments, its layer-3 view and its
 * reachability. Each part is built on first use and shared by every rule of one check, so a check
 * reads the wiring of 10,000 elements once instead of once per rule. It is a snapshot of the
 * topology at the time of the check: after an edit, make a new one.
 */
public final class Analysis {
  private final Topology topology;
  private final Segments known;
  private Layer3 layer3;
  private Reachability reachability;
  private Map<String, Integer> order;
  private Map<Class<?>, Object> kept = new HashMap<>();

  public Analysis(Topology topology) {
    this(topology, null);
  }

  /** With the segments of the topology's current wiring, when they are known (null: find them). */
  public Analysis(Topology topology, Segments known) {
    this.topology = topology;
    this.known = known;
  }

  /** With what an earlier analysis of the same wiring found, each part null when unknown (built on use). */
  Analysis(Topology topology, Segments known, Layer3 layer3, Map<String, Integer> order, Map<Class<?>, Object> kept) {
    this(topology, layer3 != null ? layer3.segments() : known);
    this.layer3 = layer3;
    this.order = order;
    this.kept = layer3 != null && kept != null ? kept : new HashMap<>();
  }

  /**
   * What a scopable rule keeps of its own across incremental checks (an index, say), under the
   * rule's class. It lives as long as the layer-3 view: the rule builds it in a full check and
   * brings it up to the scope's guests in each scoped one. Empty when the view was read again since
   * the rule last ran (the rule was not affected): then the rule checks in full.
   */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> kept(Class<?> owner) {
    return Optional.ofNullable((T) kept.get(owner));
  }

  /** Replaces what a rule keeps (a full check builds it anew). */
  public void keep(Class<?> owner, Object value) {
    kept.put(owner, value);
  }

  Map<Class<?>, Object> keptIfLayer3() {
    return layer3 != null ? kept : null;
  }

  /** An element's place in the file (its index in {@link Topology#elements()}), -1 if absent. */
  public int indexOf(String elementId) {
    if (order == null) {
      Map<String, Integer> index = new HashMap<>();
      topology.elements().forEach(e -> index.put(e.id(), index.size()));
      order = index;
    }
    return order.getOrDefault(elementId, -1);
  }

  Map<String, Integer> orderIfKnown() {
    return order;
  }

  Layer3 layer3IfKnown() {
    return layer3;
  }

  public Topology topology() {
    return topology;
  }

  public Layer3 layer3() {
    if (layer3 == null) {
      layer3 = known == null ? new Layer3(topology) : new Layer3(topology, known);
    }
    return layer3;
  }

  public Segments segments() {
    return layer3().segments();
  }

  /** The segments if some rule asked for them (or they were given), else null: nothing is built here. */
  Segments segmentsIfKnown() {
    return layer3 != null ? layer3.segments() : known;
  }

  public Reachability reachability() {
    if (reachability == null) {
      reachability = Reachability.analyse(layer3());
    }
    return reachability;
  }
}
