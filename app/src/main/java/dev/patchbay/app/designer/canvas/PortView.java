package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.Endpoint;
import javafx.scene.shape.Circle;

/** A connector dot: pressing it starts a wire from its endpoint. */
public final class PortView extends Circle {
  /** The dot's radius in canvas units (a wire target is drawn half as large again: patchbay.css). */
  public static final double RADIUS = 5.5;
  private final Endpoint endpoint;

  public PortView(Endpoint endpoint) {
    this(endpoint, "");
  }

  /** A port with a suffix to its id: a device's ports on its other sides ({@code port-br0-north}). */
  PortView(Endpoint endpoint, String idSuffix) {
    super(RADIUS);
    this.endpoint = endpoint;
    getStyleClass().add("port");
    setId("port-" + endpoint.element() + (endpoint.port() == null ? "" : "-" + endpoint.port()) + idSuffix);
    LazyTooltip.install(this, () -> "Drag to link " + endpoint);
  }

  public Endpoint endpoint() {
    return endpoint;
  }
}
