package dev.patchbay.app.designer.canvas;

import dev.patchbay.app.designer.reach.ReachPath;
import dev.patchbay.model.reach.Reachability.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The Reachability cell the user selected, drawn on the design: the wires and elements its packet
 * crosses lit, and the element where it stops (a no) or where its condition lies (an only-with)
 * marked, with the reason in a label under it. It holds no state the selection lacks: the view
 * model clears the selection when the design changes, and this layer with it.
 */
final class ReachPathLayer {
  static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("reach-path");
  static final PseudoClass STOP = PseudoClass.getPseudoClass("reach-stop");
  static final PseudoClass CONDITION = PseudoClass.getPseudoClass("reach-condition");
  /** Past where a no stops: where the packet would go once the missing step is there. */
  static final PseudoClass BEYOND = PseudoClass.getPseudoClass("reach-beyond");
  /** A long reason (several missing steps) is cut to this many lines on the canvas; the tooltip has all. */
  private static final int LINES = 2;
  private final Map<String, NodeView> nodes;
  private final Map<String, LinkView> links;
  private final Group layer = new Group();
  private final List<Node> marked = new ArrayList<>();

  ReachPathLayer(Map<String, NodeView> nodes, Map<String, LinkView> links) {
    this.nodes = nodes;
    this.links = links;
  }

  /** The layer the stop label sits in, above the nodes. */
  Group layer() {
    return layer;
  }

  /** Draws the path, or with null only clears the last one. */
  void show(ReachPath path) {
    clear();
    if (path == null) {
      return;
    }
    for (String id : path.links()) {
      LinkView l = links.get(id);
      if (l != null) {
        l.setOnPath(true);
        l.pseudoClassStateChanged(BEYOND, path.beyond().contains(id));
        marked.add(l);
      }
    }
    for (String id : path.elements()) {
      mark(nodes.get(id), ON_PATH);
      if (path.beyond().contains(id)) {
        mark(nodes.get(id), BEYOND);
      }
    }
    NodeView stop = path.stopAt() == null ? null : nodes.get(path.stopAt());
    if (stop != null) {
      mark(stop, path.verdict() == Verdict.NO ? STOP : CONDITION);
      if (!path.reason().isBlank()) {
        layer.getChildren().add(reasonLabel(path, stop));
      }
    }
  }

  /** Takes every mark off (the views of a rebuilt drawing were never marked). */
  void clear() {
    for (Node n : marked) {
      n.pseudoClassStateChanged(BEYOND, false);
      if (n instanceof LinkView l) {
        l.setOnPath(false);
      } else {
        n.pseudoClassStateChanged(ON_PATH, false);
        n.pseudoClassStateChanged(STOP, false);
        n.pseudoClassStateChanged(CONDITION, false);
      }
    }
    marked.clear();
    layer.getChildren().clear();
  }

  private void mark(NodeView n, PseudoClass how) {
    if (n != null) {
      n.pseudoClassStateChanged(how, true);
      marked.add(n);
    }
  }

  /** Under the marked element, following it when it is moved. */
  private static Label reasonLabel(ReachPath path, NodeView at) {
    String why = path.reason();
    String[] lines = why.split("\n");
    StringBuilder shown = new StringBuilder(lines[0]);
    for (int i = 1; i < Math.min(LINES, lines.length); i++) {
      shown.append("\nand: ").append(lines[i]);
    }
    if (lines.length > LINES) {
      shown.append("\n(+").append(lines.length - LINES).append(" more: see the Reachability panel)");
    }
    // A condition reads as a sentence already ("only once the LAN gateway routes ...").
    Label l = new Label(path.verdict() == Verdict.NO ? "Stops here: " + shown
        : Character.toUpperCase(shown.charAt(0)) + shown.substring(1));
    l.setId("reachStop");
    l.getStyleClass().addAll("reach-stop-label", path.verdict() == Verdict.NO ? "reach-stop-no" : "reach-stop-only");
    l.setWrapText(true);
    l.setMaxWidth(300);
    l.setTooltip(new Tooltip(why));
    l.layoutXProperty().bind(at.layoutXProperty());
    l.layoutYProperty().bind(at.layoutYProperty().add(at.heightProperty()).add(8));
    return l;
  }
}
