package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Topology;

/** Changes an element's properties: swaps in an edited copy with the same id. */
public final class ReplaceElementCommand implements Command {
  private final Element after;
  private final String description;
  private Element before;

  public ReplaceElementCommand(Element after, String description) {
    this.after = after;
    this.description = description;
  }

  @Override
  public void execute(Topology topology) {
    before = topology.replace(after);
  }

  @Override
  public void undo(Topology topology) {
    topology.replace(before);
  }

  @Override
  public String description() {
    return description;
  }
}
