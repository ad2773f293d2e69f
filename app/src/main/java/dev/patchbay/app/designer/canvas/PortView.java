package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Endpoint;
import javafx.scene.shape.Circle;

/** A connector dot: pressing it starts a wire from its endpoint. */
public final class PortView extends Circle {
  private final Endpoint endpoint;

  public PortView(Endpoint endpoint) {
    super(5.5);
    this.endpoint = endpoint;
    getStyleClass().add("port");
    setId("port-" + endpoint.element() + (endpoint.port() == null ? "" : "-" + endpoint.port()));
    LazyTooltip.install(this, () -> "Drag to link " + endpoint);
  }

  public Endpoint endpoint() {
    return endpoint;
  }
}
