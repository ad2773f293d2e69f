package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.counters.CounterSnapshot;
import dev.patchbay.model.counters.LinkReading;
import dev.patchbay.app.designer.live.LinkRates;
import java.util.Map;
import javafx.geometry.Bounds;
import java.util.Set;
import javafx.scene.Group;

/** What a running lab shows on the canvas: counters on the wires, guest states, cut links. */
final class LiveLook {
  private final Map<String, NodeView> nodes;
  private final Map<String, LinkView> links;
  /** Counter labels of a running lab sit above the nodes so a short wire's label stays readable. */
  private final Group trafficLayer = new Group();
  /** How far a guest's state label reaches above its box (see {@link NodeView#setLiveState}). */
  private static final double LIVE_STATE = 20;

  LiveLook(Map<String, NodeView> nodes, Map<String, LinkView> links) {
    this.nodes = nodes;
    this.links = links;
    trafficLayer.setMouseTransparent(true);
  }

  Group trafficLayer() {
    return trafficLayer;
  }

  /** The drawing was built anew: no label of the old links stays. */
  void clear() {
    trafficLayer.getChildren().clear();
  }

  void forget(LinkView gone) {
    if (gone.trafficLabel() != null) {
      trafficLayer.getChildren().remove(gone.trafficLabel());
    }
  }

  /** Counters on every wire, with their rates; null leaves live mode. The caller routes the wires again. */
  void traffic(CounterSnapshot snapshot, Map<String, LinkRates> rates) {
    links.forEach((id, l) -> {
      l.setTraffic(snapshot == null ? null : snapshot.link(id).orElse(LinkReading
          .unavailable(id, "", "", "this link was not in the lab when it was applied")), rates.get(id));
      if (l.trafficLabel() != null && l.trafficLabel().getParent() == null) {
        trafficLayer.getChildren().add(l.trafficLabel()); // made by its first reading
      }
    });
  }

  /**
   * Moves every shown counter label off the boxes and ports and off the labels placed before it,
   * as near its wire's middle as it can be ({@link LabelPlacer}). After the wires were routed.
   */
  void placeLabels() {
    if (trafficLayer.getChildren().isEmpty()) {
      return;
    }
    LabelPlacer placer = new LabelPlacer();
    for (NodeView n : nodes.values()) {
      double state = n.liveStateText().isEmpty() ? 0 : LIVE_STATE; // a guest's state sits above its box
      placer.avoidBox(n.drawnX(), n.drawnY() - state, n.getPrefWidth(), n.getPrefHeight() + state);
    }
    for (LinkView l : links.values()) {
      javafx.scene.Node label = l.trafficLabel();
      if (label != null && label.isVisible()) {
        Bounds b = label.getLayoutBounds();
        l.placeTrafficAt(placer.place(l::pointAt, b.getWidth(), b.getHeight()));
      }
    }
  }

  /** Each running guest's state by guest name (as the lab's run folders name them); empty clears. */
  void guestStates(Map<String, dev.patchbay.backends.lab.LabService.GuestState> byName) {
    nodes.forEach((id, n) -> {
      var st = byName.get(n.element().name());
      n.setLiveState(st == null ? null : st.state(), st == null ? null : String.join("\n", st.stderr()));
    });
  }

  /** Links cut with QMP set_link are drawn dashed. The caller redraws the shared wire path. */
  void cut(Set<String> cut) {
    links.forEach((id, l) -> l.setCut(cut.contains(id)));
  }
}
