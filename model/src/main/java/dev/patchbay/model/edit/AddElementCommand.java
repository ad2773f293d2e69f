package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Point;
import dev.patchbay.model.topology.Topology;

/** Places a new element on the canvas. */
public record AddElementCommand(Element element, Point at) implements Command {
  @Override
  public void execute(Topology topology) {
    topology.add(element, at);
  }

  @Override
  public void undo(Topology topology) {
    topology.remove(element.id());
  }

  @Override
  public String description() {
    return "Add " + element.kind().label().toLowerCase(java.util.Locale.ROOT) + " " + element.name();
  }
}
