package dev.patchbay.model.edit;

import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.Topology;

/** Changes the host's settings (forwarding, NAT, proxy ARP, routes). */
public final class SetHostCommand implements Command {
  private final HostSettings after;
  private final String description;
  private HostSettings before;

  public SetHostCommand(HostSettings after, String description) {
    this.after = after;
    this.description = description;
  }

  @Override
  public void execute(Topology topology) {
    before = topology.host();
    topology.setHost(after);
  }

  @Override
  public void undo(Topology topology) {
    topology.setHost(before);
  }

  @Override
  public String description() {
    return description;
  }
}
