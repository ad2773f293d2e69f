package dev.patchbay.model.edit;

import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;

/** Wires two endpoints. */
public record ConnectCommand(Link link) implements Command {
  @Override
  public void execute(Topology topology) {
    topology.connect(link);
  }

  @Override
  public void undo(Topology topology) {
    topology.disconnect(link.id());
  }

  @Override
  public String description() {
    return "Link " + link.a() + " to " + link.b();
  }
}
