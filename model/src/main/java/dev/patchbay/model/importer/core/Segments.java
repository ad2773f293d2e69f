package dev.patchbay.model.importer.core;

import dev.patchbay.model.importer.build.LabBuilder;
import dev.patchbay.model.importer.core.CoreScenario.Kind;
import dev.patchbay.model.importer.core.CoreScenario.Node;
import dev.patchbay.model.topology.Endpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Switches, hubs and RJ45s wired to each other form one Ethernet segment. VDE switches cannot be
 * plugged into each other, and a host NIC is reached only through a bridge, so each segment that
 * needs it gets one bridge: every switch's own tap and every RJ45's uplink are enslaved to it.
 */
final class Segments {
  private final LabBuilder lab;
  private final Map<String, String> parent = new LinkedHashMap<>();
  private final Map<String, Node> members = new HashMap<>();
  private final Map<String, String> elements = new HashMap<>();
  private final Map<String, String> bridges = new HashMap<>();
  private final Set<String> bridgeNames = new HashSet<>();
  private Map<String, List<Node>> segments;

  Segments(LabBuilder lab) {
    this.lab = lab;
  }

  void add(Node n, String elementId) {
    parent.putIfAbsent(n.key(), n.key());
    members.put(n.key(), n);
    elements.put(n.key(), elementId);
  }

  void union(String a, String b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    parent.put(root(a), root(b));
  }

  private String root(String key) {
    String r = key;
    while (!parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    for (String k = key; !k.equals(r); ) { // path compression: every later lookup is one step
      String next = parent.get(k);
      parent.put(k, r);
      k = next;
    }
    return r;
  }

  /** The segment's bridge, made on first use and named after its RJ45 (br-eth1) or first member. */
  String bridgeOf(String key) {
    String root = root(key);
    return bridges.computeIfAbsent(root, r -> {
      List<Node> in = segment(r);
      Node named = in.stream().filter(n -> n.kind() == Kind.RJ45).findFirst().orElse(in.get(0));
      String name = "br-" + named.name();
      for (int i = 1; !bridgeNames.add(name); i++) {
        name = "br-" + named.name() + "-" + i;
      }
      return lab.bridge(name, null);
    });
  }

  /** The members of the root's segment. */
  private List<Node> segment(String root) {
    return gathered().get(root);
  }

  /** Every segment by its root, gathered once: all unions come before the first question. */
  private Map<String, List<Node>> gathered() {
    if (segments == null) {
      segments = new LinkedHashMap<>();
      for (String k : List.copyOf(parent.keySet())) {
        segments.computeIfAbsent(root(k), r -> new ArrayList<>()).add(members.get(k));
      }
    }
    return segments;
  }

  /** Joins every segment of more than one member, or with devices on its RJ45, through its bridge. */
  void draw() {
    for (Map.Entry<String, List<Node>> e : gathered().entrySet()) {
      String r = e.getKey();
      List<Node> in = e.getValue();
      if (in.size() < 2 && !bridges.containsKey(r)) {
        continue;
      }
      String bridge = bridgeOf(r);
      for (Node n : in) {
        Endpoint own = Endpoint.of(elements.get(n.key()));
        if (n.kind() == Kind.RJ45) {
          lab.link(own, Endpoint.of(bridge));
        } else {
          lab.link(own, Endpoint.of(lab.tapOn(bridge, null)));
        }
      }
    }
  }
}
