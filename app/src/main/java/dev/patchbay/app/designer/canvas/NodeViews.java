package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Guest;

/** Picks the node view for an element's kind. */
public final class NodeViews {
  private NodeViews() {}

  public static NodeView create(Element e) {
    return e instanceof Guest g ? new GuestNodeView(g) : new DeviceNodeView(e);
  }
}
