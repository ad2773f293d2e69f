package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.BoxText;
import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.layout.TextWidths;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.Socket;
import dev.patchbay.model.topology.Uplink;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;

/**
 * Every element but a guest: a box with the kind's icon, the name and the one fact that matters
 * most (an address, a subnet, a hub id), as wide as those words need ({@link TextWidths}). A wire
 * ends on a port on the side of the box facing its other end ({@link SidePorts}); a point-to-point
 * socket has its two sides as ports left and right.
 */
public final class DeviceNodeView extends NodeView {
  public DeviceNodeView(Element element) {
    super(element);
    update(element);
  }

  @Override
  protected void build(Element e) {
    double w = Geometry.width(e);
    double h = NodeGeometry.DEVICE_HEIGHT;
    setPrefSize(w, h);
    Rectangle box = box(w, h);
    Group icon = Icons.node(e.kind(), 26);
    icon.relocate(9, (h - 26) / 2);
    double text = w - TextWidths.DEVICE_TEXT_X - TextWidths.RIGHT_MARGIN;
    Label name = new Label(e.name());
    name.getStyleClass().add("name");
    name.relocate(TextWidths.DEVICE_TEXT_X, 9);
    name.setMaxWidth(text);
    LazyTooltip.install(name, e::name);
    Label detail = new Label(detail(e));
    detail.getStyleClass().add("detail");
    detail.relocate(TextWidths.DEVICE_TEXT_X, 29);
    detail.setMaxWidth(text);
    getChildren().addAll(box, icon, name, detail);
    if (e instanceof Uplink u && u.medium() == Uplink.Medium.WIRELESS) {
      Label wifi = new Label("wifi");
      wifi.getStyleClass().add("tag");
      wifi.relocate(w - 34, 6);
      name.setMaxWidth(text - 36);
      getChildren().add(wifi);
    }
    if (e instanceof Socket s && s.transport().pointToPoint()) {
      for (String side : s.sides()) {
        Geometry.Port p = Geometry.namedPort(e, side);
        addPort(new PortView(Endpoint.of(e.id(), side)), p.x(), p.y());
      }
    } else {
      addSidePorts(e);
    }
  }

  /** The second line of a device's box: what the user most needs to see of each kind. */
  static String detail(Element e) {
    return BoxText.detail(e);
  }
}
