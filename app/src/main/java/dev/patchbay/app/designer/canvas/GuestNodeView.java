package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.layout.Geometry;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.Endpoint;
import dev.patchbay.model.topology.ElementKind;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Nic;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/** A guest: a box titled with its name, one row per NIC with the NIC's port on the left edge. */
public final class GuestNodeView extends NodeView {
  public GuestNodeView(Guest guest) {
    super(guest);
    update(guest);
  }

  @Override
  protected void build(Element e) {
    Guest g = (Guest) e;
    double w = NodeGeometry.GUEST_WIDTH;
    double h = NodeGeometry.height(g);
    setPrefSize(w, h);
    Rectangle box = box(w, h);
    Group icon = Icons.node(ElementKind.GUEST, 20);
    icon.relocate(10, 7);
    Label name = new Label(g.name());
    name.getStyleClass().add("name");
    name.relocate(38, 8);
    Label mem = new Label(g.memoryMiB() + " MiB");
    mem.getStyleClass().add("detail");
    mem.relocate(w - 58, 10);
    Line rule = new Line(0, NodeGeometry.GUEST_HEADER, w, NodeGeometry.GUEST_HEADER);
    rule.getStyleClass().add("rule");
    getChildren().addAll(box, icon, name, mem, rule);
    for (int i = 0; i < g.nics().size(); i++) {
      addNicRow(g, g.nics().get(i), Geometry.nicPort(i));
    }
  }

  /** A NIC's row: its name and address, and its port where the model's geometry puts it (the layout's too). */
  private void addNicRow(Guest g, Nic n, Geometry.Port port) {
    double y = port.y() - NodeGeometry.NIC_ROW / 2;
    Label nic = new Label(n.name());
    nic.getStyleClass().add("nic");
    nic.relocate(16, y + 6);
    Label address = new Label(address(n.ip()));
    address.getStyleClass().add("detail");
    address.relocate(60, y + 6);
    LazyTooltip.install(address, () -> n.name() + ": " + n.model().label() + ", MAC " + n.mac());
    getChildren().addAll(nic, address);
    addPort(new PortView(Endpoint.of(g.id(), n.name())), port.x(), port.y());
  }

  static String address(IpConfig ip) {
    return switch (ip.mode()) {
      case STATIC -> ip.address() == null ? "static, no address" : ip.address();
      case DHCP -> "DHCP";
      case NONE -> "not configured";
    };
  }
}
